import path from 'node:path';
import type { Ledger } from '../../engine/ledger/ledger';
import type { FlowDocument } from '../../engine/flow/schema';
import type { opsContract } from '../contract-ops';
import type { Handlers } from '../dispatch';
import { HostError, messageOf } from '../errors';
import type { Clock, DesktopNotification, OpsLogEntry, SchedulerOwner, SchedulerStart, SecretStore, SettingsStore } from '../types';
import type { Language } from './app';
import { createDashboard } from './dashboard';
import type { FlowsService } from './flows';
import { createNotifications } from './notifications';
import { createReplay } from './replay';
import { createRetention } from './retention';
import type { RunsService } from './runs';
import { createScheduleStore } from './schedule-store';
import { createScheduler, type Scheduler } from './scheduler';
import { LOCK_FILE, acquireLock, describeOwner, lockHolder } from './scheduler-lock';
import { createSchedules } from './schedules';

type OpsChannel = keyof typeof opsContract;
export type OpsHandlers = Pick<Handlers, OpsChannel>;

const ok = { ok: true as const };
const RECENT_LOG = 500;

/**
 * The long-running side of the host: schedules and the scheduler, notifications, the dashboard, replay and
 * parking, retention and privacy. `createHost` spreads `handlers` into its channel table.
 */
export function createOps(deps: {
  home: string;
  settings: SettingsStore;
  secrets: SecretStore;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  ledger: () => Ledger;
  flows: FlowsService;
  runs: RunsService;
  language: () => Language;
  notify?: (notification: DesktopNotification) => void;
  webUrl?: string;
  tuning?: { maxSleepMs?: number; graceMs?: number };
}) {
  const { clock, flows, runs } = deps;
  const lockFile = path.join(deps.home, LOCK_FILE);
  const listeners = new Set<(entry: OpsLogEntry) => void>();
  /** The latest entries, for `schedules.log` (memory only: the daemon writes them to its own output). */
  const recent: OpsLogEntry[] = [];
  const log = (entry: Omit<OpsLogEntry, 'at'>): void => {
    const full: OpsLogEntry = { at: clock.now().toISOString(), ...entry };
    recent.push(full);
    if (recent.length > RECENT_LOG) recent.splice(0, recent.length - RECENT_LOG);
    for (const listener of listeners) {
      try {
        listener(full);
      } catch {
        // A broken subscriber must not stop the scheduler.
      }
    }
  };

  const library = () => flows.entries();
  const store = createScheduleStore(deps.settings);
  const retention = createRetention({ settings: deps.settings, clock, ledger: deps.ledger, log });
  const notifications = createNotifications({
    settings: deps.settings,
    secrets: deps.secrets,
    env: deps.env,
    clock,
    ledger: deps.ledger,
    ...(deps.notify ? { notify: deps.notify } : {}),
    ...(deps.webUrl !== undefined ? { webUrl: deps.webUrl } : {}),
    log,
  });
  const unsubscribeNotifications = runs.onEvent((event) => notifications.onRunEvent(event));
  const dashboard = createDashboard({ ledger: deps.ledger, clock });

  /** Every run Koppel starts goes through here: the workspace's payload-logging limit applies. */
  const start = (input: { flow: FlowDocument; dryRun: boolean; onlyKeys?: string[] }): Promise<string> => runs.start({ ...input, flow: retention.capFlow(input.flow) });
  const replay = createReplay({ ledger: deps.ledger, library, start });

  let scheduler: Scheduler | undefined;
  let releaseLock: (() => void) | undefined;

  async function startScheduled(flowId: string): Promise<string> {
    const entry = (await library()).find((e) => e.flow?.id === flowId);
    const flow = entry?.flow;
    try {
      if (!flow) {
        throw new HostError('not-found', `The flow '${flowId}' is not in the flow library any more (it was deleted or its file cannot be read). Save it again, or remove its schedule.`);
      }
      return await start({ flow, dryRun: false });
    } catch (error) {
      const message = messageOf(error);
      if (!/already running|being started/i.test(message)) notifications.startFailed(flowId, flow?.name ?? flowId, message);
      throw error;
    }
  }

  const schedules = createSchedules({
    store,
    clock,
    language: deps.language,
    library,
    runningRun: (flowId) => scheduler?.runningRun(flowId),
    changed: () => scheduler?.refresh(),
  });

  const owner = (): SchedulerOwner | undefined => lockHolder(lockFile);

  const handlers: OpsHandlers = {
    'schedules.list': () => schedules.list(),
    'schedules.set': (input) => schedules.set(input),
    'schedules.remove': async ({ flowId }) => {
      schedules.remove(flowId);
      return ok;
    },
    'schedules.pause': ({ flowId, reason }) => schedules.pause(flowId, reason),
    'schedules.resume': ({ flowId }) => schedules.resume(flowId),
    'schedules.preview': async (input) => schedules.preview(input),
    'schedules.status': async () => {
      const holder = owner();
      const runningHere = scheduler?.started === true;
      const message = runningHere
        ? 'This Koppel runs the schedules.'
        : holder
          ? `The schedules are run by ${describeOwner(holder)}.`
          : 'Nothing runs the schedules now. Keep the Koppel app open or start `koppel daemon`.';
      return { runningHere, ...(holder ? { owner: holder } : {}), message };
    },

    'schedules.log': async ({ flowId, limit }) =>
      recent
        .filter((e) => flowId === undefined || e.flowId === flowId)
        .slice(-limit)
        .reverse(),

    'dashboard.overview': async (input) => dashboard.overview(input),
    'runs.detail': async (input) => dashboard.runDetail(input),
    'records.timeline': async (input) => dashboard.timeline(input),
    'records.replay': (input) => replay.replay(input),
    'records.park': async (input) => {
      replay.park(input);
      return ok;
    },
    'records.unpark': async (input) => {
      replay.unpark(input);
      return ok;
    },
    'records.parked': async ({ flowId }) => replay.parked(flowId),

    'notifications.get': () => notifications.get(),
    'notifications.set': (input) => notifications.set(input),
    'notifications.test': ({ channels }) => notifications.test(channels),

    'retention.get': async () => retention.get(),
    'retention.set': async (input) => retention.set(input),
    'retention.apply': async () => retention.apply(),
    'privacy.erase': async ({ email }) => retention.erase(email),
  };

  return {
    handlers,
    start,

    async startScheduler(opts: { owner?: SchedulerOwner['owner'] } = {}): Promise<SchedulerStart> {
      if (scheduler?.started) return { started: true };
      const lock = acquireLock(lockFile, opts.owner ?? 'desktop', { now: () => clock.now() });
      if (!lock.acquired) {
        return { started: false, heldBy: lock.heldBy, message: `The schedules of ${deps.home} are already run by ${describeOwner(lock.heldBy)}.` };
      }
      releaseLock = lock.release;
      scheduler = createScheduler({
        clock,
        store,
        startRun: startScheduled,
        onRunEvent: (listener) => runs.onEvent(listener),
        log,
        jobs: [retention.job(), notifications.digestJob()],
        ...(deps.tuning?.graceMs !== undefined ? { graceMs: deps.tuning.graceMs } : {}),
        ...(deps.tuning?.maxSleepMs !== undefined ? { maxSleepMs: deps.tuning.maxSleepMs } : {}),
      });
      scheduler.start();
      log({ level: 'info', kind: 'scheduler', message: 'Schedules are running.' });
      return { started: true };
    },

    async stopScheduler(): Promise<void> {
      if (!scheduler) return;
      scheduler.stop();
      await scheduler.settled();
      scheduler = undefined;
      releaseLock?.();
      releaseLock = undefined;
    },

    onOpsLog(listener: (entry: OpsLogEntry) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    markAbandonedRuns: (): number => deps.ledger().markAbandonedRuns(),

    async settled(): Promise<void> {
      await scheduler?.settled();
      await notifications.settled();
    },

    /** Before the runs stop: no new scheduled runs. */
    async close(): Promise<void> {
      scheduler?.stop();
      await scheduler?.settled();
    },

    /** After the runs stopped: the last notifications go out, then the lock is given back. */
    async finish(): Promise<void> {
      await notifications.settled();
      unsubscribeNotifications();
      scheduler = undefined;
      releaseLock?.();
      releaseLock = undefined;
    },
  };
}
