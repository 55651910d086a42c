import { z } from 'zod';

/** `metadata` repeated on every list item of the main API (reference/visma-net/README.md §5.1). */
export const metadataSchema = z.looseObject({
  totalCount: z.number().nullish(),
  maxPageSize: z.number().nullish(),
});
export type ListMetadata = z.infer<typeof metadataSchema>;

export interface MainPagingOptions<T> {
  /** Fetches one page (1-based `pageNumber`). */
  fetchPage: (pageNumber: number, pageSize: number) => Promise<T[]>;
  pageSize: number;
  /** Remembers the server's max page size per endpoint across iterations (clamped sizes, reference/visma-net/README.md §9.7). */
  memory?: Map<string, number>;
  key?: string;
  /** How much of `pageSize`/`totalCount` an item uses: journal transactions count lines, not batches. */
  weight?: (item: T) => number;
  warn?: (message: string) => void;
}

/**
 * Pages of a main-API list, one page in memory at a time: the next page is only requested when the consumer asks
 * for it. Stops on `metadata.totalCount`, on an empty page, or on a short page. Without metadata (reference/visma-net/README.md §9.8) a
 * short first page is confirmed by one more request, because the server may have clamped the page size silently.
 */
export async function* mainPages<T extends { metadata?: ListMetadata | null }>(opts: MainPagingOptions<T>): AsyncGenerator<T[]> {
  const weight = opts.weight;
  const weigh = (items: T[]) => (weight ? items.reduce((n, item) => n + weight(item), 0) : items.length);
  const remembered = opts.key ? opts.memory?.get(opts.key) : undefined;
  const requested = Math.max(1, Math.min(opts.pageSize, remembered ?? Infinity));
  let seen = 0;
  let largest = 0;
  let previousFirst: string | undefined;
  for (let pageNumber = 1; ; pageNumber++) {
    const items = await opts.fetchPage(pageNumber, requested);
    if (items.length === 0) return;
    const first = JSON.stringify(items[0]);
    if (first === previousFirst) {
      opts.warn?.(`Visma.net returned the same page twice for ${opts.key ?? 'a list'}; it seems to ignore paging, stopping here.`);
      return;
    }
    previousFirst = first;
    const meta = items[0]?.metadata ?? undefined;
    const maxPageSize = meta?.maxPageSize ?? undefined;
    if (maxPageSize !== undefined && maxPageSize > 0 && opts.key) opts.memory?.set(opts.key, maxPageSize);
    const count = weigh(items);
    seen += count;
    yield items;
    const totalCount = meta?.totalCount ?? undefined;
    if (totalCount !== undefined) {
      if (seen >= totalCount) return;
      const effective = Math.min(requested, maxPageSize ?? Infinity);
      if (count < effective && maxPageSize !== undefined) return;
      continue;
    }
    if (maxPageSize !== undefined) {
      if (count < Math.min(requested, maxPageSize)) return;
      continue;
    }
    // No metadata: a page shorter than one seen before is the last; the first short page needs confirming.
    if (count < requested && count < largest) return;
    largest = Math.max(largest, count);
  }
}

/** `BasePaginationDtoOf<T>` of `/v1/creditTerm` and `/v1/salesperson`: `{pageNumber, pageSize, totalCount, records}`. */
export interface PaginationObject<T> {
  pageSize?: number | null;
  totalCount?: number | null;
  records?: T[] | null;
}

export async function* paginationObjectPages<T>(
  fetchPage: (pageNumber: number, pageSize: number) => Promise<PaginationObject<T>>,
  pageSize: number,
): AsyncGenerator<T[]> {
  let seen = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await fetchPage(pageNumber, pageSize);
    const records = page.records ?? [];
    if (records.length === 0) return;
    seen += records.length;
    yield records;
    if (page.totalCount != null && seen >= page.totalCount) return;
    if (page.totalCount == null && records.length < Math.min(pageSize, page.pageSize ?? Infinity)) return;
  }
}

/** V3 list answer: `{value, totalCount, nextPage}` (reference/visma-net/README.md §5.2). */
export interface V3Page<T> {
  value?: T[] | null;
  totalCount?: number | null;
  nextPage?: string | null;
}

/**
 * V3 pages (0-based `pageIndex`). `nextPage` says whether there is more; its `pageIndex` is used when present.
 * The URL itself is not fetched: it could name another host.
 */
export async function* v3Pages<T>(fetchPage: (pageIndex: number, pageSize: number) => Promise<V3Page<T>>, pageSize: number): AsyncGenerator<T[]> {
  let seen = 0;
  for (let pageIndex = 0; ; ) {
    const page = await fetchPage(pageIndex, pageSize);
    const items = page.value ?? [];
    if (items.length === 0) return;
    seen += items.length;
    yield items;
    if (page.totalCount != null && seen >= page.totalCount) return;
    if (page.nextPage === null) return;
    if (page.nextPage === undefined) {
      if (page.totalCount == null && items.length < pageSize) return;
      pageIndex++;
      continue;
    }
    const next = nextPageIndex(page.nextPage);
    pageIndex = next !== undefined && next > pageIndex ? next : pageIndex + 1;
  }
}

function nextPageIndex(nextPage: string): number | undefined {
  try {
    const value = new URL(nextPage, 'http://relative.invalid').searchParams.get('pageIndex');
    return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  } catch {
    return undefined;
  }
}

/** Items of paged lists, one page in memory at a time. */
export async function* itemsOf<T>(pages: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const page of pages) yield* page;
}
