import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CcvApiError } from '../../connectors/ccv-shop';
import { collect, failure } from './helpers';
import { queryOf, startCcvRig, type CcvRig } from './ccv-harness';

/** The CcvApiError a promise rejects with. */
async function ccvError(promise: Promise<unknown>): Promise<CcvApiError> {
  const error = await failure(promise);
  if (!(error instanceof CcvApiError)) throw new Error(`expected a CcvApiError, got ${String(error)}`);
  return error;
}

// HMAC-SHA512 over public|METHOD|uri|body|x-date (reference/ccv-shop/README.md §2), response signatures verified (§2.3).
describe('CCV Shop connector ⇄ simulator: signing and authentication', () => {
  let rig: CcvRig;

  beforeAll(async () => {
    rig = await startCcvRig({ sizes: { products: 60, orders: 20, users: 5, categories: 6 } });
  });
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    await rig.reset();
  });

  const verified = () => rig.client({ verifyResponses: true, pageSize: 25 });

  it('GET with a query (encoded values, expand list) is accepted and the answer verifies', async () => {
    const client = verified();
    const product = (await collect(client.products.iterate({ active: true })))[0];
    expect(product?.id).toBeGreaterThan(0);
    const found = await collect(client.products.iterate({ productname: 'a b/c&d=é', expand: ['productphotos', 'producttocategories'] }));
    expect(found).toEqual([]);
    const log = await rig.requests();
    expect(log.every((e) => e.status === 200)).toBe(true);
    const q = queryOf(log.at(-1) ?? log[0]!);
    expect(q.get('productname')).toBe('a b/c&d=é');
    expect(q.get('expand')).toBe('productphotos,producttocategories');
    // x-date is sent as YYYY-MM-DDTHH:MM:SSZ on the connector's clock.
    expect(log[0]?.headers['x-date']).toBe(new Date(rig.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    expect(log[0]?.headers['x-public']).toBe(rig.sim.credentials.publicKey);
  });

  it('follows `next` links (absolute URLs, signed as path+query) across pages', async () => {
    const client = rig.client({ verifyResponses: true, pageSize: 7 });
    const products = await collect(client.products.iterate());
    expect(new Set(products.map((p) => p.id)).size).toBe(60);
    const pages = (await rig.requests()).filter((e) => e.path === '/api/rest/v1/products/');
    expect(pages.map((e) => queryOf(e).get('start'))).toEqual(['0', '7', '14', '21', '28', '35', '42', '49', '56']);
    expect(pages.every((e) => e.status === 200)).toBe(true);
  });

  it('`next` links that carry an encoded filter and an expand list are signed as sent', async () => {
    const client = rig.client({ verifyResponses: true, pageSize: 2 });
    const all = await collect(client.products.iterate());
    const wanted = all.filter((p) => (p.name ?? '').toLowerCase().includes('biologisch katoen')).map((p) => p.id);
    expect(wanted.length).toBeGreaterThan(2);
    await rig.clearRequests();
    const found = await collect(client.products.iterate({ productname: 'biologisch katoen', expand: ['productphotos', 'producttocategories'] }));
    expect(found.map((p) => p.id)).toEqual(wanted);
    const pages = await rig.requests();
    // One request per page (plus, at most, one that finds the last page empty).
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(wanted.length / 2));
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(wanted.length / 2) + 1);
    for (const e of pages) {
      expect(e.status).toBe(200);
      expect(queryOf(e).get('productname')).toBe('biologisch katoen');
      expect(queryOf(e).get('expand')).toBe('productphotos,producttocategories');
    }
  });

  it('paths without the trailing slash (the official SDK form) are signed and routed too', async () => {
    const client = rig.client({ verifyResponses: true, trailingSlash: false, pageSize: 30 });
    expect((await client.products.get(100001)).id).toBe(100001);
    await client.products.patch(100001, { stock: 8 });
    expect((await collect(client.products.iterate())).length).toBe(60);
    const log = await rig.requests();
    expect(log.map((e) => `${e.method} ${e.path} ${e.status}`).slice(0, 3)).toEqual([
      'GET /api/rest/v1/products/100001 200',
      'PATCH /api/rest/v1/products/100001 204',
      'GET /api/rest/v1/products 200',
    ]);
  });

  it('POST, PATCH and PUT bodies with unicode, slashes and quotes are signed over the exact bytes sent', async () => {
    const client = verified();
    const name = 'Mok “Ünïcødé” 1/2 liter — 10 € <b>&amp;</b> 🍵';
    const product = await client.products.create({
      name,
      productnumber: 'MOK/1½',
      description: '<p>Glazen mok \\ "dubbelwandig" / vaatwasserbestendig</p>',
      price: 12.5,
      discount: 0,
      package_id: 12,
      taxtariff: 'normal',
      active: true,
    });
    expect(product.name).toBe(name);
    await client.products.patch(product.id, { shortdescription: 'Één/twee “quotes” ✓', stock: 3 });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
    await client.productPhotos.replaceAll(product.id, [{ file_type: 'png', source: png, alttext: 'Mok – voorkant/achterkant', is_mainphoto: true }]);
    const back = await client.products.get(product.id, { expand: ['productphotos'] });
    expect(back.shortdescription).toBe('Één/twee “quotes” ✓');
    expect(back.description).toBe('<p>Glazen mok \\ "dubbelwandig" / vaatwasserbestendig</p>');
    expect(back.productnumber).toBe('MOK/1½');
    expect(back.productphotos?.collection?.map((p) => p.alttext)).toEqual(['Mok – voorkant/achterkant']);
    const writes = (await rig.requests()).filter((e) => e.method !== 'GET');
    expect(writes.map((e) => `${e.method} ${e.status}`)).toEqual(['POST 201', 'PATCH 204', 'PUT 204']);
  });

  it('a wrong secret key is an auth error that names what to check and never shows the key', async () => {
    const wrong = 'not-the-demo-secret-0042';
    const e = await ccvError(rig.client({ secretKey: wrong }).products.get(100001));
    expect(e.kind).toBe('auth');
    expect(e.status).toBe(401);
    expect(e.code).toBe('401.13');
    expect(e.message).toMatch(/public and secret key/);
    expect(JSON.stringify(e)).not.toContain(wrong);
    expect(JSON.stringify(await rig.requests())).not.toContain(wrong);
    expect(rig.logs.join('\n')).not.toContain(wrong);
    // Not retried: a wrong key does not get better.
    expect(await rig.requests()).toHaveLength(1);
  });

  it('an unknown public key is an auth error too', async () => {
    const e = await ccvError(rig.client({ publicKey: 'someone_else' }).products.get(100001));
    expect([e.kind, e.status, e.code]).toEqual(['auth', 401, '401.11']);
  });

  it('a clock more than 5 minutes off is an auth error that names the clock; 4 minutes is fine', async () => {
    const client = rig.client();
    rig.serverAheadMs = 4 * 60_000;
    await expect(client.products.get(100001)).resolves.toMatchObject({ id: 100001 });
    rig.serverAheadMs = 6 * 60_000;
    const e = await ccvError(client.products.get(100001));
    expect(e.kind).toBe('auth');
    expect(e.code).toBe('401.12');
    expect(e.message).toMatch(/clock/i);
    expect(e.message).toMatch(/5 minutes/);
    rig.serverAheadMs = -6 * 60_000;
    expect((await ccvError(client.products.get(100001))).code).toBe('401.12');
  });

  it('"test connection" reads the API root, and explains a refused key', async () => {
    const good = await verified().test();
    expect(good.ok).toBe(true);
    if (good.ok) expect(good.resources.length).toBeGreaterThan(5);
    const bad = await rig.client({ secretKey: 'wrong-wrong-wrong' }).test();
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/did not accept the API keys/);
    expect(bad.message).toMatch(/clock/);
  });

  it('response verification catches an answer signed with another secret', async () => {
    // The server skips request checks here, so only the response signature can tell the keys differ.
    await rig.config({ auth: { enabled: false } });
    const e = await ccvError(rig.client({ secretKey: 'a-different-secret', verifyResponses: true }).products.get(100001));
    expect(e.kind).toBe('auth');
    expect(e.code).toBe('response-signature');
    expect(e.message).toMatch(/did not carry a valid signature/);
    // Without verification the same answer is accepted.
    await expect(rig.client({ secretKey: 'a-different-secret' }).products.get(100001)).resolves.toMatchObject({ id: 100001 });
  });

  it('no secret key or x-hash reaches the simulator log or the connector log', async () => {
    const client = verified();
    await client.products.patch(100002, { stock: 5 });
    await client.products.get(100002);
    const text = JSON.stringify(await rig.requests());
    expect(text).not.toContain(rig.sim.credentials.secretKey);
    expect(text).not.toMatch(/x-hash/i);
    expect(text).not.toMatch(/[0-9a-f]{128}/);
    expect(rig.logs.join('\n')).not.toContain(rig.sim.credentials.secretKey);
    expect(rig.logs.join('\n')).not.toMatch(/[0-9a-f]{128}/);
  });
});
