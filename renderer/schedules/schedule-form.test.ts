import { describe, expect, it } from 'vitest';
import { draftFor, draftTiming, toSetInput } from './schedule-form';

const base = {
  flowId: 'f1',
  description: 'every 30 minutes',
  active: true,
  catchUp: 'skip' as const,
  pauseAfterFailures: 3,
  consecutiveFailures: 0,
};

describe('schedule form', () => {
  it('starts from the stored schedule', () => {
    expect(draftFor('f1', { ...base, everyMinutes: 30 })).toMatchObject({ mode: 'interval', everyMinutes: '30', catchUp: 'skip', pauseAfterFailures: '3' });
    expect(draftFor('f1', { ...base, cron: '0 6 * * *' })).toMatchObject({ mode: 'cron', cron: '0 6 * * *' });
    expect(draftFor('f2')).toMatchObject({ mode: 'interval', everyMinutes: '15', catchUp: 'run-once' });
  });

  it('sends either an interval or a cron expression', () => {
    const d = draftFor('f1');
    expect(toSetInput(d)).toEqual({ flowId: 'f1', everyMinutes: 15, catchUp: 'run-once', pauseAfterFailures: 5 });
    expect(toSetInput({ ...d, mode: 'cron', cron: ' 0 6 * * * ' })).toEqual({ flowId: 'f1', cron: '0 6 * * *', catchUp: 'run-once', pauseAfterFailures: 5 });
  });

  it('refuses values the host would refuse', () => {
    const d = draftFor('f1');
    expect(draftTiming({ ...d, everyMinutes: '0' })).toEqual({ error: 'schedules.error.minutes' });
    expect(draftTiming({ ...d, everyMinutes: '2.5' })).toEqual({ error: 'schedules.error.minutes' });
    expect(draftTiming({ ...d, mode: 'cron', cron: ' ' })).toEqual({ error: 'schedules.error.cronEmpty' });
    expect(toSetInput({ ...d, pauseAfterFailures: '-1' })).toEqual({ error: 'schedules.error.pauseAfter' });
  });
});
