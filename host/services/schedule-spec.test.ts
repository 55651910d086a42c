import { describe, expect, it } from 'vitest';
import { ScheduleError, checkTiming, describeTiming, nextAfter, slotsBetween } from './schedule-spec';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('schedule timing', () => {
  it('counts interval slots from the anchor, after `after` and up to `until` inclusive', () => {
    const anchor = at('2026-03-02T09:00:00.000Z');
    const every15 = { everyMinutes: 15 };
    expect(iso(nextAfter(every15, anchor, at('2026-03-02T09:00:00.000Z')))).toBe('2026-03-02T09:15:00.000Z');
    expect(iso(nextAfter(every15, anchor, at('2026-03-02T09:14:59.000Z')))).toBe('2026-03-02T09:15:00.000Z');
    const s = slotsBetween(every15, anchor, at('2026-03-02T09:15:00.000Z'), at('2026-03-02T10:00:00.000Z'), 2);
    expect({ count: s.count, last: iso(s.last), latest: s.latest.map(iso) }).toEqual({
      count: 3,
      last: '2026-03-02T10:00:00.000Z',
      latest: ['2026-03-02T09:45:00.000Z', '2026-03-02T10:00:00.000Z'],
    });
    expect(slotsBetween(every15, anchor, at('2026-03-02T09:15:00.000Z'), at('2026-03-02T09:29:59.000Z')).count).toBe(0);
    // A month off with a 1-minute schedule is counted without listing every time.
    expect(slotsBetween({ everyMinutes: 1 }, anchor, anchor, anchor + 30 * 24 * 3600_000).count).toBe(43_200);
  });

  it('follows cron in the schedule\'s time zone, also across the change to summer time', () => {
    const daily2 = { cron: '0 2 * * *', timezone: 'Europe/Amsterdam' };
    // 29 March 2026: clocks go from 02:00 to 03:00 in Amsterdam; 02:00 local does not exist that day.
    const s = slotsBetween(daily2, 0, at('2026-03-27T12:00:00.000Z'), at('2026-03-31T12:00:00.000Z'));
    expect(s.latest.map(iso)).toEqual(['2026-03-28T01:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
  });

  it('describes timings in English, German and Dutch', () => {
    expect(describeTiming({ everyMinutes: 1 }, 'en')).toBe('every minute');
    expect(describeTiming({ everyMinutes: 120 }, 'en')).toBe('every 2 hours');
    expect(describeTiming({ everyMinutes: 1440 }, 'de')).toBe('jeden Tag');
    expect(describeTiming({ everyMinutes: 90 }, 'nl')).toBe('elke 90 minuten');
    expect(describeTiming({ cron: '0 2 * * 1-5' }, 'en')).toBe('At 02:00, Monday through Friday');
    expect(describeTiming({ cron: '0 2 * * 1-5' }, 'de')).toBe('Um 02:00, Montag bis Freitag');
    expect(describeTiming({ cron: '*/15 * * * *' }, 'nl')).toBe('Elke 15 minuten');
  });

  it('explains what is wrong with a timing', () => {
    expect(() => checkTiming({ cron: '* * * * * *' })).toThrow(ScheduleError);
    expect(() => checkTiming({ cron: '0 25 * * *' })).toThrow(/'0 25 \* \* \*' is not valid/);
    expect(() => checkTiming({ everyMinutes: 0 })).toThrow(/whole number of minutes/);
    expect(() => checkTiming({ everyMinutes: 5, timezone: 'Nowhere/City' })).toThrow(/'Nowhere\/City' is not a time zone/);
  });
});
