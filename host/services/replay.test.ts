import { afterEach, describe, expect, it } from 'vitest';
import { fakeTarget, productsFlow, startOpsHost, type OpsHost } from './ops.fixture';

let t: OpsHost | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function runSaved(h: OpsHost, fields: string[], target: string, id = 'products'): Promise<string> {
  const { path } = await h.host.invoke('flows.save', { flow: productsFlow({ id, fields, target }) });
  const { runId } = await h.host.invoke('runs.start', { path });
  await h.finished(runId);
  return runId;
}

describe('replay and parking', () => {
  it('replays the failed records of a run with the flow as it is now, without creating anything twice', async () => {
    t = await startOpsHost();
    const target = fakeTarget('replay-fixed');
    const first = await runSaved(t, ['price'], 'replay-fixed');
    expect((await t.host.invoke('runs.get', { runId: first })).run.status).toBe('partial');
    const overview = await t.host.invoke('dashboard.overview', {});
    expect(overview.needsAttention).toEqual([
      expect.objectContaining({ flowId: 'products', key: 'K2', runId: first, nodeId: 'upsert', reason: 'price missing: map a price for this product' }),
    ]);

    // The mapping is fixed in the flow file; replay takes the flow as it is now.
    const { revision } = await t.host.invoke('flows.open', { path: 'products.flow.json' });
    await t.host.invoke('flows.save', { flow: productsFlow({ fields: ['price', 'amount'], target: 'replay-fixed' }), revision });
    const replay = await t.host.invoke('records.replay', { runId: first });
    expect(replay).toMatchObject({ keys: ['K2'], skippedParked: [] });
    const events = await t.finished(replay.runId);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded' });
    const detail = await t.host.invoke('runs.get', { runId: replay.runId });
    expect(detail.records.map((r) => [r.key, r.action])).toEqual([['K2', 'created']]);
    expect(Object.fromEntries(target.creations)).toEqual({ K1: 1, K2: 1, K3: 1 });
    expect((await t.host.invoke('dashboard.overview', {})).needsAttentionTotal).toBe(0);

    // Replaying records that were written already goes through the id map: nothing new is created.
    const again = await t.host.invoke('records.replay', { runId: first, keys: ['K1', 'K2', 'K3'] });
    await t.finished(again.runId);
    expect((await t.host.invoke('runs.get', { runId: again.runId })).records.map((r) => [r.key, r.action])).toEqual([
      ['K1', 'skipped'],
      ['K2', 'skipped'],
      ['K3', 'skipped'],
    ]);
    expect(Object.fromEntries(target.creations)).toEqual({ K1: 1, K2: 1, K3: 1 });

    // A key's timeline across runs: failed first, then created.
    const timeline = await t.host.invoke('records.timeline', { key: 'K2' });
    expect(timeline.runs.map((r) => [r.runId, r.steps.map((s) => s.message)])).toEqual([
      [again.runId, ['Skipped: unchanged']],
      [replay.runId, ['Created product P-K2']],
      [first, ['Failed: price missing: map a price for this product']],
    ]);
  });

  it('does not replay or list a parked record until it is unparked', async () => {
    t = await startOpsHost();
    const first = await runSaved(t, ['price'], 'replay-parked', 'parked-flow');
    await t.host.invoke('records.park', { flowId: 'parked-flow', key: 'K2', note: 'discontinued product' });
    expect((await t.host.invoke('dashboard.overview', {})).needsAttention).toEqual([]);
    expect(await t.host.invoke('records.parked', {})).toEqual([{ flowId: 'parked-flow', key: 'K2', parkedAt: expect.any(String), note: 'discontinued product' }]);
    await expect(t.host.invoke('records.replay', { runId: first })).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('parked (K2). Unpark it first') });
    const detail = await t.host.invoke('runs.detail', { runId: first, action: 'failed' });
    expect(detail.records).toEqual([expect.objectContaining({ key: 'K2', parked: true })]);
    expect((await t.host.invoke('records.timeline', { key: 'K2' })).parkedIn).toEqual(['parked-flow']);

    await t.host.invoke('records.unpark', { flowId: 'parked-flow', key: 'K2' });
    await t.host.invoke('records.unpark', { flowId: 'parked-flow', key: 'K2' });
    expect((await t.host.invoke('dashboard.overview', { flowId: 'parked-flow' })).needsAttention.map((a) => a.key)).toEqual(['K2']);
    const replay = await t.host.invoke('records.replay', { runId: first, dryRun: true });
    const events = await t.finished(replay.runId);
    expect(events.filter((e) => e.type === 'record').map((e) => (e.type === 'record' ? [e.key, e.action, e.planned] : []))).toEqual([['K2', 'failed', true]]);
  });

  it('says why a replay cannot happen', async () => {
    t = await startOpsHost();
    await expect(t.host.invoke('records.replay', { runId: 'nope' })).rejects.toMatchObject({ kind: 'not-found' });
    const ok = await runSaved(t, ['price', 'amount'], 'replay-ok', 'all-good');
    await expect(t.host.invoke('records.replay', { runId: ok })).rejects.toThrow(/has no failed records to replay/);
    const partial = await runSaved(t, ['price'], 'replay-gone', 'gone');
    await t.host.invoke('flows.delete', { path: `${t.home}/flows/gone.flow.json` });
    await expect(t.host.invoke('records.replay', { runId: partial })).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining('no longer in the flow library') });
  });
});
