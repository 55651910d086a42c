import type { RunEvent } from '../../engine/run/events';
import { messageOf } from '../errors';
import type { Clock, OpsLogEntry, TimerHandle } from '../types';
import { nextAfter, slotsBetween, type ScheduleTiming } from './schedule-spec';
import { timingOf, type ScheduleConfig, type ScheduleStore } from './schedule-store';
import { formatTime } from './time-format';

/** Work the scheduler does besides flows: retention (daily and at start), the daily digest. */
export interface SchedulerJob {
  id: string;
  /** When it runs; undefined = switched off for now (read on every check, so settings changes apply). */
  timing(): ScheduleTiming | undefined;
  runAtStart?: boolean;
  run(): Promise<void>;
}

export interface SchedulerDeps {
  clock: Clock;
  store: ScheduleStore;
  /** Starts a real run of the flow as it is in the library now; resolves with the run id. */
  startRun(flowId: string): Promise<string>;
  onRunEvent(listener: (event: RunEvent) => void): () => void;
  log(entry: Omit<OpsLogEntry, 'at'>): void;
  jobs?: SchedulerJob[];
  /** How late a run may start and still count as on time (timers fire late on a busy or waking PC). Default 2 min. */
  graceMs?: number;
  /** Longest wait between two checks, so sleep, and settings changed by another process, are noticed. Default 30 s. */
  maxSleepMs?: number;
}

export interface Scheduler {
  /** Checks at once (missed runs, jobs that run at start), then keeps checking. */
  start(): void;
  /** No new runs from now on; running ones go on. */
  stop(): void;
  /** Settings changed in this process: check again now. */
  refresh(): void;
  /** The scheduled run of a flow going on now. */
  runningRun(flowId: string): string | undefined;
  /** Resolves when runs and jobs being started have started (or failed to). */
  settled(): Promise<void>;
  readonly started: boolean;
}

const MISSED_TIMES_KEPT = 20;

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { clock, store } = deps;
  const graceMs = deps.graceMs ?? 2 * 60_000;
  const maxSleepMs = deps.maxSleepMs ?? 30_000;
  const jobs = deps.jobs ?? [];
  const log = deps.log;

  let started = false;
  let timer: TimerHandle | undefined;
  let unsubscribe: (() => void) | undefined;
  const pending = new Set<Promise<void>>();
  /** Flows this scheduler is starting, before their run.started event. */
  const starting = new Set<string>();
  /** Runs going on now, by flow, whoever started them (a person or this scheduler). */
  const activeByFlow = new Map<string, string>();
  const runInfo = new Map<string, { flowId: string; dryRun: boolean; scheduled: boolean }>();
  const names = new Map<string, string>();
  const runningJobs = new Set<string>();

  const nameOf = (flowId: string): string => `'${names.get(flowId) ?? flowId}'`;
  const iso = (ms: number): string => new Date(ms).toISOString();
  const track = (p: Promise<void>): void => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  function pause(config: ScheduleConfig, reason: string): void {
    const current = store.get(config.flowId) ?? config;
    store.put({ ...current, active: false, pausedReason: reason, pausedAt: clock.now().toISOString() });
    log({ level: 'warn', kind: 'paused', flowId: config.flowId, message: `Paused the schedule of ${nameOf(config.flowId)}: ${reason}` });
  }

  /** A scheduled run that failed (or could not start) counts towards pausing the schedule. */
  function countFailure(flowId: string, why: string, runId?: string): void {
    const config = store.get(flowId);
    if (!config) return;
    const state = store.patchState(flowId, { consecutiveFailures: store.state(flowId).consecutiveFailures + 1 });
    if (!config.active || config.pauseAfterFailures === 0 || state.consecutiveFailures < config.pauseAfterFailures) return;
    const where = runId ? ` See run ${runId}.` : '';
    pause(
      config,
      `it failed ${state.consecutiveFailures} times in a row. Last error: ${why}${where} Fix the cause (the connection, the flow or the data), then resume the schedule.`,
    );
  }

  function onRunEvent(event: RunEvent): void {
    if (event.type === 'run.started') {
      names.set(event.flowId, event.flowName);
      activeByFlow.set(event.flowId, event.runId);
      // A flow this scheduler is starting: its run.started may come before runs.start resolves.
      const scheduled = !event.dryRun && starting.has(event.flowId);
      runInfo.set(event.runId, { flowId: event.flowId, dryRun: event.dryRun, scheduled });
      if (scheduled) store.patchState(event.flowId, { lastRunId: event.runId, lastStatus: 'running', lastRunAt: event.at });
      return;
    }
    if (event.type !== 'run.finished') return;
    const info = runInfo.get(event.runId);
    runInfo.delete(event.runId);
    if (!info) return;
    if (activeByFlow.get(info.flowId) === event.runId) activeByFlow.delete(info.flowId);
    if (info.dryRun || !store.get(info.flowId)) return;
    store.patchState(info.flowId, { lastRunId: event.runId, lastStatus: event.status, lastRunAt: event.at });
    if (event.status === 'failed' && info.scheduled) countFailure(info.flowId, event.error ?? 'the run failed.', event.runId);
    else if (event.status === 'succeeded' || event.status === 'partial') store.patchState(info.flowId, { consecutiveFailures: 0 });
  }

  function launch(config: ScheduleConfig, why: string): void {
    const { flowId } = config;
    const busy = activeByFlow.get(flowId);
    if (busy !== undefined || starting.has(flowId)) {
      const reason = busy !== undefined ? `its previous run (${busy}) was still running` : 'it was still being started';
      store.patchState(flowId, { lastSkipped: { at: clock.now().toISOString(), reason } });
      log({ level: 'warn', kind: 'skipped', flowId, message: `Did not start ${nameOf(flowId)} ${why}: ${reason}. It runs again at its next time.` });
      return;
    }
    starting.add(flowId);
    track(
      deps
        .startRun(flowId)
        .then((runId) => {
          log({ level: 'info', kind: 'scheduled', flowId, runId, message: `Started ${nameOf(flowId)} ${why} (run ${runId}).` });
        })
        .catch((error: unknown) => {
          const message = messageOf(error);
          if (/already running|being started/i.test(message)) {
            store.patchState(flowId, { lastSkipped: { at: clock.now().toISOString(), reason: message } });
            log({ level: 'warn', kind: 'skipped', flowId, message: `Did not start ${nameOf(flowId)} ${why}: ${message}` });
            return;
          }
          log({ level: 'error', kind: 'start-failed', flowId, message: `Could not start ${nameOf(flowId)} ${why}: ${message}` });
          countFailure(flowId, message);
        })
        .finally(() => starting.delete(flowId)),
    );
  }

  function checkFlow(config: ScheduleConfig, now: number): void {
    const timing = timingOf(config);
    if (!config.active || !timing) return;
    const state = store.state(config.flowId);
    const anchor = Date.parse(config.since);
    const last = Math.max(anchor, state.lastSlotAt ? Date.parse(state.lastSlotAt) : -Infinity);
    let slots;
    try {
      slots = slotsBetween(timing, anchor, last, now, MISSED_TIMES_KEPT + 1);
    } catch (error) {
      pause(config, `its timing cannot be read (${messageOf(error)}). Set the schedule again.`);
      return;
    }
    if (slots.count === 0 || slots.last === undefined) return;
    const onTime = now - slots.last <= graceMs;
    const missedTimes = onTime ? slots.latest.slice(0, -1) : slots.latest;
    const missedCount = onTime ? slots.count - 1 : slots.count;
    const willRun = onTime || config.catchUp === 'run-once';
    const patch: Parameters<ScheduleStore['patchState']>[1] = { lastSlotAt: iso(slots.last) };
    if (missedCount > 0) {
      const handled = willRun ? 'ran-once' : 'skipped';
      patch.missed = { count: missedCount, times: missedTimes.slice(-MISSED_TIMES_KEPT).map(iso), detectedAt: iso(now), handled };
      const first = missedTimes[0] ?? slots.last;
      const span = missedCount === 1 ? `at ${formatTime(first)}` : `between ${formatTime(first)} and ${formatTime(missedTimes.at(-1) ?? slots.last)}`;
      const what = onTime ? 'runs now as scheduled' : willRun ? 'ran it once now to catch up' : 'skipped them as set (catch-up: skip); it runs again at its next time';
      log({
        level: 'warn',
        kind: 'missed',
        flowId: config.flowId,
        message: `${nameOf(config.flowId)} missed ${missedCount} run${missedCount === 1 ? '' : 's'} ${span} while this computer slept or Koppel was not running; ${what}.`,
      });
    }
    store.patchState(config.flowId, patch);
    if (willRun) launch(config, onTime ? `as scheduled for ${formatTime(slots.last)}` : `to catch up ${missedCount} missed run${missedCount === 1 ? '' : 's'}`);
  }

  function runJob(job: SchedulerJob): void {
    if (runningJobs.has(job.id)) return;
    runningJobs.add(job.id);
    track(
      job
        .run()
        .catch((error: unknown) => log({ level: 'error', kind: 'scheduler', message: `The ${job.id} task failed: ${messageOf(error)}` }))
        .finally(() => runningJobs.delete(job.id)),
    );
  }

  function checkJob(job: SchedulerJob, now: number, atStart: boolean): void {
    const timing = job.timing();
    let ran = false;
    // Switched off: forget when it last ran, so switching it on again does not "catch up" at once.
    if (!timing) store.clearJobSlot(job.id);
    if (timing) {
      const stored = store.jobSlot(job.id);
      // First start ever: nothing before now is owed.
      const last = stored ? Date.parse(stored) : now;
      if (!stored) store.setJobSlot(job.id, iso(now));
      const slots = slotsBetween(timing, 0, last, now, 1);
      if (slots.last !== undefined) {
        store.setJobSlot(job.id, iso(slots.last));
        runJob(job);
        ran = true;
      }
    }
    if (atStart && job.runAtStart && !ran) runJob(job);
  }

  function nextWake(now: number): number {
    let next = now + maxSleepMs;
    for (const config of store.all().values()) {
      const timing = timingOf(config);
      if (!config.active || !timing) continue;
      try {
        const t = nextAfter(timing, Date.parse(config.since), now);
        if (t !== undefined && t < next) next = t;
      } catch {
        // Reported when the flow is checked.
      }
    }
    for (const job of jobs) {
      const timing = job.timing();
      const t = timing ? nextAfter(timing, 0, now) : undefined;
      if (t !== undefined && t < next) next = t;
    }
    return next;
  }

  function check(atStart = false): void {
    if (!started) return;
    if (timer) clock.clearTimer(timer);
    timer = undefined;
    const now = clock.now().getTime();
    for (const config of store.all().values()) {
      try {
        checkFlow(config, now);
      } catch (error) {
        log({ level: 'error', kind: 'scheduler', flowId: config.flowId, message: `Could not check the schedule of ${nameOf(config.flowId)}: ${messageOf(error)}` });
      }
    }
    for (const job of jobs) {
      try {
        checkJob(job, now, atStart);
      } catch (error) {
        log({ level: 'error', kind: 'scheduler', message: `Could not check the ${job.id} task: ${messageOf(error)}` });
      }
    }
    timer = clock.setTimer(() => check(), Math.max(0, nextWake(now) - now));
  }

  return {
    get started() {
      return started;
    },
    start() {
      if (started) return;
      started = true;
      unsubscribe = deps.onRunEvent(onRunEvent);
      check(true);
    },
    stop() {
      started = false;
      if (timer) clock.clearTimer(timer);
      timer = undefined;
      unsubscribe?.();
      unsubscribe = undefined;
    },
    refresh: () => check(),
    runningRun(flowId) {
      const runId = activeByFlow.get(flowId);
      return runId !== undefined && runInfo.get(runId)?.scheduled ? runId : undefined;
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
