import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obj, objs, startTestSim, type TestSim } from './test-support';

let t: TestSim;

beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

describe('fault injection', () => {
  it('injects one 500 when count is 1, then behaves again', async () => {
    expect((await t.admin('POST', 'faults', { rate: 1, kinds: ['500'], count: 1 })).status).toBe(200);
    const failed = await t.call('GET', '/v1/currency');
    expect(failed.status).toBe(500);
    expect(String(obj(failed.json).message)).toMatch(/^VismaId: /);
    expect((await t.call('GET', '/v1/currency')).status).toBe(200);
    expect(obj((await t.admin('GET', 'faults')).json)).toMatchObject({ active: false, injected: 1 });
  });

  it('drops the connection', async () => {
    await t.admin('POST', 'faults', { rate: 1, kinds: ['drop'], count: 1 });
    await expect(t.call('GET', '/v1/currency')).rejects.toThrow();
    expect((await t.call('GET', '/v1/currency')).status).toBe(200);
  });

  it('returns truncated JSON', async () => {
    await t.admin('POST', 'faults', { rate: 1, kinds: ['malformed'], count: 1 });
    const r = await t.call('GET', '/v1/currency');
    expect(r.status).toBe(200);
    expect(r.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it('answers 429 with Retry-After, and slow requests still complete', async () => {
    await t.admin('POST', 'faults', { rate: 1, kinds: ['429'], count: 1 });
    const r = await t.call('GET', '/v1/currency');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('60');
    await t.admin('POST', 'faults', { rate: 1, kinds: ['slow'], count: 1, slowMs: 20 });
    expect((await t.call('GET', '/v1/currency')).status).toBe(200);
    expect(obj((await t.admin('GET', 'faults')).json).injected).toBe(1);
  });

  it('limits faults to paths matching the regex and records them in the request log', async () => {
    await t.admin('GET', 'requests?clear=1');
    await t.admin('POST', 'faults', { rate: 1, kinds: ['500-empty'], paths: '^/api/v3/', count: 5 });
    expect((await t.call('GET', '/v1/currency')).status).toBe(200);
    const v3 = await t.call('GET', '/api/v3/SalesOrders');
    expect(v3.status).toBe(500);
    expect(v3.text).toBe('');
    await t.admin('DELETE', 'faults');
    expect((await t.call('GET', '/api/v3/SalesOrders?pageSize=1')).status).toBe(200);
    const log = objs((await t.admin('GET', 'requests')).json);
    expect(log.filter((e) => e.fault === '500-empty').map((e) => e.path)).toEqual(['/api/v3/SalesOrders']);
  });

  it('leaves the token endpoint alone unless paths selects it', async () => {
    await t.admin('POST', 'faults', { rate: 1, kinds: ['500'], count: 1 });
    expect(await t.token()).toMatch(/\./);
    await t.admin('POST', 'faults', { rate: 1, kinds: ['500'], count: 1, paths: '^/connect/token' });
    await expect(t.token()).rejects.toThrow(/500/);
    await t.admin('DELETE', 'faults');
  });

  it('validates the fault configuration', async () => {
    expect((await t.admin('POST', 'faults', { rate: 2, kinds: ['500'] })).status).toBe(400);
    expect((await t.admin('POST', 'faults', { rate: 1, kinds: ['boom'] })).status).toBe(400);
    expect((await t.admin('POST', 'faults', { rate: 1, kinds: ['500'], paths: '(' })).status).toBe(400);
  });
});
