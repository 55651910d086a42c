import { describe, expect, it } from 'vitest';
import { defaultLogFilter, filterLogs, formatLogLine, isFilterActive, logText, shortTime } from './log-model';
import type { LogFilter, LogLine } from './log-model';

const lines: LogLine[] = [
  { seq: 1, runId: 'r', at: '2026-01-02T10:00:00.000Z', level: 'debug', message: 'page 1 fetched', nodeId: 'fetch' },
  { seq: 2, runId: 'r', at: '2026-01-02T10:00:01.000Z', level: 'info', message: 'Created product', nodeId: 'push', key: 'SKU-100' },
  { seq: 3, runId: 'r', at: '2026-01-02T10:00:02.000Z', level: 'warn', message: 'Price missing', nodeId: 'push', key: 'SKU-200' },
  { seq: 4, runId: 'r', at: '2026-01-02T10:00:03.000Z', level: 'error', message: 'VAT code unknown', nodeId: 'map', key: 'sku-1001' },
];
const all: LogFilter = { ...defaultLogFilter, levels: { debug: true, info: true, warn: true, error: true } };

describe('log filtering', () => {
  it('hides debug by default', () => {
    expect(filterLogs(lines, defaultLogFilter).map((l) => l.seq)).toEqual([2, 3, 4]);
  });

  it('returns the same array when nothing is filtered', () => {
    expect(filterLogs(lines, all)).toBe(lines);
    expect(isFilterActive(defaultLogFilter)).toBe(false);
    expect(isFilterActive(all)).toBe(true);
  });

  it('filters by level, node and record key (case-insensitive substring)', () => {
    expect(filterLogs(lines, { ...all, levels: { debug: false, info: false, warn: true, error: true } }).map((l) => l.seq)).toEqual([3, 4]);
    expect(filterLogs(lines, { ...all, nodeId: 'push' }).map((l) => l.seq)).toEqual([2, 3]);
    expect(filterLogs(lines, { ...all, key: 'SKU-1' }).map((l) => l.seq)).toEqual([2, 4]);
    expect(filterLogs(lines, { ...all, key: 'sku-100' }).map((l) => l.seq)).toEqual([2, 4]);
    expect(filterLogs(lines, { ...all, text: 'vat' }).map((l) => l.seq)).toEqual([4]);
  });

  it('filters 100,000 lines by level', () => {
    const many: LogLine[] = Array.from({ length: 100_000 }, (_, i) => ({ seq: i, runId: 'r', at: '', level: i % 10 === 0 ? 'error' : 'info', message: `m${i}`, key: `K${i}` }));
    expect(filterLogs(many, { ...all, levels: { debug: false, info: false, warn: false, error: true } })).toHaveLength(10_000);
  });

  it('formats lines for copying', () => {
    expect(formatLogLine(lines[2] ?? lines[1] ?? { seq: 0, runId: "", at: "", level: "info", message: "" })).toBe('2026-01-02T10:00:02.000Z WARN  [push] (SKU-200) Price missing');
    expect(logText(lines.slice(0, 2)).split('\n')).toHaveLength(2);
    expect(shortTime('2026-01-02T10:00:02.120Z')).toBe('10:00:02.120');
  });
});
