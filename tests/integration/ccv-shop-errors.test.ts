import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CcvApiError } from '../../connectors/ccv-shop';
import { failure } from './helpers';
import { startCcvRig, type CcvRig } from './ccv-harness';

async function ccvError(promise: Promise<unknown>): Promise<CcvApiError> {
  const error = await failure(promise);
  if (!(error instanceof CcvApiError)) throw new Error(`expected a CcvApiError, got ${String(error)}`);
  return error;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
const anything = z.unknown();

// Every error the simulator produces ({code,status,developermessage}, reference/ccv-shop/README.md §4) arrives as the right kind.
describe('CCV Shop connector ⇄ simulator: errors', () => {
  let rig: CcvRig;

  beforeAll(async () => {
    rig = await startCcvRig({ sizes: { products: 30, orders: 10, users: 5, categories: 6 } });
  });
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    await rig.reset();
  });

  it('unknown id → 500.24 (the default, reference/ccv-shop/README.md §9.6): not-found naming the record, not retried', async () => {
    const e = await ccvError(rig.client().products.get(999999));
    expect([e.kind, e.status, e.code]).toEqual(['not-found', 500, '500.24']);
    expect(e.message).toMatch(/Product 999999 was not found in the shop/);
    expect(e.transient).toBe(false);
    expect(await rig.requests()).toHaveLength(1);
  });

  it('unknown id → 404 (the alternative mode): not-found as well', async () => {
    await rig.config({ unknownIdMode: '404' });
    const e = await ccvError(rig.client().attributeCombinations.get(999999));
    expect([e.kind, e.status]).toEqual(['not-found', 404]);
    expect(e.message).toMatch(/Variant 999999 was not found/);
  });

  it('unknown resource (404.20) and method not allowed (405.10)', async () => {
    const client = rig.client();
    const unknown = await ccvError(client.transport.getJson(client.transport.uri('nosuchthing'), anything, 'the test resource'));
    expect([unknown.kind, unknown.code]).toEqual(['not-found', '404.20']);
    expect(unknown.message).toMatch(/does not know the resource "nosuchthing"/);
    const method = await ccvError(client.transport.write('DELETE', client.transport.uri('orders/339000001'), undefined, 'order 339000001'));
    expect([method.kind, method.status, method.code]).toEqual(['validation', 405, '405.10']);
    expect(method.message).toMatch(/does not allow DELETE on orders/);
  });

  it('a body the schema does not allow (400.10): validation quoting the field', async () => {
    const client = rig.client();
    // `is_active` is the GET name; writes must use `active` (reference/ccv-shop/README.md §9.1).
    const e = await ccvError(client.transport.write('PATCH', client.transport.uri('products/100001'), { is_active: true }, 'product 100001'));
    expect([e.kind, e.status]).toEqual(['validation', 400]);
    expect(e.message).toContain('is_active');
    expect(e.message).toMatch(/product 100001/);
  });

  it('product limit reached (500.60): kind "limit" with what to do', async () => {
    await rig.config({ productLimit: 0 });
    const e = await ccvError(rig.client().products.create({ name: 'Te veel', productnumber: 'LIMIT-1', price: 1, discount: 0, package_id: 12, taxtariff: 'normal', active: true }));
    expect([e.kind, e.code]).toEqual(['limit', '500.60']);
    expect(e.message).toMatch(/product limit is reached/);
    expect(e.message).toMatch(/upgrade/);
    expect(e.outcomeUnknown).toBe(false);
    const posts = (await rig.requests()).filter((x) => x.method === 'POST');
    expect(posts).toHaveLength(1);
  });

  it('photo upload errors: file type not valid (500.22) and file too large (500.21) are not retried', async () => {
    const client = rig.client();
    const type = await ccvError(client.productPhotos.create(100001, { file_type: 'bmp', source: PNG }));
    expect([type.kind, type.code]).toEqual(['validation', '500.22']);
    expect(type.message).toMatch(/Use jpg, png or gif/);
    await rig.config({ photoMaxBytes: 8 });
    const size = await ccvError(client.productPhotos.create(100001, { file_type: 'png', source: PNG }));
    expect([size.kind, size.code]).toEqual(['validation', '500.21']);
    expect(size.message).toMatch(/smaller image/);
    expect((await rig.requests()).filter((x) => x.method === 'POST')).toHaveLength(2);
  });

  it('an existing name (500.40) is a validation error, not a retry', async () => {
    const client = rig.client();
    await client.attributes.create({ name: 'Dubbel', type: 'option_menu' });
    const e = await ccvError(client.attributes.create({ name: 'Dubbel', type: 'text' }));
    expect([e.kind, e.code]).toEqual(['validation', '500.40']);
    expect(e.message).toMatch(/already exists in the shop/);
  });

  it('internal errors (500.00) are retried, then reported with the code', async () => {
    const client = rig.client({ retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1000 } });
    await rig.faults({ rate: 1, kinds: ['500'], paths: ['/products/100002'] });
    const e = await ccvError(client.products.get(100002));
    expect([e.kind, e.status, e.code]).toEqual(['server', 500, '500.00']);
    expect(e.message).toMatch(/internal error for product 100002/);
    expect(e.message).toMatch(/Koppel retried/);
    expect((await rig.requests()).map((x) => x.fault)).toEqual(['500', '500', '500']);
    await rig.faults({ rate: 1, count: 1, kinds: ['500'], paths: ['/products/100002'] });
    await expect(client.products.get(100002)).resolves.toMatchObject({ id: 100002 });
  });

  it('a cut-off answer is malformed (retried on GET); a dropped connection is a network error', async () => {
    const client = rig.client({ retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 10 } });
    await rig.faults({ rate: 1, kinds: ['malformed'], paths: ['/products/100003'] });
    const cut = await ccvError(client.products.get(100003));
    expect(cut.kind).toBe('malformed');
    expect(cut.message).toMatch(/product 100003/);
    await rig.faults({ rate: 1, kinds: ['drop'], paths: ['/products/100003'] });
    const dropped = await ccvError(client.products.get(100003));
    expect(dropped.kind).toBe('network');
    expect(dropped.message).toMatch(/connection/i);
    expect((await rig.requests()).filter((x) => x.fault === 'drop')).toHaveLength(2);
  });
});
