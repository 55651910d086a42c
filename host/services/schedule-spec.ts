import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue/i18n';
import type { Language } from './app';

/** When a flow runs: every N minutes (counted from when the schedule was set) or at the times of a cron expression. */
export type ScheduleTiming = { everyMinutes: number; cron?: undefined; timezone?: string } | { cron: string; everyMinutes?: undefined; timezone?: string };

const MINUTE = 60_000;
/** Most slot times enumerated when looking back (a PC off for a month with a 1-minute schedule). */
export const SLOT_SCAN_LIMIT = 5000;

export class ScheduleError extends Error {}

/** The computer's IANA time zone. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error).replace(/^Error:\s*/, '');
}

function checkTimeZone(tz: string | undefined): void {
  if (tz === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new ScheduleError(`'${tz}' is not a time zone Koppel knows. Use a name like Europe/Amsterdam, or leave it empty for this computer's time zone.`);
  }
}

function parseCron(expr: string, tz: string | undefined, from: number) {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new ScheduleError(
      `'${expr}' is not a cron expression of five fields (minute hour day-of-month month day-of-week), e.g. '0 2 * * 1-5' for 02:00 on weekdays.`,
    );
  }
  try {
    return CronExpressionParser.parse(expr.trim(), { currentDate: new Date(from), tz: tz ?? localTimeZone() });
  } catch (error) {
    throw new ScheduleError(`The cron expression '${expr}' is not valid: ${messageOf(error)}.`);
  }
}

/** Throws a ScheduleError that says what is wrong and how to write it. */
export function checkTiming(timing: ScheduleTiming): void {
  checkTimeZone(timing.timezone);
  if (timing.cron !== undefined) parseCron(timing.cron, timing.timezone, Date.now());
  else if (!Number.isInteger(timing.everyMinutes) || timing.everyMinutes < 1) {
    throw new ScheduleError(`An interval must be a whole number of minutes of 1 or more, not ${timing.everyMinutes}.`);
  }
}

/** The first time after `after` (ms), or undefined when there is none. `anchor` is where an interval counts from. */
export function nextAfter(timing: ScheduleTiming, anchor: number, after: number): number | undefined {
  if (timing.cron === undefined) {
    const step = timing.everyMinutes * MINUTE;
    return anchor + (Math.floor((after - anchor) / step) + 1) * step;
  }
  const cron = parseCron(timing.cron, timing.timezone, after);
  return cron.hasNext() ? cron.next().getTime() : undefined;
}

/** The next `count` times after `after`. */
export function nextTimes(timing: ScheduleTiming, anchor: number, after: number, count: number): number[] {
  const out: number[] = [];
  let from = after;
  while (out.length < count) {
    const t = nextAfter(timing, anchor, from);
    if (t === undefined) break;
    out.push(t);
    from = t;
  }
  return out;
}

/** The times in (`after`, `until`]: how many, the last one, and up to `keep` of the latest. */
export function slotsBetween(timing: ScheduleTiming, anchor: number, after: number, until: number, keep = 20): { count: number; last?: number; latest: number[] } {
  if (until <= after) return { count: 0, latest: [] };
  if (timing.cron === undefined) {
    const step = timing.everyMinutes * MINUTE;
    const first = Math.floor((after - anchor) / step) + 1;
    const lastK = Math.floor((until - anchor) / step);
    const count = Math.max(0, lastK - first + 1);
    if (count === 0) return { count: 0, latest: [] };
    const latest: number[] = [];
    for (let k = Math.max(first, lastK - keep + 1); k <= lastK; k++) latest.push(anchor + k * step);
    return { count, last: anchor + lastK * step, latest };
  }
  const cron = parseCron(timing.cron, timing.timezone, after);
  const latest: number[] = [];
  let count = 0;
  let last: number | undefined;
  while (count < SLOT_SCAN_LIMIT && cron.hasNext()) {
    const t = cron.next().getTime();
    if (t > until) break;
    count += 1;
    last = t;
    latest.push(t);
    if (latest.length > keep) latest.shift();
  }
  return { count, ...(last !== undefined ? { last } : {}), latest };
}

const INTERVAL_WORDS: Record<Language, { minute: (n: number) => string; hour: (n: number) => string; day: (n: number) => string }> = {
  en: {
    minute: (n) => (n === 1 ? 'every minute' : `every ${n} minutes`),
    hour: (n) => (n === 1 ? 'every hour' : `every ${n} hours`),
    day: (n) => (n === 1 ? 'every day' : `every ${n} days`),
  },
  de: {
    minute: (n) => (n === 1 ? 'jede Minute' : `alle ${n} Minuten`),
    hour: (n) => (n === 1 ? 'jede Stunde' : `alle ${n} Stunden`),
    day: (n) => (n === 1 ? 'jeden Tag' : `alle ${n} Tage`),
  },
  nl: {
    minute: (n) => (n === 1 ? 'elke minuut' : `elke ${n} minuten`),
    hour: (n) => (n === 1 ? 'elk uur' : `elke ${n} uur`),
    day: (n) => (n === 1 ? 'elke dag' : `elke ${n} dagen`),
  },
};

/** A short description in the person's language: "every 15 minutes", "At 02:00, Monday through Friday". */
export function describeTiming(timing: ScheduleTiming, language: Language): string {
  if (timing.cron === undefined) {
    const words = INTERVAL_WORDS[language];
    const m = timing.everyMinutes;
    if (m % 1440 === 0) return words.day(m / 1440);
    if (m % 60 === 0) return words.hour(m / 60);
    return words.minute(m);
  }
  let text: string;
  try {
    text = cronstrue.toString(timing.cron, { locale: language, use24HourTimeFormat: true, throwExceptionOnParseError: true });
  } catch (error) {
    throw new ScheduleError(`The cron expression '${timing.cron}' is not valid: ${messageOf(error)}.`);
  }
  return timing.timezone ? `${text} (${timing.timezone})` : text;
}
