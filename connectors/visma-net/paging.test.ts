import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, collectLogs } from './test-support/clients';
import { startStub, tokenPath, type Seen, type Stub } from './test-support/stub-server';

let stub: Stub;
beforeAll(async () => {
  stub = await startStub();
});
afterAll(() => stub.close());
afterEach(() => stub.reset());

interface ListOptions {
  total: number;
  /** The server's cap; larger requests are clamped silently. */
  maxPageSize?: number;
  metadata?: 'full' | 'none' | 'total-only';
  ignorePaging?: boolean;
}

/** Serves carriers C0..C(n-1) the way the main API pages (reference/visma-net/README.md §5.1). */
function serveCarriers(o: ListOptions): void {
  stub.handle((req: Seen) => {
    if (req.path === tokenPath) return undefined;
    const pageNumber = o.ignorePaging ? 1 : Number(req.query.get('pageNumber'));
    const size = Math.min(Number(req.query.get('pageSize')), o.maxPageSize ?? Infinity);
    const start = (pageNumber - 1) * size;
    const items = [];
    for (let i = start; i < Math.min(start + size, o.total); i++) {
      const item: Record<string, unknown> = { carrierId: `C${i}`, carrierDescription: `Carrier ${i}` };
      if (o.metadata === 'full') item['metadata'] = { totalCount: o.total, maxPageSize: o.maxPageSize ?? 1000 };
      if (o.metadata === 'total-only') item['metadata'] = { totalCount: o.total };
      items.push(item);
    }
    return { status: 200, body: items };
  });
}

async function allCarriers(client = clientFor(stub)): Promise<string[]> {
  const ids: string[] = [];
  for await (const c of client.carriers.iterate()) ids.push(c.carrierId ?? '?');
  return ids;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => `C${i}`);
const pageParams = () => stub.api().map((r) => `${r.query.get('pageNumber')}/${r.query.get('pageSize')}`);

describe('main-API paging', () => {
  it('stops when metadata.totalCount is reached, without an extra request', async () => {
    serveCarriers({ total: 1000, metadata: 'full' });
    expect(await allCarriers()).toEqual(range(1000));
    expect(pageParams()).toEqual(['1/500', '2/500']);
  });

  it('stops on a short page', async () => {
    serveCarriers({ total: 700, metadata: 'full' });
    expect(await allCarriers()).toEqual(range(700));
    expect(pageParams()).toEqual(['1/500', '2/500']);
  });

  it('tolerates missing metadata: a short first page is confirmed by one more request', async () => {
    serveCarriers({ total: 37, metadata: 'none' });
    expect(await allCarriers()).toEqual(range(37));
    expect(pageParams()).toEqual(['1/500', '2/500']);
    stub.reset();
    serveCarriers({ total: 700, metadata: 'none' });
    expect(await allCarriers()).toEqual(range(700));
    expect(pageParams()).toEqual(['1/500', '2/500']);
  });

  it('follows a silently clamped page size (with metadata) and asks for the max size next time', async () => {
    serveCarriers({ total: 250, metadata: 'full', maxPageSize: 100 });
    const client = clientFor(stub);
    expect(await allCarriers(client)).toEqual(range(250));
    expect(pageParams()).toEqual(['1/500', '2/500', '3/500']);
    stub.reset();
    serveCarriers({ total: 250, metadata: 'full', maxPageSize: 100 });
    expect(await allCarriers(client)).toEqual(range(250));
    expect(pageParams()).toEqual(['1/100', '2/100', '3/100']);
  });

  it('follows a silently clamped page size without metadata', async () => {
    serveCarriers({ total: 250, metadata: 'none', maxPageSize: 100 });
    expect(await allCarriers()).toEqual(range(250));
    expect(pageParams()).toEqual(['1/500', '2/500', '3/500']);
  });

  it('relies on totalCount alone when maxPageSize is missing', async () => {
    serveCarriers({ total: 250, metadata: 'total-only', maxPageSize: 100 });
    expect(await allCarriers()).toEqual(range(250));
    expect(pageParams()).toEqual(['1/500', '2/500', '3/500']);
  });

  it('holds one page at a time: the next page is requested only when the consumer wants it', async () => {
    serveCarriers({ total: 1200, metadata: 'full' });
    const pages = clientFor(stub).carriers.pages();
    const first = await pages.next();
    expect(first.value).toHaveLength(500);
    expect(stub.api()).toHaveLength(1);
    const second = await pages.next();
    expect(second.value).toHaveLength(500);
    expect(stub.api()).toHaveLength(2);
    await pages.return(undefined);
    expect(stub.api()).toHaveLength(2);
  });

  it('stops (and warns) when the server ignores paging and repeats the same page', async () => {
    serveCarriers({ total: 700, metadata: 'none', ignorePaging: true });
    const logs = collectLogs();
    expect(await allCarriers(clientFor(stub, { logger: logs.logger }))).toEqual(range(500));
    expect(stub.api()).toHaveLength(2);
    expect(logs.lines.some((l) => l.level === 'warn' && /same page twice/.test(l.message))).toBe(true);
  });

  it('pages credit terms, which answer with a pagination object', async () => {
    stub.handle((req) => {
      if (req.path === tokenPath) return undefined;
      const page = Number(req.query.get('pageNumber'));
      const size = Number(req.query.get('pageSize'));
      const records = Array.from({ length: Math.max(0, Math.min(size, 3 - (page - 1) * size)) }, (_, i) => ({ termsId: `T${(page - 1) * size + i}` }));
      return { status: 200, body: { pageNumber: page, pageSize: size, totalCount: 3, records } };
    });
    const ids: string[] = [];
    for await (const t of clientFor(stub, { pageSize: 2 }).creditTerms.iterate()) ids.push(t.termsId ?? '?');
    expect(ids).toEqual(['T0', 'T1', 'T2']);
    expect(stub.api().map((r) => r.path)).toEqual(['/v1/creditTerm', '/v1/creditTerm']);
  });

  it('merges a journal batch that straddles two pages (paging counts lines)', async () => {
    const line = (n: number) => ({ lineNumber: n, accountNumber: '8000' });
    const pages: Record<string, unknown[]> = {
      '1': [
        { batchNumber: 'B1', module: 'ModuleGL', journalTransactionLines: [line(1), line(2)], metadata: { totalCount: 6, maxPageSize: 4 } },
        { batchNumber: 'B2', module: 'ModuleGL', journalTransactionLines: [line(1), line(2)], metadata: { totalCount: 6, maxPageSize: 4 } },
      ],
      '2': [{ batchNumber: 'B2', module: 'ModuleGL', journalTransactionLines: [line(3), line(4)], metadata: { totalCount: 6, maxPageSize: 4 } }],
    };
    stub.handle((req) => (req.path === tokenPath ? undefined : { status: 200, body: pages[req.query.get('pageNumber') ?? ''] ?? [] }));
    const batches = [];
    for await (const b of clientFor(stub, { pageSize: 4 }).journalTransactions.iterate({ periodId: '202505' })) batches.push(b);
    expect(batches.map((b) => [b.batchNumber, b.journalTransactionLines?.map((l) => l.lineNumber)])).toEqual([
      ['B1', [1, 2]],
      ['B2', [1, 2, 3, 4]],
    ]);
    expect(stub.api()).toHaveLength(2);
    expect(stub.api()[0]?.query.get('periodId')).toBe('202505');
  });
});

describe('V3 paging', () => {
  it('follows nextPage (0-based pageIndex) until it is null, also when the server clamps', async () => {
    stub.handle((req) => {
      if (req.path === tokenPath) return undefined;
      const index = Number(req.query.get('pageIndex'));
      const value = Array.from({ length: index < 2 ? 100 : 30 }, (_, i) => ({ inventoryId: `I${index * 100 + i}` }));
      const nextPage = index < 2 ? `${stub.url}/api/v3/Inventory?pageSize=100&pageIndex=${index + 1}` : null;
      return { status: 200, body: { value, totalCount: null, nextPage } };
    });
    const ids: string[] = [];
    for await (const a of clientFor(stub).inventoryAvailability.iterate({ warehouseIds: ['MAIN'], attributeFilter: ['WEBSHOP:1'] })) ids.push(a.inventoryId ?? '?');
    expect(ids).toHaveLength(230);
    expect(stub.api().map((r) => r.query.get('pageIndex'))).toEqual(['0', '1', '2']);
    expect(stub.api()[0]?.query.getAll('warehouseId')).toEqual(['MAIN']);
    expect(stub.api()[0]?.query.getAll('attributeFilter')).toEqual(['WEBSHOP:1']);
  });

  it('stops on totalCount and on an empty page', async () => {
    stub.handle((req) => {
      if (req.path === tokenPath) return undefined;
      const index = Number(req.query.get('pageIndex'));
      return { status: 200, body: { value: index === 0 ? [{ orderId: '1', type: 'SO' }] : [], totalCount: 1, nextPage: `${stub.url}/next` } };
    });
    const orders = [];
    for await (const o of clientFor(stub).salesOrders.iterate()) orders.push(o);
    expect(orders).toHaveLength(1);
    expect(stub.api()).toHaveLength(1);
  });
});
