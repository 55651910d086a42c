/** "2026-03-02 10:15" in the given IANA zone (default this computer's): how times appear in messages. */
export function formatTime(at: Date | string | number, timeZone?: string): string {
  const date = new Date(at);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The local date (YYYY-MM-DD) of a moment in an IANA zone. */
export function localDate(at: Date | string | number, timeZone?: string): string {
  return formatTime(at, timeZone).slice(0, 10);
}

/** "1.2 s", "350 ms", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const min = Math.floor(ms / 60_000);
  return `${min} min ${Math.round((ms % 60_000) / 1000)} s`;
}
