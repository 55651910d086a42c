import type { ChannelInput, ChannelOutput, Schedule } from '../contract';
import { HostError } from '../errors';
import type { Clock } from '../types';
import type { Language } from './app';
import type { LibraryEntry } from './flows';
import { ScheduleError, checkTiming, describeTiming, nextAfter, nextTimes, type ScheduleTiming } from './schedule-spec';
import { timingOf, type ScheduleConfig, type ScheduleStore } from './schedule-store';

export interface SchedulesService {
  list(): Promise<Schedule[]>;
  set(input: ChannelInput<'schedules.set'>): Promise<Schedule>;
  remove(flowId: string): void;
  pause(flowId: string, reason?: string): Promise<Schedule>;
  resume(flowId: string): Promise<Schedule>;
  preview(input: ChannelInput<'schedules.preview'>): ChannelOutput<'schedules.preview'>;
}

function timingFromInput(input: { everyMinutes?: number | undefined; cron?: string | undefined; timezone?: string | undefined }): ScheduleTiming {
  const tz = input.timezone !== undefined ? { timezone: input.timezone } : {};
  if (input.cron !== undefined) return { cron: input.cron.trim(), ...tz };
  if (input.everyMinutes !== undefined) return { everyMinutes: input.everyMinutes, ...tz };
  throw new HostError('invalid-input', 'Give either everyMinutes (an interval) or cron (a cron expression).');
}

function checked(timing: ScheduleTiming): void {
  try {
    checkTiming(timing);
  } catch (error) {
    if (error instanceof ScheduleError) throw new HostError('invalid-input', error.message);
    throw error;
  }
}

const sameTiming = (a: ScheduleTiming | undefined, b: ScheduleTiming): boolean =>
  a !== undefined && a.cron === b.cron && a.everyMinutes === b.everyMinutes && a.timezone === b.timezone;

/** The schedules channels: per flow an interval or a cron expression, kept in settings (never in the flow file). */
export function createSchedules(deps: {
  store: ScheduleStore;
  clock: Clock;
  language: () => Language;
  library: () => Promise<LibraryEntry[]>;
  /** The scheduled run of a flow going on in this process. */
  runningRun: (flowId: string) => string | undefined;
  /** Called after every change, so a scheduler in this process looks again at once. */
  changed: () => void;
}): SchedulesService {
  const { store, clock } = deps;

  const describe = (timing: ScheduleTiming | undefined): string => {
    if (!timing) return 'no timing set';
    try {
      return describeTiming(timing, deps.language());
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };

  function toSchedule(config: ScheduleConfig, entry: LibraryEntry | undefined): Schedule {
    const state = store.state(config.flowId);
    const timing = timingOf(config);
    let nextRunAt: string | undefined;
    if (config.active && timing) {
      try {
        const next = nextAfter(timing, Date.parse(config.since), clock.now().getTime());
        if (next !== undefined) nextRunAt = new Date(next).toISOString();
      } catch {
        // A timing that cannot be read shows no next time; the scheduler pauses it and says why.
      }
    }
    const running = deps.runningRun(config.flowId);
    return {
      flowId: config.flowId,
      ...(entry?.flow ? { flowName: entry.flow.name, path: entry.path } : {}),
      ...(config.everyMinutes !== undefined && config.cron === undefined ? { everyMinutes: config.everyMinutes } : {}),
      ...(config.cron !== undefined ? { cron: config.cron } : {}),
      ...(config.timezone !== undefined ? { timezone: config.timezone } : {}),
      description: describe(timing),
      active: config.active,
      catchUp: config.catchUp,
      pauseAfterFailures: config.pauseAfterFailures,
      ...(config.pausedReason !== undefined && !config.active ? { pausedReason: config.pausedReason } : {}),
      ...(config.pausedAt !== undefined && !config.active ? { pausedAt: config.pausedAt } : {}),
      ...(nextRunAt !== undefined ? { nextRunAt } : {}),
      ...(state.lastRunAt !== undefined ? { lastRunAt: state.lastRunAt } : {}),
      ...(state.lastRunId !== undefined ? { lastRunId: state.lastRunId } : {}),
      ...(state.lastStatus !== undefined ? { lastStatus: state.lastStatus } : {}),
      consecutiveFailures: state.consecutiveFailures,
      ...(running !== undefined ? { runningRunId: running } : {}),
      ...(state.lastSkipped !== undefined ? { lastSkipped: state.lastSkipped } : {}),
      ...(state.missed !== undefined ? { missed: state.missed } : {}),
    };
  }

  const entryOf = async (flowId: string): Promise<LibraryEntry | undefined> => (await deps.library()).find((e) => e.flow?.id === flowId);

  const existing = (flowId: string): ScheduleConfig => {
    const config = store.get(flowId);
    if (!config) throw new HostError('not-found', `Flow '${flowId}' has no schedule. Set one first.`);
    return config;
  };

  async function answer(flowId: string): Promise<Schedule> {
    deps.changed();
    return toSchedule(existing(flowId), await entryOf(flowId));
  }

  function activate(config: ScheduleConfig): ScheduleConfig {
    // Resuming starts afresh: what was due while paused is not "missed", and failures before do not count.
    store.patchState(config.flowId, { lastSlotAt: clock.now().toISOString(), consecutiveFailures: 0, missed: undefined });
    const { pausedReason: _r, pausedAt: _a, ...rest } = config;
    return { ...rest, active: true };
  }

  return {
    async list() {
      const entries = await deps.library();
      const byId = new Map(entries.flatMap((e) => (e.flow ? [[e.flow.id, e] as const] : [])));
      return [...store.all().values()].sort((a, b) => a.flowId.localeCompare(b.flowId)).map((c) => toSchedule(c, byId.get(c.flowId)));
    },

    async set(input) {
      const entry = await entryOf(input.flowId);
      if (!entry) throw new HostError('not-found', `There is no flow with id '${input.flowId}' in the flow library. Save the flow first, then schedule it.`);
      const timing = timingFromInput(input);
      checked(timing);
      const now = clock.now().toISOString();
      const old = store.get(input.flowId);
      let config: ScheduleConfig = {
        ...(old ?? {}),
        flowId: input.flowId,
        ...(timing.cron !== undefined ? { cron: timing.cron, everyMinutes: undefined } : { everyMinutes: timing.everyMinutes, cron: undefined }),
        timezone: timing.timezone,
        active: old?.active ?? true,
        catchUp: input.catchUp ?? old?.catchUp ?? 'run-once',
        pauseAfterFailures: input.pauseAfterFailures ?? old?.pauseAfterFailures ?? 3,
        since: old && sameTiming(timingOf(old), timing) ? old.since : now,
      };
      if (!old || !sameTiming(timingOf(old), timing)) store.patchState(input.flowId, { lastSlotAt: undefined, missed: undefined });
      if (input.active === true && !config.active) config = activate(config);
      if (input.active === false && config.active) config = { ...config, active: false, pausedReason: 'Paused by hand.', pausedAt: now };
      // Timing fields that do not apply are undefined here; the settings file (JSON) drops them.
      store.put(config);
      return answer(input.flowId);
    },

    remove(flowId) {
      if (!store.remove(flowId)) throw new HostError('not-found', `Flow '${flowId}' has no schedule to remove.`);
      deps.changed();
    },

    async pause(flowId, reason) {
      const config = existing(flowId);
      const at = clock.now().toISOString();
      store.put({ ...config, active: false, pausedReason: reason?.trim() ? reason.trim() : 'Paused by hand.', pausedAt: at });
      return answer(flowId);
    },

    async resume(flowId) {
      store.put(activate(existing(flowId)));
      return answer(flowId);
    },

    preview(input) {
      let timing: ScheduleTiming;
      try {
        timing = timingFromInput(input);
        checkTiming(timing);
        const now = clock.now().getTime();
        return { valid: true, description: describeTiming(timing, deps.language()), next: nextTimes(timing, now, now, input.count ?? 5).map((t) => new Date(t).toISOString()) };
      } catch (error) {
        if (error instanceof ScheduleError || error instanceof HostError) return { valid: false, description: '', next: [], problem: error.message };
        throw error;
      }
    },
  };
}
