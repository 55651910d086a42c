import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VismaApiError } from '../../connectors/visma-net';
import { failure } from './helpers';
import { apiCalls, startVismaRig, type VismaRig } from './visma-harness';

/** The VismaApiError a promise rejects with. */
async function vismaError(promise: Promise<unknown>): Promise<VismaApiError> {
  const error = await failure(promise);
  if (!(error instanceof VismaApiError)) throw new Error(`expected a VismaApiError, got ${String(error)}`);
  return error;
}

// Every error shape the simulator produces (reference/visma-net/README.md §7: IPP exception, {message} with VismaId, ProblemDetails,
// plain-text and empty bodies, gateway JSON) reaches the connector as the right kind with a useful message.
describe('Visma.net connector ⇄ simulator: errors', () => {
  let rig: VismaRig;

  beforeAll(async () => {
    rig = await startVismaRig({ sizes: { inventory: 40, customers: 10, salesOrders: 5, customerInvoices: 5 } });
  });
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    await rig.reset();
  });

  it('404 {message}: not-found naming the record, VismaId kept for support', async () => {
    const e = await vismaError(rig.client().customers.get('99999'));
    expect(e.kind).toBe('not-found');
    expect(e.status).toBe(404);
    expect(e.message).toContain("customer '99999'");
    expect(e.message).toMatch(/Check the number/);
    expect(e.vismaId).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.message).toContain(e.vismaId ?? 'missing');
    // The connector does not retry a 404 (reference/visma-net/README.md §7).
    expect(apiCalls(await rig.requests())).toHaveLength(1);
    // find() turns the 404 into "not there".
    await expect(rig.client().customers.find('99999')).resolves.toBeUndefined();
  });

  it('an unknown path is a not-found too', async () => {
    const e = await vismaError(rig.client().request({ service: 'main', method: 'GET', path: '/v1/doesnotexist' }));
    expect(e.kind).toBe('not-found');
    expect(e.serverMessage).toMatch(/No HTTP resource was found/);
  });

  it('400 record errors: validation with the specific field text, not the generic wrapper', async () => {
    const e = await vismaError(rig.client().customers.create({ mainContact: { email: 'naamloos@example.nl' } }));
    expect(e.kind).toBe('validation');
    expect(e.status).toBe(400);
    expect(e.message).toContain("'Customer name' cannot be empty");
    expect(e.message).not.toMatch(/raised at least one error/);
    expect(e.outcomeUnknown).toBe(false);
  });

  it('manual numbering: "Customer ID cannot be empty" comes with the documented advice', async () => {
    await rig.config({ numbering: { customers: 'manual' } });
    const e = await vismaError(rig.client().customers.create({ name: 'Zonder Nummer' }));
    expect(e.kind).toBe('validation');
    expect(e.message).toContain("'Customer ID' cannot be empty");
    expect(e.message).toMatch(/auto-numbering/);
  });

  it('IPP exception 12027: forbidden, with the tenant advice (reference/visma-net/README.md §9.13)', async () => {
    await rig.config({ licenseValid: false });
    const e = await vismaError(rig.client().inventory.get('ART-00000'));
    expect(e.kind).toBe('forbidden');
    expect(e.code).toBe('12027');
    expect(e.message).toContain('No license for this company');
    expect(e.message).toMatch(/company's tenant id/);
    expect(e.vismaId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('V3 ProblemDetails: validation with each detail (code, property) and the matching hint', async () => {
    const e = await vismaError(
      rig.client().salesOrders.create({ type: 'SO', customer: { id: '10001' }, orderLines: [{ inventoryId: 'GEEN-ARTIKEL', quantity: 1 }] }),
    );
    expect(e.kind).toBe('validation');
    expect(e.status).toBe(400);
    expect(e.code).toBe('1804-InventoryIdNotFound');
    expect(e.details).toContainEqual(expect.objectContaining({ code: '1804-InventoryIdNotFound', property: 'orderLines[0].inventoryId' }));
    expect(e.message).toContain('orderLines[0].inventoryId');
    expect(e.message).toMatch(/create it first or fix the SKU mapping/);
  });

  it('V3 404 ProblemDetails: not-found naming the order', async () => {
    const e = await vismaError(rig.client().salesOrders.get('SO', '999999'));
    expect(e.kind).toBe('not-found');
    expect(e.message).toContain('sales order SO 999999');
  });

  it('V3 428 without If-Match: precondition, reported as a Koppel bug', async () => {
    const e = await vismaError(rig.client().request({ service: 'v3', method: 'PATCH', path: '/api/v3/SalesOrders/SO/000001', body: { description: 'x' } }));
    expect(e.kind).toBe('precondition');
    expect(e.status).toBe(428);
    expect(e.message).toMatch(/If-Match/);
  });

  it('500 {message}, empty 500 and plain-text 500: server errors after retries, with the status line', async () => {
    const client = rig.client({ retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1000 } });
    for (const kind of ['500', '500-empty', '500-text']) {
      await rig.faults({ rate: 1, kinds: [kind], paths: '^/v1/customer/10001' });
      const e = await vismaError(client.customers.get('10001'));
      expect(e.kind, kind).toBe('server');
      expect(e.status, kind).toBe(500);
      expect(e.message, kind).toMatch(/internal error/i);
      expect(e.message, kind).toContain('HTTP 500');
      if (kind === '500-text') expect(e.serverMessage).toBe('Internal Server Error');
      if (kind === '500') expect(e.vismaId).toMatch(/^[0-9a-f-]{36}$/);
    }
    // One try and two retries each.
    const hits = apiCalls(await rig.requests()).filter((e) => e.path === '/v1/customer/10001');
    expect(hits.map((e) => e.fault)).toEqual(['500', '500', '500', '500-empty', '500-empty', '500-empty', '500-text', '500-text', '500-text']);
  });

  it('a cut-off JSON answer is "malformed" and names the call; a transient one is retried', async () => {
    const client = rig.client({ retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 10 } });
    await rig.faults({ rate: 1, kinds: ['malformed'], paths: '^/v1/customer/10002' });
    const e = await vismaError(client.customers.get('10002'));
    expect(e.kind).toBe('malformed');
    expect(e.message).toContain('GET /v1/customer/10002');
    await rig.faults({ rate: 1, count: 1, kinds: ['malformed'], paths: '^/v1/customer/10002' });
    await expect(client.customers.get('10002')).resolves.toMatchObject({ number: '10002' });
  });

  it('the token endpoint failing briefly is retried; failing for good says to try later', async () => {
    await rig.faults({ rate: 1, count: 1, kinds: ['500'], paths: '^/connect/token' });
    await expect(rig.client().customers.get('10001')).resolves.toMatchObject({ number: '10001' });
    await rig.faults({ rate: 1, kinds: ['500-empty'], paths: '^/connect/token' });
    const e = await vismaError(rig.client({ retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 10 } }).customers.get('10001'));
    expect(e.kind).toBe('server');
    expect(e.message).toMatch(/could not issue a token right now/);
    expect(e.requestSent).toBe(false);
  });

  it('a create refused with a message is not retried and not marked "outcome unknown"', async () => {
    const client = rig.client();
    const e = await vismaError(client.customers.create({ name: 'Klant', currencyId: 'XYZ' }));
    expect(e.kind).toBe('validation');
    expect(e.message).toContain("Currency 'XYZ' cannot be found");
    expect(e.outcomeUnknown).toBe(false);
    expect(apiCalls(await rig.requests()).filter((x) => x.method === 'POST')).toHaveLength(1);
  });
});
