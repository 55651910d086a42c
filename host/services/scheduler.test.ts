import { afterEach, describe, expect, it } from 'vitest';
import type { OpsLogEntry } from '../types';
import { waitFlow } from '../testing/fixtures';
import { productsFlow, startOpsHost, type OpsHost } from './ops.fixture';

const MIN = 60_000;
let t: OpsHost | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** A host on the fake clock with the flows saved in its library and the scheduler running. */
async function scheduled(start = '2026-03-02T09:00:00.000Z') {
  t = await startOpsHost({ start });
  const log: OpsLogEntry[] = [];
  t.host.onOpsLog((e) => log.push(e));
  await t.host.invoke('flows.save', { flow: productsFlow({ fields: ['price', 'amount'] }) });
  await t.host.invoke('flows.save', { flow: productsFlow({ id: 'broken', fields: [] }) });
  await t.host.invoke('flows.save', { flow: waitFlow() });
  return { t, log };
}

/** Moves the fake clock, lets the scheduler start what became due, and waits until those runs finished. */
async function advance(h: OpsHost, ms: number): Promise<string[]> {
  const before = h.started().length;
  await h.clock.advance(ms);
  await h.host.settled();
  const ids = h.started().slice(before);
  await Promise.all(ids.map((id) => h.finished(id)));
  return ids;
}

const schedule = async (h: OpsHost, flowId: string) => (await h.host.invoke('schedules.list', {})).find((s) => s.flowId === flowId);

describe('scheduler: intervals and cron', () => {
  it('runs a flow every N minutes, counted from when the schedule was set', async () => {
    const { t } = await scheduled();
    const set = await t.host.invoke('schedules.set', { flowId: 'products', everyMinutes: 15 });
    expect(set).toMatchObject({ description: 'every 15 minutes', active: true, catchUp: 'run-once', nextRunAt: '2026-03-02T09:15:00.000Z', flowName: 'Products to shop' });
    expect(await t.host.startScheduler()).toEqual({ started: true });

    expect(await advance(t, 14 * MIN)).toEqual([]);
    const first = await advance(t, MIN);
    expect(first).toHaveLength(1);
    expect(await advance(t, 14 * MIN)).toEqual([]);
    expect(await advance(t, MIN)).toHaveLength(1);

    const s = await schedule(t, 'products');
    expect(s).toMatchObject({ lastStatus: 'succeeded', consecutiveFailures: 0, nextRunAt: '2026-03-02T09:45:00.000Z' });
    expect(s?.missed).toBeUndefined();
    const runs = await t.host.invoke('runs.list', { flowId: 'products' });
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('runs a cron schedule at its times only (02:00 on weekdays) and says so in words', async () => {
    // Friday 01:00 UTC.
    const { t } = await scheduled('2026-03-06T01:00:00.000Z');
    const set = await t.host.invoke('schedules.set', { flowId: 'products', cron: '0 2 * * 1-5', timezone: 'UTC' });
    expect(set.description).toBe('At 02:00, Monday through Friday (UTC)');
    await t.host.startScheduler();
    expect(await advance(t, 60 * MIN)).toHaveLength(1); // Friday 02:00
    expect(await advance(t, 24 * 60 * MIN)).toEqual([]); // Saturday 02:00
    expect(await advance(t, 24 * 60 * MIN)).toEqual([]); // Sunday 02:00
    expect(await advance(t, 24 * 60 * MIN)).toHaveLength(1); // Monday 02:00
    expect((await schedule(t, 'products'))?.nextRunAt).toBe('2026-03-10T02:00:00.000Z');
  });

  it('does not run a paused schedule, and after resuming counts nothing from the pause as missed', async () => {
    const { t } = await scheduled();
    await t.host.invoke('schedules.set', { flowId: 'products', everyMinutes: 15 });
    await t.host.startScheduler();
    const paused = await t.host.invoke('schedules.pause', { flowId: 'products' });
    expect(paused).toMatchObject({ active: false, pausedReason: 'Paused by hand.' });
    expect(paused.nextRunAt).toBeUndefined();
    expect(await advance(t, 40 * MIN)).toEqual([]);
    const resumed = await t.host.invoke('schedules.resume', { flowId: 'products' });
    expect(resumed.active).toBe(true);
    expect(resumed.pausedReason).toBeUndefined();
    expect(await advance(t, 4 * MIN)).toEqual([]); // 09:44
    expect(await advance(t, MIN)).toHaveLength(1); // 09:45, the next slot
    expect((await schedule(t, 'products'))?.missed).toBeUndefined();
  });

  it('never runs one flow twice at once: a due run while the previous one runs is skipped and logged', async () => {
    const { t, log } = await scheduled();
    await t.host.invoke('schedules.set', { flowId: 'waits', everyMinutes: 1 });
    await t.host.startScheduler();
    await t.clock.advance(MIN);
    await t.host.settled();
    const [first] = t.started();
    expect(first).toBeDefined();
    expect((await schedule(t, 'waits'))?.runningRunId).toBe(first);
    await t.clock.advance(MIN);
    await t.host.settled();
    expect(t.started()).toEqual([first]);
    expect(log.filter((e) => e.kind === 'skipped')).toEqual([expect.objectContaining({ flowId: 'waits', message: expect.stringContaining(`previous run (${first}) was still running`) })]);
    expect((await schedule(t, 'waits'))?.lastSkipped?.reason).toContain(first);
    const recent = await t.host.invoke('schedules.log', { flowId: 'waits' });
    expect(recent.map((e) => e.kind)).toEqual(['skipped', 'scheduled']);
    await t.host.invoke('runs.stop', { runId: first ?? '' });
    await t.finished(first ?? '');
  });

  it('says who runs the schedules, and gives the lock back when stopped', async () => {
    const { t } = await scheduled();
    expect(await t.host.invoke('schedules.status', {})).toEqual({ runningHere: false, message: expect.stringContaining('Nothing runs the schedules now') });
    await t.host.startScheduler({ owner: 'desktop' });
    expect(await t.host.invoke('schedules.status', {})).toEqual({
      runningHere: true,
      owner: { pid: process.pid, owner: 'desktop', since: '2026-03-02T09:00:00.000Z' },
      message: 'This Koppel runs the schedules.',
    });
    await t.host.stopScheduler();
    expect((await t.host.invoke('schedules.status', {})).owner).toBeUndefined();
  });

  it('rejects a cron expression it cannot read, a flow that is not in the library, and previews timings in three languages', async () => {
    const { t } = await scheduled();
    await expect(t.host.invoke('schedules.set', { flowId: 'products', cron: '61 * * * *' })).rejects.toMatchObject({ kind: 'invalid-input', message: expect.stringContaining("'61 * * * *' is not valid") });
    await expect(t.host.invoke('schedules.set', { flowId: 'products', cron: '0 2 * *' })).rejects.toThrow(/five fields/);
    await expect(t.host.invoke('schedules.set', { flowId: 'products', everyMinutes: 5, cron: '* * * * *' })).rejects.toMatchObject({ kind: 'invalid-input' });
    await expect(t.host.invoke('schedules.set', { flowId: 'nope', everyMinutes: 5 })).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining('Save the flow first') });
    expect(await t.host.invoke('schedules.preview', { cron: '0 2 * * 1-5', timezone: 'UTC', count: 2 })).toEqual({
      valid: true,
      description: 'At 02:00, Monday through Friday (UTC)',
      next: ['2026-03-03T02:00:00.000Z', '2026-03-04T02:00:00.000Z'],
    });
    expect(await t.host.invoke('schedules.preview', { cron: 'nonsense' })).toMatchObject({ valid: false, problem: expect.stringContaining('five fields') });
    await t.host.invoke('settings.setLanguage', { language: 'nl' });
    expect((await t.host.invoke('schedules.preview', { everyMinutes: 60 })).description).toBe('elk uur');
    await t.host.invoke('settings.setLanguage', { language: 'de' });
    expect((await t.host.invoke('schedules.preview', { everyMinutes: 15 })).description).toBe('alle 15 Minuten');
    await t.host.invoke('schedules.set', { flowId: 'products', everyMinutes: 15 });
    await t.host.invoke('schedules.remove', { flowId: 'products' });
    expect(await t.host.invoke('schedules.list', {})).toEqual([]);
    await expect(t.host.invoke('schedules.remove', { flowId: 'products' })).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('scheduler: catch-up after sleep or downtime', () => {
  it('run-once: after the PC slept through five runs, shows them as missed and runs once', async () => {
    const { t, log } = await scheduled();
    await t.host.invoke('schedules.set', { flowId: 'products', everyMinutes: 60 });
    await t.host.startScheduler();
    t.clock.jump(5 * 60 * MIN + 10 * MIN); // asleep from 09:00 to 14:10: timers fire late
    expect(await advance(t, 0)).toHaveLength(1);
    const s = await schedule(t, 'products');
    expect(s?.missed).toEqual({
      count: 5,
      times: ['10', '11', '12', '13', '14'].map((h) => `2026-03-02T${h}:00:00.000Z`),
      detectedAt: '2026-03-02T14:10:00.000Z',
      handled: 'ran-once',
    });
    expect(log.find((e) => e.kind === 'missed')?.message).toMatch(/missed 5 runs .* ran it once now to catch up/);
    expect(s?.nextRunAt).toBe('2026-03-02T15:00:00.000Z');
  });

  it('skip: missed runs are shown but not run; the next time runs as usual', async () => {
    const { t } = await scheduled();
    await t.host.invoke('schedules.set', { flowId: 'products', everyMinutes: 60, catchUp: 'skip' });
    await t.host.startScheduler();
    t.clock.jump(3 * 60 * MIN + 30 * MIN);
    expect(await advance(t, 0)).toEqual([]);
    expect((await schedule(t, 'products'))?.missed).toMatchObject({ count: 3, handled: 'skipped' });
    expect(await advance(t, 30 * MIN)).toHaveLength(1); // 13:00
  });

  it('detects runs missed while Koppel was not running, from the last run time kept in settings', async () => {
    const { t } = await scheduled();
    await t.host.invoke('schedules.set', { flowId: 'products', everyMinutes: 30 });
    await t.host.startScheduler();
    expect(await advance(t, 30 * MIN)).toHaveLength(1); // 09:30
    await t.host.stopScheduler();
    t.clock.jump(2 * 60 * MIN); // off until 11:30 (a slot exactly now: on time)
    expect((await t.host.startScheduler()).started).toBe(true);
    await t.host.settled();
    await Promise.all(t.started().map((id) => t.finished(id)));
    expect(t.started()).toHaveLength(2);
    expect((await schedule(t, 'products'))?.missed).toMatchObject({ count: 3, handled: 'ran-once', times: ['2026-03-02T10:00:00.000Z', '2026-03-02T10:30:00.000Z', '2026-03-02T11:00:00.000Z'] });
  });
});

describe('scheduler: pausing itself after repeated failures', () => {
  it('pauses a flow after 3 failed runs in a row and says why', async () => {
    const { t, log } = await scheduled();
    await t.host.invoke('schedules.set', { flowId: 'broken', everyMinutes: 1 });
    await t.host.startScheduler();
    for (let i = 1; i <= 2; i++) {
      expect(await advance(t, MIN)).toHaveLength(1);
      expect(await schedule(t, 'broken')).toMatchObject({ active: true, consecutiveFailures: i, lastStatus: 'failed' });
    }
    const [third] = await advance(t, MIN);
    const s = await schedule(t, 'broken');
    expect(s).toMatchObject({ active: false, consecutiveFailures: 3 });
    expect(s?.pausedReason).toMatch(/failed 3 times in a row\. Last error: 3 records failed\. See run .*Fix the cause/);
    expect(s?.pausedReason).toContain(third);
    expect(log.some((e) => e.kind === 'paused' && e.flowId === 'broken')).toBe(true);
    expect(await advance(t, 5 * MIN)).toEqual([]);
    // Resuming gives it a fresh start.
    expect(await t.host.invoke('schedules.resume', { flowId: 'broken' })).toMatchObject({ active: true, consecutiveFailures: 0 });
  });

  it('counts a schedule that cannot start its flow as a failure, and a success resets the count', async () => {
    const { t, log } = await scheduled();
    await t.host.invoke('schedules.set', { flowId: 'products', everyMinutes: 1, pauseAfterFailures: 2 });
    await t.host.invoke('flows.delete', { path: `${t.home}/flows/products.flow.json` });
    await advanceAndStart(t);
    expect(log.find((e) => e.kind === 'start-failed')?.message).toMatch(/not in the flow library any more/);
    expect((await schedule(t, 'products'))?.consecutiveFailures).toBe(1);
    await t.host.invoke('flows.save', { flow: productsFlow({ fields: ['price', 'amount'] }) });
    expect(await advance(t, MIN)).toHaveLength(1);
    expect(await schedule(t, 'products')).toMatchObject({ consecutiveFailures: 0, active: true, lastStatus: 'succeeded' });
  });
});

async function advanceAndStart(h: OpsHost): Promise<void> {
  await h.host.startScheduler();
  await h.clock.advance(MIN);
  await h.host.settled();
}
