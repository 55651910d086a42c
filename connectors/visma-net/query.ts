import { formatLocalDateTime } from './dates';

export type QueryScalar = string | number | boolean | Date;
export type QueryValue = QueryScalar | readonly QueryScalar[];
export type QueryParams = { readonly [name: string]: QueryValue | null | undefined };

/** The four operators Visma.net accepts on `*Condition` parameters (reference/visma-net/README.md §5.1). */
export type DateCondition = '>' | '>=' | '<' | '<=';

/** A delta filter: records changed (or created) since a moment. */
export interface DeltaFilter {
  since: Date | string;
  /** Default `>=`: with an overlap window and de-duplication downstream, nothing is missed. */
  condition?: DateCondition;
}

export interface QueryFormat {
  /** How `Date` values are written: the main API takes local date-times, V3 ISO with offset. */
  date: (d: Date) => string;
}

export const mainQueryFormat = (timeZone: 'local' | 'utc'): QueryFormat => ({
  date: (d) => formatLocalDateTime(d, timeZone),
});
export const v3QueryFormat: QueryFormat = { date: (d) => d.toISOString() };

/**
 * Builds `a=1&b=x%3E` with every name and value percent-encoded (so `>=` goes out as `%3E%3D`, as Visma asks).
 * Arrays repeat the name; `undefined`/`null` are left out. Names keep their order.
 */
export function buildQuery(params: QueryParams | undefined, format: QueryFormat): string {
  if (!params) return '';
  const parts: string[] = [];
  const one = (name: string, v: QueryScalar) => {
    const text = v instanceof Date ? format.date(v) : String(v);
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
  };
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (isList(value)) for (const v of value) one(name, v);
    else one(name, value);
  }
  return parts.join('&');
}

function isList(value: QueryValue): value is readonly QueryScalar[] {
  return Array.isArray(value);
}

/**
 * `lastModifiedDateTime` + `lastModifiedDateTimeCondition` (and the `availability…`, `created…` and `attachment…`
 * variants): Visma documents the pair as "mutually inclusive", so both are always sent.
 */
export function deltaParams(name: string, filter: DeltaFilter | undefined, overlapMs = 0): Record<string, QueryScalar> {
  if (!filter) return {};
  const since = filter.since instanceof Date && overlapMs > 0 ? new Date(filter.since.getTime() - overlapMs) : filter.since;
  return { [name]: since, [`${name}Condition`]: filter.condition ?? '>=' };
}
