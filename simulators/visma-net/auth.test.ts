import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obj, objs, requestToken, startTestSim, type TestSim } from './test-support';

let clock = Date.UTC(2025, 4, 1, 12);
let t: TestSim;

beforeAll(async () => {
  t = await startTestSim({ now: () => clock, tokenLifetimeSeconds: 600 });
});
afterAll(() => t.sim.close());

const creds = (over: Record<string, string> = {}): Record<string, string> => ({
  grant_type: 'client_credentials', client_id: t.sim.credentials.clientId, client_secret: t.sim.credentials.clientSecret, tenant_id: t.sim.credentials.tenantId, ...over,
});

describe('Visma Connect token endpoint', () => {
  it('issues a bearer token with the requested scopes and the configured lifetime', async () => {
    const r = await requestToken(t.sim, creds({ scope: 'vismanet_erp_service_api:read visma.net.erp.salesorder:read' }));
    expect(r.status).toBe(200);
    const body = obj(r.json);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(600);
    expect(body.scope).toBe('vismanet_erp_service_api:read visma.net.erp.salesorder:read');
    expect(typeof body.access_token).toBe('string');
  });

  it.each([
    ['wrong secret', { client_secret: 'nope' }, 400, 'invalid_client'],
    ['unknown client', { client_id: 'someone' }, 400, 'invalid_client'],
    ['password grant', { grant_type: 'password' }, 400, 'unsupported_grant_type'],
    ['other tenant', { tenant_id: '11111111-1111-4111-8111-111111111111' }, 400, 'invalid_tenant'],
    ['unknown scope', { scope: 'vismanet_erp_interactive_api:read' }, 400, 'invalid_scope'],
  ])('rejects %s', async (_name, over, status, error) => {
    const r = await requestToken(t.sim, creds(over));
    expect(r.status).toBe(status);
    expect(obj(r.json).error).toBe(error);
  });

  it('answers 401 invalid_client when HTTP Basic client authentication fails', async () => {
    const r = await fetch(t.sim.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('koppel-demo:wrong').toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', tenant_id: t.sim.credentials.tenantId }),
    });
    expect(r.status).toBe(401);
    expect(obj(await r.json()).error).toBe('invalid_client');
  });

  it('never writes the client secret into the request log', async () => {
    const log = await t.admin('GET', 'requests');
    const tokenCalls = objs(log.json).filter((e) => e.path === '/connect/token');
    expect(tokenCalls.length).toBeGreaterThan(0);
    expect(log.text).not.toContain(t.sim.credentials.clientSecret);
    expect(obj(tokenCalls[0]?.body).client_id).toBe('koppel-demo');
  });
});

describe('bearer and scope checks', () => {
  it('answers 401 without a token, with an unknown token and with an expired token', async () => {
    expect((await t.call('GET', '/v1/currency', { token: null })).status).toBe(401);
    const unknown = await t.call('GET', '/v1/currency', { token: 'not-a-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toContain('invalid_token');
    const token = await t.token();
    expect((await t.call('GET', '/v1/currency', { token })).status).toBe(200);
    clock += 601_000;
    const expired = await t.call('GET', '/v1/currency', { token });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('expired');
  });

  it('checks the main-API scope per verb (read=GET, create=POST, update=PUT)', async () => {
    const readOnly = await t.token('vismanet_erp_service_api:read');
    expect((await t.call('GET', '/v1/customer?pageSize=1', { token: readOnly })).status).toBe(200);
    const post = await t.call('POST', '/v1/customer', { token: readOnly, body: { name: { value: 'X' } } });
    expect(post.status).toBe(403);
    expect(obj(post.json).message).toContain('vismanet_erp_service_api:create');
    const put = await t.call('PUT', '/v1/customer/10001', { token: await t.token('vismanet_erp_service_api:create'), body: { name: { value: 'X' } } });
    expect(put.status).toBe(403);
  });

  it('needs the salesorder scopes on V3 (write also reads)', async () => {
    const mainOnly = await t.token('vismanet_erp_service_api:read');
    expect((await t.call('GET', '/api/v3/SalesOrders', { token: mainOnly })).status).toBe(403);
    const write = await t.token('visma.net.erp.salesorder:write');
    expect((await t.call('GET', '/api/v3/SalesOrders?pageSize=1', { token: write })).status).toBe(200);
    const read = await t.token('visma.net.erp.salesorder:read');
    expect((await t.call('DELETE', '/api/v3/SalesOrders/SO/000001', { token: read, headers: { 'if-match': '*' } })).status).toBe(403);
  });
});
