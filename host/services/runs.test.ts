import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../contract';
import { startTestHost, waitFlow, writerFlow, type TestHost } from '../testing/fixtures';

let t: TestHost | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const ccv = { type: 'ccv-shop' as const, name: 'Shop', settings: { baseUrl: 'https://shop.example.nl', publicKey: 'p' }, secret: 's' };

/** Collects every run event of the host; `finished(runId)` resolves with the run's events once it ended. */
function recordEvents(host: TestHost['host']) {
  const events: RunEvent[] = [];
  const waiters: { runId: string; resolve: (events: RunEvent[]) => void }[] = [];
  host.onRunEvent((event) => {
    events.push(event);
    if (event.type !== 'run.finished') return;
    for (const w of waiters) if (w.runId === event.runId) w.resolve(events.filter((e) => e.runId === event.runId));
  });
  return {
    events,
    finished: (runId: string) =>
      new Promise<RunEvent[]>((resolve) => {
        if (events.some((e) => e.runId === runId && e.type === 'run.finished')) resolve(events.filter((e) => e.runId === runId));
        else waiters.push({ runId, resolve });
      }),
    started: (runId: string) => events.some((e) => e.runId === runId && e.type === 'run.started'),
  };
}

async function boundHost(): Promise<TestHost> {
  const host = await startTestHost();
  const conn = await host.host.invoke('connections.save', ccv);
  await host.host.invoke('bindings.set', { flowId: 'push-products', slot: 'shop', connectionId: conn.id });
  return host;
}

describe('runs', () => {
  it('runs a flow in-process: events to subscribers, history and records in the ledger', async () => {
    t = await boundHost();
    const rec = recordEvents(t.host);
    const { runId } = await t.host.invoke('runs.start', { flow: writerFlow() });
    const events = await rec.finished(runId);
    expect(events[0]?.type).toBe('run.started');
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded' });
    expect(events.filter((e) => e.type === 'record').map((e) => (e.type === 'record' ? [e.key, e.action, e.planned] : []))).toEqual([
      ['SKU-1', 'created', false],
      ['SKU-2', 'created', false],
      ['SKU-3', 'created', false],
    ]);

    const list = await t.host.invoke('runs.list', { flowId: 'push-products' });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ runId, flowId: 'push-products', flowName: 'Push products', dryRun: false, status: 'succeeded', counts: { created: 3, failed: 0 } });
    const detail = await t.host.invoke('runs.get', { runId });
    expect(detail.run.status).toBe('succeeded');
    expect(detail.records.map((r) => [r.key, r.targetId])).toEqual([
      ['SKU-1', 'id-SKU-1'],
      ['SKU-2', 'id-SKU-2'],
      ['SKU-3', 'id-SKU-3'],
    ]);
    expect(detail.events.some((e) => e.type === 'run.finished')).toBe(true);
  });

  it('runs a saved flow by path, and a dry run reports planned outcomes', async () => {
    t = await boundHost();
    const rec = recordEvents(t.host);
    const { path } = await t.host.invoke('flows.save', { flow: writerFlow() });
    const { runId } = await t.host.invoke('runs.start', { path, dryRun: true });
    const events = await rec.finished(runId);
    const records = events.filter((e) => e.type === 'record');
    expect(records).toHaveLength(3);
    expect(records.every((e) => e.type === 'record' && e.planned)).toBe(true);
    expect((await t.host.invoke('runs.get', { runId })).run.dryRun).toBe(true);
  });

  it('keeps the first 20 items per node output port as samples of the last run of each flow', async () => {
    t = await boundHost();
    const rec = recordEvents(t.host);
    const first = await t.host.invoke('runs.start', { flow: writerFlow({ count: 50 }) });
    await rec.finished(first.runId);
    const samples = await t.host.invoke('runs.samples', { runId: first.runId });
    expect(samples.source?.out).toHaveLength(20);
    expect(samples.source?.out?.[0]).toEqual({ key: 'SKU-1', json: { i: 1, name: 'Item 1' } });
    expect(samples.source?.out?.at(-1)?.key).toBe('SKU-20');
    expect(samples.start?.out).toEqual([{ key: 'manual', json: {} }]);
    expect(samples.write?.out).toHaveLength(20);

    const second = await t.host.invoke('runs.start', { flow: writerFlow({ count: 2 }) });
    await rec.finished(second.runId);
    expect((await t.host.invoke('runs.samples', { runId: second.runId })).source?.out).toHaveLength(2);
    // Only the last run per flow keeps samples.
    expect(await t.host.invoke('runs.samples', { runId: first.runId })).toEqual({});
  });

  it('ends partial when some records fail', async () => {
    t = await boundHost();
    const rec = recordEvents(t.host);
    const { runId } = await t.host.invoke('runs.start', { flow: writerFlow({ failKeys: ['SKU-2'] }) });
    expect((await rec.finished(runId)).at(-1)).toMatchObject({ type: 'run.finished', status: 'partial' });
    expect((await t.host.invoke('runs.get', { runId })).records.find((r) => r.key === 'SKU-2')).toMatchObject({ action: 'failed', reason: 'rejected by test' });
  });

  it('runs one run per flow at a time and stops a run on request', async () => {
    t = await startTestHost();
    const rec = recordEvents(t.host);
    const { runId } = await t.host.invoke('runs.start', { flow: waitFlow() });
    expect(rec.started(runId)).toBe(true);
    await expect(t.host.invoke('runs.start', { flow: waitFlow() })).rejects.toThrow(/already running/);
    expect((await t.host.invoke('runs.list', {}))[0]).toMatchObject({ runId, status: 'running' });
    await t.host.invoke('runs.stop', { runId });
    expect((await rec.finished(runId)).at(-1)).toMatchObject({ type: 'run.finished', status: 'cancelled' });
    // Stopping a finished run is harmless; an unknown run is an error.
    await expect(t.host.invoke('runs.stop', { runId })).resolves.toEqual({ ok: true });
    await expect(t.host.invoke('runs.stop', { runId: 'nope' })).rejects.toMatchObject({ kind: 'not-found' });
    // The flow can run again once the first run ended.
    const again = await t.host.invoke('runs.start', { flow: waitFlow() });
    await t.host.invoke('runs.stop', { runId: again.runId });
    await rec.finished(again.runId);
  });

  it('starts a flow only once when Run is pressed twice at the same moment', async () => {
    t = await boundHost();
    const rec = recordEvents(t.host);
    const results = await Promise.allSettled([t.host.invoke('runs.start', { flow: writerFlow() }), t.host.invoke('runs.start', { flow: writerFlow() })]);
    const started = results.filter((r) => r.status === 'fulfilled');
    expect(started).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { kind: 'conflict' } });
    const first = started[0];
    if (first?.status === 'fulfilled') await rec.finished(first.value.runId);
  });

  it('stops active runs when the host closes', async () => {
    t = await startTestHost();
    const rec = recordEvents(t.host);
    const { runId } = await t.host.invoke('runs.start', { flow: waitFlow() });
    await t.host.close();
    expect((await rec.finished(runId)).at(-1)).toMatchObject({ status: 'cancelled' });
  });

  it('refuses to start with an unfilled slot or an invalid flow, saying what to do', async () => {
    t = await startTestHost();
    await expect(t.host.invoke('runs.start', { flow: writerFlow() })).rejects.toThrow(/slot 'The shop' \(shop\) has no connection/);
    const conn = await t.host.invoke('connections.save', ccv);
    await t.host.invoke('bindings.set', { flowId: 'push-products', slot: 'shop', connectionId: conn.id });
    const flow = writerFlow();
    const broken = { ...flow, edges: [...flow.edges, { from: { node: 'write', port: 'out' }, to: { node: 'ghost', port: 'in' } }] };
    await expect(t.host.invoke('runs.start', { flow: broken })).rejects.toThrow(/cannot run yet/);
    await expect(t.host.invoke('runs.start', {})).rejects.toThrow(/which flow to run/);
    expect(await t.host.invoke('runs.list', {})).toEqual([]);
  });

  it('says when a run is unknown', async () => {
    t = await startTestHost();
    await expect(t.host.invoke('runs.get', { runId: 'missing' })).rejects.toMatchObject({ kind: 'not-found' });
  });
});
