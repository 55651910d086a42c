import { z } from 'zod';
import { runStateSchema } from '../../engine/run/events';
import { catchUpSchema, missedRunsSchema, skippedRunSchema } from '../contract-ops';
import type { SettingsStore } from '../types';
import type { ScheduleTiming } from './schedule-spec';

/**
 * Schedules live in the settings file (not in the flow file: when a flow runs is local to each machine).
 * `schedules` holds what a person set; `scheduleState` what the scheduler learned (last slot handled, failures,
 * missed runs). Both are read through zod on every access: the daemon and the desktop app share the file.
 */
export const SCHEDULE_KEYS = { schedules: 'schedules', state: 'scheduleState', jobs: 'scheduleJobs' } as const;

export const scheduleConfigSchema = z.looseObject({
  flowId: z.string(),
  everyMinutes: z.number().int().min(1).optional(),
  cron: z.string().optional(),
  timezone: z.string().optional(),
  active: z.boolean().default(true),
  catchUp: catchUpSchema.default('run-once'),
  pauseAfterFailures: z.number().int().min(0).default(3),
  pausedReason: z.string().optional(),
  pausedAt: z.string().optional(),
  /** When the timing was set: intervals count from here, and nothing before it is "missed". */
  since: z.string(),
});
export type ScheduleConfig = z.infer<typeof scheduleConfigSchema>;

export const scheduleStateSchema = z.looseObject({
  /** The latest scheduled time the scheduler handled (ran, skipped or caught up). */
  lastSlotAt: z.string().optional(),
  lastRunAt: z.string().optional(),
  lastRunId: z.string().optional(),
  lastStatus: runStateSchema.optional(),
  consecutiveFailures: z.number().int().min(0).default(0),
  lastSkipped: skippedRunSchema.optional(),
  missed: missedRunsSchema.optional(),
});
export type ScheduleState = z.infer<typeof scheduleStateSchema>;

const jobStateSchema = z.record(z.string(), z.looseObject({ lastSlotAt: z.string() }));

export function timingOf(config: ScheduleConfig): ScheduleTiming | undefined {
  const tz = config.timezone !== undefined ? { timezone: config.timezone } : {};
  if (config.cron !== undefined) return { cron: config.cron, ...tz };
  if (config.everyMinutes !== undefined) return { everyMinutes: config.everyMinutes, ...tz };
  return undefined;
}

function readRecord<T>(settings: SettingsStore, key: string, schema: z.ZodType<T>): Map<string, T> {
  const raw = z.record(z.string(), z.unknown()).safeParse(settings.get(key));
  const out = new Map<string, T>();
  if (!raw.success) return out;
  for (const [id, value] of Object.entries(raw.data)) {
    // One damaged entry must not hide the others.
    const parsed = schema.safeParse(value);
    if (parsed.success) out.set(id, parsed.data);
  }
  return out;
}

export interface ScheduleStore {
  all(): Map<string, ScheduleConfig>;
  get(flowId: string): ScheduleConfig | undefined;
  put(config: ScheduleConfig): void;
  remove(flowId: string): boolean;
  state(flowId: string): ScheduleState;
  patchState(flowId: string, patch: Partial<ScheduleState>): ScheduleState;
  jobSlot(jobId: string): string | undefined;
  setJobSlot(jobId: string, at: string): void;
  clearJobSlot(jobId: string): void;
}

export function createScheduleStore(settings: SettingsStore): ScheduleStore {
  const configs = () => readRecord(settings, SCHEDULE_KEYS.schedules, scheduleConfigSchema);
  const states = () => readRecord(settings, SCHEDULE_KEYS.state, scheduleStateSchema);
  return {
    all: configs,
    get: (flowId) => configs().get(flowId),
    put(config) {
      const all = configs();
      all.set(config.flowId, config);
      settings.set(SCHEDULE_KEYS.schedules, Object.fromEntries(all));
    },
    remove(flowId) {
      const all = configs();
      const removed = all.delete(flowId);
      settings.set(SCHEDULE_KEYS.schedules, Object.fromEntries(all));
      const st = states();
      if (st.delete(flowId)) settings.set(SCHEDULE_KEYS.state, Object.fromEntries(st));
      return removed;
    },
    state: (flowId) => states().get(flowId) ?? scheduleStateSchema.parse({}),
    patchState(flowId, patch) {
      const all = states();
      const merged: ScheduleState = { ...(all.get(flowId) ?? scheduleStateSchema.parse({})), ...patch };
      // Fields patched to undefined are dropped, so the JSON file does not keep them.
      for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
      all.set(flowId, merged);
      settings.set(SCHEDULE_KEYS.state, Object.fromEntries(all));
      return merged;
    },
    jobSlot(jobId) {
      const parsed = jobStateSchema.safeParse(settings.get(SCHEDULE_KEYS.jobs));
      return parsed.success ? parsed.data[jobId]?.lastSlotAt : undefined;
    },
    setJobSlot(jobId, at) {
      const parsed = jobStateSchema.safeParse(settings.get(SCHEDULE_KEYS.jobs));
      settings.set(SCHEDULE_KEYS.jobs, { ...(parsed.success ? parsed.data : {}), [jobId]: { lastSlotAt: at } });
    },
    clearJobSlot(jobId) {
      const parsed = jobStateSchema.safeParse(settings.get(SCHEDULE_KEYS.jobs));
      if (!parsed.success || parsed.data[jobId] === undefined) return;
      const { [jobId]: _gone, ...rest } = parsed.data;
      settings.set(SCHEDULE_KEYS.jobs, rest);
    },
  };
}
