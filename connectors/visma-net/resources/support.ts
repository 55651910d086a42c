import { z } from 'zod';
import type { ResolvedVismaConfig } from '../config';
import { VismaApiError } from '../errors';
import { mainPathSegment } from '../ids';
import { itemsOf, mainPages, metadataSchema, type ListMetadata } from '../paging';
import type { QueryParams } from '../query';
import type { VismaRequest, VismaTransport } from '../transport';
import { wrap, type WrapSpec } from '../wrap';
import { formatDocumentDate } from '../dates';

/** What every resource needs: the transport, the settings, and the per-endpoint page-size memory. */
export interface ResourceContext {
  transport: VismaTransport;
  config: ResolvedVismaConfig;
  pageMemory: Map<string, number>;
}

/** Common per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface PageOptions extends CallOptions {
  /** Overrides the connection's page size for this list. */
  pageSize?: number;
}

/** A path segment for a main-API id, `b64()` when it needs it (reference/visma-net/README.md §4.4). */
export function seg(ctx: ResourceContext, id: string | number): string {
  if (String(id).trim() === '') {
    throw new VismaApiError({ kind: 'validation', method: '-', path: '-', message: 'Koppel cannot look up a Visma.net record by an empty number or id: map a value for it.' });
  }
  return mainPathSegment(id, ctx.config.b64Ids);
}

// Response building blocks: every field optional and nullable, unknown fields kept.
export const str = z.string().nullish();
export const num = z.number().nullish();
export const int = z.number().int().nullish();
export const bool = z.boolean().nullish();
export const idDescription = z.looseObject({ id: str, description: str });
export const numberName = z.looseObject({ number: str, name: str });
export const idName = z.looseObject({ id: str, name: str });
export const withMetadata = { metadata: metadataSchema.nullish(), errorInfo: str };
export const attachmentSchema = z.looseObject({ name: str, id: str, revision: int });
export const addressSchema = z.looseObject({
  addressId: int,
  addressLine1: str,
  addressLine2: str,
  addressLine3: str,
  postalCode: str,
  city: str,
  country: idName.nullish(),
  county: idName.nullish(),
});
export const contactInfoSchema = z.looseObject({
  contactId: int,
  name: str,
  attention: str,
  email: str,
  web: str,
  phone1: str,
  phone2: str,
  fax: str,
});

/** Date inputs: a `Date` (written per reference/visma-net/README.md §4.6) or a string sent as is. */
export const dateInput = z.union([z.date(), z.string()]);

/** Checks a write's input before anything is sent; the message names the field. */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown, req: Pick<VismaRequest, 'method' | 'path'>, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((i) => {
    const at = i.path.map(String).join('.');
    // Unknown keys are usually mapping typos: name each one.
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => `'${at ? `${at}.` : ''}${k}': not a field Visma.net knows`);
    return [`'${at || '(whole record)'}': ${i.message}`];
  });
  issues.splice(3);
  throw new VismaApiError({
    kind: 'validation',
    method: req.method,
    path: req.path,
    message: `Koppel cannot send ${what} to Visma.net: ${issues.join('; ')}. Fix the mapping of ${issues.length > 1 ? 'these fields' : 'this field'}.`,
  });
}

/** Checks and wraps a main-API write body. */
export function wrappedBody<S extends z.ZodType>(
  schema: S,
  spec: WrapSpec,
  input: unknown,
  req: Pick<VismaRequest, 'method' | 'path'>,
  what: string,
  options: { sendNulls?: boolean; timeZone?: 'local' | 'utc' } = {},
): Record<string, unknown> {
  const plain = checkInput(schema, input, req, what);
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) return {};
  return wrap(Object.fromEntries(Object.entries(plain)), spec, options);
}

export async function getOne<S extends z.ZodType>(ctx: ResourceContext, path: string, schema: S, what: string, opts: CallOptions & { query?: QueryParams } = {}): Promise<z.infer<S>> {
  const { data } = await ctx.transport.json({ service: 'main', method: 'GET', path, query: opts.query, what, signal: opts.signal }, schema);
  return data;
}

/** Like `getOne`, but a 404 is an answer ("not there") instead of an error. */
export async function findOne<S extends z.ZodType>(ctx: ResourceContext, path: string, schema: S, what: string, opts: CallOptions = {}): Promise<z.infer<S> | undefined> {
  try {
    return await getOne(ctx, path, schema, what, opts);
  } catch (error) {
    if (error instanceof VismaApiError && error.kind === 'not-found') return undefined;
    throw error;
  }
}

/** Lists that Visma.net does not page (currency, VAT categories, ...): the whole answer is one page. */
export async function listAll<S extends z.ZodType>(ctx: ResourceContext, path: string, item: S, what: string, opts: CallOptions & { query?: QueryParams } = {}): Promise<z.infer<S>[]> {
  return getOne(ctx, path, z.array(item), what, opts);
}

/** Pages of a main-API list (`pageNumber`/`pageSize`, reference/visma-net/README.md §5.1), one in memory at a time. */
export function pagesOf<T extends { metadata?: ListMetadata | null }>(
  ctx: ResourceContext,
  path: string,
  item: z.ZodType<T>,
  what: string,
  query: QueryParams,
  opts: PageOptions & { weight?: (item: T) => number } = {},
): AsyncGenerator<T[]> {
  const list = z.array(item);
  return mainPages<T>({
    pageSize: opts.pageSize ?? ctx.config.pageSize,
    memory: ctx.pageMemory,
    key: path,
    weight: opts.weight,
    warn: (message) => ctx.transport.log('warn', message),
    fetchPage: async (pageNumber, pageSize) => {
      const { data } = await ctx.transport.json(
        { service: 'main', method: 'GET', path, query: { ...query, pageNumber, pageSize }, what, signal: opts.signal },
        list,
      );
      return data;
    },
  });
}

export { itemsOf };

/** PUT of a wrapped body; 204 (or 200 on a few endpoints) means done. */
export async function put(ctx: ResourceContext, path: string, body: unknown, what: string, opts: CallOptions & { headers?: Record<string, string> } = {}): Promise<{ etag?: string }> {
  const res = await ctx.transport.request({ service: 'main', method: 'PUT', path, body, what, headers: opts.headers, responseType: 'bytes', signal: opts.signal });
  return { etag: res.headers['etag'] };
}

// Write building blocks shared by the *UpdateDto inputs.
export const text = z.string().nullish();
/** `operation` on line arrays, sent unwrapped. */
export const lineOperation = z.enum(['Insert', 'Update', 'Delete']);
/** Subaccount segments, sent as a plain array: `[{"segmentId":1,"segmentValue":"..."}]`. */
export const segmentsInput = z.array(z.strictObject({ segmentId: z.number().int(), segmentValue: z.string() })).nullish();

/**
 * Document dates go out as the calendar day at midnight without an offset (reference/visma-net/README.md §4.6, [I]); a date-only string
 * (`2025-05-19`) gets `T00:00:00` so that it is the date-time the spec asks for.
 */
export function documentDates(input: object, fields: readonly string[], timeZone: 'local' | 'utc'): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  for (const f of fields) out[f] = documentDate(out[f], timeZone);
  return out;
}

export function documentDate(value: unknown, timeZone: 'local' | 'utc'): unknown {
  if (value instanceof Date) return formatDocumentDate(value, timeZone);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00`;
  return value;
}
