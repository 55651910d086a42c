import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obj, objs, startTestSim, wrap, type TestSim } from './test-support';

let t: TestSim;

beforeAll(async () => {
  t = await startTestSim({ sizes: { inventory: 40, customers: 10 } });
});
afterAll(() => t.sim.close());

describe('/__sim admin endpoints', () => {
  it('logs requests without the Authorization header, with the parsed body and status', async () => {
    await t.admin('GET', 'requests?clear=1');
    await t.call('POST', '/v1/customer', { body: wrap({ name: 'Log Test' }) });
    const log = objs((await t.admin('GET', 'requests')).json);
    const entry = log.find((e) => e.path === '/v1/customer');
    expect(entry).toMatchObject({ method: 'POST', status: 201, body: { name: { value: 'Log Test' } } });
    expect(obj(entry?.headers).authorization).toBeUndefined();
    expect(JSON.stringify(log)).not.toMatch(/Bearer /);
    const cleared = objs((await t.admin('GET', 'requests?clear=1')).json);
    expect(cleared.length).toBeGreaterThan(0);
    expect(objs((await t.admin('GET', 'requests')).json)).toEqual([]);
  });

  it('lists ignored unknown fields as warnings in the log', async () => {
    await t.admin('GET', 'requests?clear=1');
    await t.call('PUT', '/v1/customer/10001', { body: { nmae: { value: 'typo' } } });
    const [entry] = objs((await t.admin('GET', 'requests')).json);
    expect(entry?.warnings).toEqual(["Ignored unknown field 'nmae' (not part of CustomerUpdateDto)"]);
  });

  it('dumps store collections (all or only written records) and finds by key', async () => {
    const all = obj((await t.admin('GET', 'store/inventory?offset=10&limit=5')).json);
    expect(all).toMatchObject({ collection: 'inventory', total: 40, offset: 10, limit: 5 });
    expect(objs(all.records)).toHaveLength(5);
    const written = obj((await t.admin('GET', 'store/customers?written=1')).json);
    expect(objs(written.records).map((c) => c.name)).toContain('Log Test');
    const one = obj((await t.admin('GET', 'store/salesOrders?key=SO/000001')).json);
    expect(objs(one.records)[0]?.orderId).toBe('000001');
    expect((await t.admin('GET', 'store/unknown')).status).toBe(404);
  });

  it('resets to the seeded data', async () => {
    expect(obj((await t.admin('GET', 'store/customers')).json).total).toBe(11);
    await t.admin('POST', 'reset');
    expect(obj((await t.admin('GET', 'store/customers')).json).total).toBe(10);
    expect((await t.call('GET', '/v1/customer/10011')).status).toBe(404);
  });

  it('reseeds with other sizes', async () => {
    const r = await t.admin('POST', 'seed', { seed: 7, sizes: { inventory: 25 } });
    expect(obj(r.json)).toMatchObject({ seed: 7, sizes: { inventory: 25, customers: 10 } });
    expect(objs((await t.call('GET', '/v1/inventory?pageSize=100')).json)).toHaveLength(25);
    expect((await t.admin('POST', 'seed', { sizes: { inventory: -1 } })).status).toBe(400);
  });

  it('changes the token lifetime, latency and licence at run time', async () => {
    const cfg = obj((await t.admin('POST', 'config', { tokenLifetimeSeconds: 120, latencyMs: 0 })).json);
    expect(cfg.tokenLifetimeSeconds).toBe(120);
    const tok = await fetch(t.sim.tokenUrl, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: t.sim.credentials.clientId, client_secret: t.sim.credentials.clientSecret, tenant_id: t.sim.credentials.tenantId }),
    });
    expect(obj(await tok.json()).expires_in).toBe(120);
    await t.admin('POST', 'config', { licenseValid: false });
    const ipp = await t.call('GET', '/v1/currency');
    expect(ipp.status).toBe(400);
    expect(obj(ipp.json)).toMatchObject({ ExceptionType: 'IPPException', ExceptionFaultCode: '12027', ExceptionMessage: 'No license for this company.' });
    await t.admin('POST', 'config', { licenseValid: true });
    expect((await t.admin('POST', 'config', { latencyMs: -5 })).status).toBe(400);
  });
});
