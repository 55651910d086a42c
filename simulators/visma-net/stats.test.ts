// GET /__sim/stats: request counters per route and per rate-limit budget (company + client), for benchmarks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RequestLog } from './request-log';
import { DEMO_CREDENTIALS } from './options';
import { obj, startTestSim, type TestSim } from './test-support';

const budgetKey = `${DEMO_CREDENTIALS.tenantId}|${DEMO_CREDENTIALS.clientId}`;

describe('/__sim/stats', () => {
  let clock = Date.UTC(2025, 0, 1);
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ now: () => clock, rateLimit: { perHour: 4 }, tokenLifetimeSeconds: 86_400, sizes: { inventory: 30 } });
  });
  beforeEach(async () => {
    await t.admin('POST', 'reset');
  });
  afterAll(() => t.sim.close());

  it('counts calls per "<METHOD> <route>", 429s, first and last time, and the budget of the company + client', async () => {
    const token = await t.token();
    const start = clock;
    await t.call('GET', '/v1/inventory?pageSize=10', { token });
    clock += 1000;
    await t.call('GET', '/v1/inventory?pageSize=10&pageNumber=2', { token });
    await t.call('GET', '/v1/inventory/ART-00002', { token });
    await t.call('GET', '/v1/nothing-here', { token });
    await t.call('GET', '/v1/currency', { token });
    await t.call('GET', '/v1/currency', { token: 'not-a-token' });
    await t.admin('GET', 'requests');
    const s = obj((await t.admin('GET', 'stats')).json);
    expect(s).toMatchObject({ simulator: 'visma-net', timeScale: 1, rateLimitPerHour: 4, requests: 7, limited: 1, first: start, last: start + 1000 });
    expect(typeof s.cpuMs).toBe('number');
    expect(s.endpoints).toEqual({
      'POST /connect/token': { count: 1, first: start, last: start, limited: 0 },
      'GET /v1/inventory': { count: 2, first: start, last: start + 1000, limited: 0 },
      'GET /v1/inventory/:inventoryNumber': { count: 1, first: start + 1000, last: start + 1000, limited: 0 },
      // Over the budget (429), and refused by auth: still counted under their route.
      'GET /v1/currency': { count: 2, first: start + 1000, last: start + 1000, limited: 1 },
      'GET (none)': { count: 1, first: start + 1000, last: start + 1000, limited: 0 },
    });
    expect(obj(s.budgets)[budgetKey]).toEqual({ limit: 4, windowMs: 3_600_000, counted: 4, limited: 1, enforced: true });
  });

  it('counts the budget with rate limits off, and is cleared by DELETE and by reset', async () => {
    await t.admin('POST', 'config', { rateLimit: false, timeScale: 60 });
    const token = await t.token();
    for (let i = 0; i < 3; i++) await t.call('GET', '/v1/currency', { token });
    const s = obj((await t.admin('GET', 'stats')).json);
    expect(s).toMatchObject({ requests: 4, limited: 0, timeScale: 60, rateLimitPerHour: false });
    expect(obj(s.budgets)[budgetKey]).toEqual({ limit: null, windowMs: 60_000, counted: 3, limited: 0, enforced: false });
    expect((await t.admin('DELETE', 'stats')).status).toBe(204);
    expect(obj((await t.admin('GET', 'stats')).json)).toMatchObject({ requests: 0, first: null, last: null, endpoints: {}, budgets: {} });
    await t.call('GET', '/v1/currency', { token });
    await t.admin('POST', 'reset');
    expect(obj((await t.admin('GET', 'stats')).json)).toMatchObject({ requests: 0, since: clock });
    await t.admin('POST', 'config', { rateLimit: { perHour: 4 }, timeScale: 1 });
  });
});

describe('request log ring', () => {
  it('keeps the newest entries in order, follows a changed limit and renders entries on read', () => {
    let limit = 3;
    const log = new RequestLog(() => limit);
    const add = (n: number) =>
      log.add({ timeMs: Date.UTC(2025, 0, 1, 0, 0, n), method: 'GET', path: `/v1/x/${n}`, query: new URLSearchParams(`a=${n}&a=b`), headers: { authorization: 'Bearer secret', accept: 'json' }, body: () => ({ n }), status: 200, durationMs: 1 });
    for (let i = 1; i <= 5; i++) add(i);
    expect(log.list().map((e) => e.id)).toEqual([3, 4, 5]);
    expect(log.list()[2]).toEqual({ id: 5, time: '2025-01-01T00:00:05.000Z', method: 'GET', path: '/v1/x/5', query: { a: ['5', 'b'] }, headers: { accept: 'json' }, body: { n: 5 }, status: 200, durationMs: 1 });
    limit = 5;
    add(6);
    add(7);
    add(8);
    expect(log.list().map((e) => e.id)).toEqual([4, 5, 6, 7, 8]);
    limit = 2;
    expect(log.list().map((e) => e.id)).toEqual([7, 8]);
    add(9);
    expect(log.list().map((e) => e.id)).toEqual([8, 9]);
    log.clear();
    expect(log.list()).toEqual([]);
  });
});
