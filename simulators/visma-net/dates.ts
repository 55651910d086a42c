// Date parsing/formatting for query filters (reference/visma-net/README.md §4.6, §5.1) and response rendering.

const pad = (n: number, w = 2): string => (n < 10 && w === 2 ? `0${n}` : String(n).padStart(w, '0'));

/** Internal system timestamps are always stored in this exact form; `renderDatesInJson` reformats them on output. */
export function isoStamp(ms: number): string {
  // Hand-rolled (Hinnant's civil-from-days): Date#toISOString dominated seeding large inventories.
  if (!Number.isFinite(ms) || ms < 0 || ms > 253402300799999) return new Date(ms).toISOString();
  const days = Math.floor(ms / 86400000);
  let rest = ms - days * 86400000;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3600000);
  rest -= h * 3600000;
  const mi = Math.floor(rest / 60000);
  rest -= mi * 60000;
  const sec = Math.floor(rest / 1000);
  const msPart = rest - sec * 1000;
  return `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(sec)}.${pad(msPart, 3)}Z`;
}


function shifted(ms: number, offsetMinutes: number): Date {
  return new Date(ms + offsetMinutes * 60_000);
}

function offsetSuffix(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Main-API style date-time: local wall time in the configured zone, with or without the offset [I]. */
export function formatMainDateTime(ms: number, offsetMinutes: number, withOffset: boolean): string {
  const d = shifted(ms, offsetMinutes);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return withOffset ? base + offsetSuffix(offsetMinutes) : base;
}

/** `"yyyy-MM-ddTHH:mm:ss.fffZ"` position by position (0 = the opening quote): the separator's char code, or -1 for a digit. */
const STAMP_LENGTH = 26;
const STAMP_PATTERN = new Int16Array(STAMP_LENGTH).fill(-1);
for (const [k, c] of [[0, 34], [5, 45], [8, 45], [11, 84], [14, 58], [17, 58], [20, 46], [24, 90], [25, 34]] as const) STAMP_PATTERN[k] = c; // " - - T : : . Z "

/** Whether `json` holds an internal timestamp string literal starting at `at` (the same test as `/"\d{4}-…\.\d{3}Z"/`). */
function stampAt(json: string, at: number): boolean {
  if (at < 0 || at + STAMP_LENGTH > json.length) return false;
  for (let k = 0; k < STAMP_LENGTH; k++) {
    const c = json.charCodeAt(at + k);
    const p = STAMP_PATTERN[k] ?? -1;
    if (p === -1 ? c < 48 || c > 57 : c !== p) return false;
  }
  return true;
}

/**
 * Reformats internal timestamps inside serialised JSON (string-level: walking big bodies was the slow part).
 * Every `"yyyy-MM-ddTHH:mm:ss.fffZ"` literal, left to right and not overlapping, loses its `Z` (offset 0) or is shifted
 * into the configured zone. The scan jumps from `Z"` to `Z"` (indexOf) and appends with `+=` (V8 ropes): a regular
 * expression or an array join of the pieces took over ten times as long on a 1 MB page.
 */
export function renderDatesInJson(json: string, offsetMinutes: number, withOffset: boolean): string {
  if (offsetMinutes === 0 && withOffset) return json;
  let out = '';
  let copied = 0;
  let matchedTo = 0;
  for (let z = json.indexOf('Z"', 24); z !== -1; z = json.indexOf('Z"', z + 2)) {
    const start = z - 24;
    if (start < matchedTo || !stampAt(json, start)) continue;
    matchedTo = z + 2;
    if (offsetMinutes === 0) {
      out += json.slice(copied, z);
      copied = z + 1; // drop the Z, keep the closing quote
    } else {
      out += json.slice(copied, start);
      out += `"${formatMainDateTime(Date.parse(`${json.slice(start + 1, z)}Z`), offsetMinutes, withOffset)}"`;
      copied = z + 2;
    }
  }
  if (matchedTo === 0) return json;
  return out + json.slice(copied);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses the documented filter formats (`yyyy-MM-dd`, `yyyy-MM-dd HH:mm:ss[.FFF]`, `yyyy-MM-ddTHH:mm:ss[.FFF]`);
 * also accepts `HH:mm` and an explicit `Z`/offset [I]. Times without an offset are in the configured zone.
 */
export function parseQueryDate(s: string, offsetMinutes: number): number | undefined {
  const m = DATE_RE.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0', zone] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
  const check = new Date(utc);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) {
    return undefined;
  }
  if (zone === undefined) return utc - offsetMinutes * 60_000;
  if (zone === 'Z') return utc;
  const z = zone.replace(':', '');
  const zoneMin = (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * (z.startsWith('-') ? -1 : 1);
  return utc - zoneMin * 60_000;
}

/** V3: ISO date-time; without an explicit offset it is UTC [C S5]. */
export function parseV3Date(s: string): number | undefined {
  return parseQueryDate(s, 0);
}

/**
 * Document dates sent in bodies are stored as local `yyyy-MM-ddTHH:mm:ss`. A value with an offset is first
 * converted into the configured zone, which is how a timezone in `transactionDate` shifts the date [C S7].
 */
export function normaliseDocumentDate(s: string, offsetMinutes: number): string | undefined {
  const ms = parseQueryDate(s, offsetMinutes);
  if (ms === undefined) return undefined;
  return formatMainDateTime(ms, offsetMinutes, false).slice(0, 19);
}

export const CONDITIONS = ['>', '<', '>=', '<='] as const;
export type Condition = (typeof CONDITIONS)[number];

export function compare(value: number, cond: Condition, bound: number): boolean {
  switch (cond) {
    case '>':
      return value > bound;
    case '<':
      return value < bound;
    case '>=':
      return value >= bound;
    case '<=':
      return value <= bound;
  }
}

export type DateFilterResult = { ok: true; test?: (stamp: string | null | undefined) => boolean } | { ok: false; error: string };

/** `name` + `nameCondition` are "mutually inclusive": both or neither [C S1]. Other operators give 400 [C S9/I]. */
export function dateFilter(query: URLSearchParams, name: string, offsetMinutes: number): DateFilterResult {
  const condName = `${name}Condition`;
  const raw = queryGetCi(query, name);
  const condRaw = queryGetCi(query, condName);
  if (raw === null && condRaw === null) return { ok: true };
  if (raw === null || raw === '') return { ok: false, error: `${condName} was given without ${name}; the two are mutually inclusive.` };
  if (condRaw === null || condRaw === '') return { ok: false, error: `${name} was given without ${condName}; the two are mutually inclusive.` };
  const cond = CONDITIONS.find((c) => c === condRaw.trim());
  if (!cond) return { ok: false, error: `Invalid ${condName} '${condRaw}'. Accepted values: >, <, >=, <=.` };
  const bound = parseQueryDate(raw, offsetMinutes);
  if (bound === undefined) {
    return { ok: false, error: `Invalid ${name} '${raw}'. Accepted formats: yyyy-MM-dd, yyyy-MM-dd HH:mm:ss, yyyy-MM-dd HH:mm:ss.FFF, yyyy-MM-ddTHH:mm:ss, yyyy-MM-ddTHH:mm:ss.FFF.` };
  }
  return {
    ok: true,
    test: (stamp) => {
      if (!stamp) return false;
      const ms = parseQueryDate(stamp, offsetMinutes);
      return ms !== undefined && compare(ms, cond, bound);
    },
  };
}

/** ASP.NET binds query parameter names case-insensitively. */
export function queryGetCi(query: URLSearchParams, name: string): string | null {
  const lower = name.toLowerCase();
  for (const [k, v] of query) if (k.toLowerCase() === lower) return v;
  return null;
}

export function queryGetAllCi(query: URLSearchParams, name: string): string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const [k, v] of query) if (k.toLowerCase() === lower) out.push(v);
  return out;
}
