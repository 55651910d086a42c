import { describe, expect, it } from 'vitest';
import { formatDay, formatDuration, formatPercent } from './format';

describe('formatting', () => {
  it('formats durations from milliseconds to hours', () => {
    expect(formatDuration(undefined)).toBe('–');
    expect(formatDuration(420)).toBe('420 ms');
    expect(formatDuration(2500)).toBe('2.5 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
  });
  it('formats rates and calendar days without shifting the date', () => {
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatDay('2026-01-05', 'en')).toBe('Jan 5');
    expect(formatDay('bad', 'en')).toBe('bad');
  });
});
