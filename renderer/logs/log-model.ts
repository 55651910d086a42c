import type { RunEvent } from '../../host/contract';

export type LogLevel = Extract<RunEvent, { type: 'log' }>['level'];
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** One line of the live log. `seq` is unique per session and keys the virtual list. */
export interface LogLine {
  seq: number;
  runId: string;
  at: string;
  level: LogLevel;
  message: string;
  nodeId?: string;
  key?: string;
}

export interface LogFilter {
  levels: Record<LogLevel, boolean>;
  /** '' = every node. */
  nodeId: string;
  /** Substring of the record key, case-insensitive; '' = every record. */
  key: string;
  /** Substring of the message, case-insensitive. */
  text: string;
}

export const defaultLogFilter: LogFilter = {
  levels: { debug: false, info: true, warn: true, error: true },
  nodeId: '',
  key: '',
  text: '',
};

export function isFilterActive(f: LogFilter): boolean {
  return f.nodeId !== '' || f.key.trim() !== '' || f.text.trim() !== '' || LOG_LEVELS.some((l) => f.levels[l] !== defaultLogFilter.levels[l]);
}

/** The lines the pane shows. Returns the same array when nothing is filtered, so big logs cost nothing. */
export function filterLogs(lines: readonly LogLine[], f: LogFilter): readonly LogLine[] {
  const key = f.key.trim().toLowerCase();
  const text = f.text.trim().toLowerCase();
  const allLevels = LOG_LEVELS.every((l) => f.levels[l]);
  if (allLevels && f.nodeId === '' && key === '' && text === '') return lines;
  return lines.filter(
    (l) =>
      f.levels[l.level] &&
      (f.nodeId === '' || l.nodeId === f.nodeId) &&
      (key === '' || (l.key ?? '').toLowerCase().includes(key)) &&
      (text === '' || l.message.toLowerCase().includes(text)),
  );
}

/** "12:03:04.120" from an ISO time; the full time stays in the copied text. */
export function shortTime(at: string): string {
  const m = /T(\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)/.exec(at);
  return m?.[1] ?? at;
}

/** Plain-text form of a line, as copied to the clipboard. */
export function formatLogLine(l: LogLine): string {
  const parts = [l.at, l.level.toUpperCase().padEnd(5)];
  if (l.nodeId) parts.push(`[${l.nodeId}]`);
  if (l.key) parts.push(`(${l.key})`);
  parts.push(l.message);
  return parts.join(' ');
}

export function logText(lines: readonly LogLine[]): string {
  return lines.map(formatLogLine).join('\n');
}
