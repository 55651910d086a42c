import { z } from 'zod';
import { parseWith, type ParseContext } from './parse';
import type { CallOptions, CcvTransport } from './transport';

/** The collection envelope (reference/ccv-shop/README.md §3.1); `next` is absent or null on the last page. Items are checked one by one. */
const envelope = z.looseObject({
  start: z.number().nullish(),
  size: z.number().nullish(),
  href: z.string().nullish(),
  next: z.string().nullish(),
  items: z.array(z.unknown()),
});

export interface Page<T> {
  items: T[];
  start: number | undefined;
  size: number | undefined;
  /** Path+query of the next page, if any. */
  next: string | undefined;
}

/**
 * Pages of a collection, following `next` (absolute URL → path+query, signed as-is). Only the current
 * page is held; the caller pulls the next one when it is ready for it.
 */
export async function* collectionPages<S extends z.ZodType>(
  t: CcvTransport,
  firstUri: string,
  itemSchema: S,
  subject: string,
  opts: CallOptions = {},
): AsyncGenerator<Page<z.output<S>>, void, undefined> {
  let uri: string | undefined = firstUri;
  let previous: string | undefined;
  while (uri) {
    const env: z.output<typeof envelope> = await t.getJson(uri, envelope, subject, opts);
    const ctx: ParseContext = { method: 'GET', path: uri, subject };
    const items = env.items.map((raw: unknown, i: number) => parseWith(itemSchema, raw, { ...ctx, subject: `${subject}, item ${(env.start ?? 0) + i + 1}${idOf(raw)}` }));
    const next: string | undefined = env.next ? t.linkUri(env.next, ctx) : undefined;
    yield { items, start: env.start ?? undefined, size: env.size ?? undefined, next };
    // An empty page or a link back to the same page would loop forever.
    if (!next || items.length === 0 || next === uri || next === previous) return;
    previous = uri;
    uri = next;
  }
}

/** Items of a collection, one page in memory at a time. */
export async function* collectionItems<S extends z.ZodType>(
  t: CcvTransport,
  firstUri: string,
  itemSchema: S,
  subject: string,
  opts: CallOptions = {},
): AsyncGenerator<z.output<S>, void, undefined> {
  for await (const page of collectionPages(t, firstUri, itemSchema, subject, opts)) yield* page.items;
}

function idOf(raw: unknown): string {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = raw.id;
    if (typeof id === 'number' || typeof id === 'string') return ` (id ${id})`;
  }
  return '';
}
