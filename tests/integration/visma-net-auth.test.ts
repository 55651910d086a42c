import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VismaApiError } from '../../connectors/visma-net';
import { failure } from './helpers';
import { apiCalls, startVismaRig, tokenCalls, type VismaRig } from './visma-harness';

// Visma Connect client_credentials against the simulated token endpoint (reference/visma-net/README.md §2.1, §10).
describe('Visma.net connector ⇄ simulator: authentication', () => {
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

  it('fetches one token with the documented form fields and reuses it', async () => {
    const client = rig.client();
    const first = await client.customers.get('10001');
    expect(first.number).toBe('10001');
    await client.inventory.get('ART-00000');
    await client.salesOrders.get('SO', '000001');

    const log = await rig.requests();
    const tokens = tokenCalls(log);
    expect(tokens).toHaveLength(1);
    // The form as the simulator received it (its log drops client_secret).
    expect(tokens[0]?.body).toEqual({
      grant_type: 'client_credentials',
      client_id: rig.sim.credentials.clientId,
      tenant_id: rig.sim.credentials.tenantId,
      scope: expect.stringContaining('vismanet_erp_service_api:read'),
    });
    expect(String(tokens[0]?.headers['content-type'])).toMatch(/application\/x-www-form-urlencoded/);
    expect(apiCalls(log).map((e) => e.status)).toEqual([200, 200, 200]);
  });

  it('asks for one token however many calls start at once (single flight)', async () => {
    const client = rig.client();
    const numbers = ['10001', '10002', '10003', '10004', '10005'];
    const got = await Promise.all(numbers.map((n) => client.customers.get(n)));
    expect(got.map((c) => c.number)).toEqual(numbers);
    expect(tokenCalls(await rig.requests())).toHaveLength(1);
  });

  it('renews the token before it expires, not before that', async () => {
    const client = rig.client();
    await client.customers.get('10001');
    // 50 minutes later the 3600 s token is still good (the connector renews 5 minutes ahead).
    rig.clock.advance(50 * 60_000);
    await client.customers.get('10002');
    expect(tokenCalls(await rig.requests())).toHaveLength(1);
    // 56 minutes in: inside the renewal margin, so a new token is fetched before the call.
    rig.clock.advance(6 * 60_000);
    await client.customers.get('10003');
    const log = await rig.requests();
    expect(tokenCalls(log)).toHaveLength(2);
    expect(apiCalls(log).every((e) => e.status === 200)).toBe(true);
  });

  it('renews once and succeeds when the server says the token has expired (401)', async () => {
    const client = rig.client();
    await client.customers.get('10001');
    // The server's clock runs two hours ahead: it sees the cached token as expired.
    rig.serverAheadMs = 2 * 3600_000;
    const customer = await client.customers.get('10002');
    expect(customer.number).toBe('10002');
    const log = await rig.requests();
    expect(tokenCalls(log)).toHaveLength(2);
    expect(apiCalls(log).map((e) => e.status)).toEqual([200, 401, 200]);
  });

  it('the same renewal works on V3, whose 401 has no body', async () => {
    const client = rig.client();
    await client.salesOrders.get('SO', '000001');
    rig.serverAheadMs = 2 * 3600_000;
    const { order } = await client.salesOrders.get('SO', '000002');
    expect(order.orderId).toBe('000002');
    const log = await rig.requests();
    expect(tokenCalls(log)).toHaveLength(2);
    expect(apiCalls(log).map((e) => e.status)).toEqual([200, 401, 200]);
  });

  it('a wrong client secret gives an auth error that says what to check and never shows the secret', async () => {
    const wrong = 'Wr0ng-Secret-Value-42';
    const client = rig.client({ clientSecret: wrong });
    const error = await failure(client.customers.get('10001'));
    expect(error).toBeInstanceOf(VismaApiError);
    if (!(error instanceof VismaApiError)) return;
    expect(error.kind).toBe('auth');
    expect(error.code).toBe('invalid_client');
    expect(error.message).toMatch(/client secret/i);
    expect(error.requestSent).toBe(false);
    expect(JSON.stringify(error)).not.toContain(wrong);
    expect(error.message).not.toContain(wrong);
    expect(JSON.stringify(rig.logs)).not.toContain(wrong);
    const log = await rig.requests();
    expect(JSON.stringify(log)).not.toContain(wrong);
    // No API call was made without a token, and the refusal was not retried.
    expect(apiCalls(log)).toHaveLength(0);
    expect(tokenCalls(log)).toHaveLength(1);
  });

  it('a wrong tenant gives an auth error that names the company tenant id', async () => {
    const client = rig.client({ tenantId: 'af1140c1-0000-4000-8000-00000000beef' });
    const error = await failure(client.inventory.get('ART-00000'));
    expect(error).toBeInstanceOf(VismaApiError);
    if (!(error instanceof VismaApiError)) return;
    expect(error.kind).toBe('auth');
    expect(error.code).toBe('invalid_tenant');
    expect(error.message).toMatch(/tenant id/i);
    expect(error.message).toMatch(/company/i);
    expect(error.message).not.toContain(rig.sim.credentials.clientSecret);
  });

  it('an unknown scope is refused as forbidden with the scopes to enable', async () => {
    const client = rig.client({ scopes: ['vismanet_erp_service_api:read', 'vismanet_erp_service_api:admin'] });
    const error = await failure(client.customers.get('10001'));
    expect(error).toBeInstanceOf(VismaApiError);
    if (!(error instanceof VismaApiError)) return;
    expect(error.kind).toBe('forbidden');
    expect(error.code).toBe('invalid_scope');
    expect(error.message).toContain('vismanet_erp_service_api:admin');
  });

  it('a token without the V3 scopes reads the main API but is refused on sales orders, naming the scope', async () => {
    const client = rig.client({ scopes: ['vismanet_erp_service_api:read'] });
    await expect(client.customers.get('10001')).resolves.toMatchObject({ number: '10001' });
    const error = await failure(client.salesOrders.get('SO', '000001'));
    expect(error).toBeInstanceOf(VismaApiError);
    if (!(error instanceof VismaApiError)) return;
    expect(error.kind).toBe('forbidden');
    expect(error.status).toBe(403);
    expect(error.message).toContain('visma.net.erp.salesorder:read');
    // A write scope missing on the main API is named the same way.
    const write = await failure(client.customers.update('10001', { name: 'X' }));
    expect(write).toBeInstanceOf(VismaApiError);
    if (write instanceof VismaApiError) expect(write.message).toContain('vismanet_erp_service_api:update');
  });

  it('"test connection" checks the token, the main API and V3', async () => {
    const result = await rig.client().test();
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ['token', true],
      ['erp', true],
      ['salesOrders', true],
    ]);
    const bad = await rig.client({ clientSecret: 'nope-nope-nope' }).test();
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/client secret/i);
  });

  it('no secret or token reaches the simulator request log or the connector log', async () => {
    const client = rig.client();
    await client.customers.get('10001');
    await client.customers.update('10001', { note: 'checked' });
    const log = await rig.requests();
    const text = JSON.stringify(log);
    expect(text).not.toContain(rig.sim.credentials.clientSecret);
    expect(text).not.toMatch(/Bearer\s+\S/);
    expect(log.every((e) => !('authorization' in e.headers))).toBe(true);
    const connectorLog = JSON.stringify(rig.logs);
    expect(connectorLog).not.toContain(rig.sim.credentials.clientSecret);
    expect(connectorLog).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});
