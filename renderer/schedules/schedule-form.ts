import type { ChannelInput, Schedule } from '../../host/contract';

export interface ScheduleDraft {
  flowId: string;
  mode: 'interval' | 'cron';
  everyMinutes: string;
  cron: string;
  catchUp: 'run-once' | 'skip';
  pauseAfterFailures: string;
}

export function draftFor(flowId: string, s?: Schedule): ScheduleDraft {
  return {
    flowId,
    mode: s?.cron !== undefined ? 'cron' : 'interval',
    everyMinutes: String(s?.everyMinutes ?? 15),
    cron: s?.cron ?? '0 2 * * 1-5',
    catchUp: s?.catchUp ?? 'run-once',
    pauseAfterFailures: String(s?.pauseAfterFailures ?? 5),
  };
}

/** The timing part, as `schedules.preview` and `schedules.set` take it; null with an i18n error key when invalid. */
export function draftTiming(d: ScheduleDraft): { everyMinutes: number } | { cron: string } | { error: string } {
  if (d.mode === 'cron') return d.cron.trim() ? { cron: d.cron.trim() } : { error: 'schedules.error.cronEmpty' };
  const n = Number(d.everyMinutes);
  if (!Number.isInteger(n) || n < 1 || n > 60 * 24 * 31) return { error: 'schedules.error.minutes' };
  return { everyMinutes: n };
}

export function toSetInput(d: ScheduleDraft): ChannelInput<'schedules.set'> | { error: string } {
  const timing = draftTiming(d);
  if ('error' in timing) return timing;
  const pause = Number(d.pauseAfterFailures);
  if (!Number.isInteger(pause) || pause < 0 || pause > 100) return { error: 'schedules.error.pauseAfter' };
  return { flowId: d.flowId, ...timing, catchUp: d.catchUp, pauseAfterFailures: pause };
}
