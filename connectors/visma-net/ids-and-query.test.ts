import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDateTime, parseVismaDateTime } from './dates';
import { b64Id, idFromLocation, mainPathSegment, needsB64, salesOrderFromLocation } from './ids';
import { buildQuery, deltaParams, mainQueryFormat } from './query';
import { clientFor } from './test-support/clients';
import { startStub, tokenPath, type Stub } from './test-support/stub-server';

describe('b64 ids (reference/visma-net/README.md §4.4)', () => {
  it('encodes the documented example', () => {
    expect(b64Id(':/?#[]@&*+;')).toBe('b64(Oi8_I1tdQCYqKzs)');
  });

  it('is used only when an id needs it (auto), always, or never', () => {
    expect(needsB64('ABC-123_x')).toBe(false);
    expect(needsB64('AB.12')).toBe(false);
    for (const id of ['A/B', 'A+B', 'A#1', 'A B', 'A?', 'A;B', 'trailing.', 'é']) expect(needsB64(id)).toBe(true);
    expect(mainPathSegment('ABC-1')).toBe('ABC-1');
    expect(mainPathSegment('A/B')).toBe(b64Id('A/B'));
    expect(mainPathSegment('ABC', 'always')).toBe('b64(QUJD)');
    expect(mainPathSegment('A B', 'never')).toBe('A%20B');
  });
});

describe('Location headers', () => {
  it('gives the last path segment as the id, absolute or relative, decoding b64()', () => {
    expect(idFromLocation('https://api.finance.visma.net/v1/customer/10042')).toBe('10042');
    expect(idFromLocation('/v1/inventory/ABC-1/')).toBe('ABC-1');
    expect(idFromLocation('https://api.finance.visma.net/v1/inventory/b64(Oi8_I1tdQCYqKzs)')).toBe(':/?#[]@&*+;');
    expect(idFromLocation('https://api.finance.visma.net/v1/customer/A%20B')).toBe('A B');
    expect(idFromLocation(undefined)).toBeUndefined();
  });

  it('reads V3 sales order locations as {type, number}', () => {
    expect(salesOrderFromLocation('https://salesorder.visma.net/api/v3/SalesOrders/SO/000223')).toEqual({ type: 'SO', number: '000223' });
    expect(salesOrderFromLocation('/api/v3/salesorders/WO/17')).toEqual({ type: 'WO', number: '17' });
    expect(salesOrderFromLocation('')).toBeUndefined();
  });
});

describe('dates and query strings', () => {
  it('formats filter dates without an offset, in local time or UTC', () => {
    const d = new Date(Date.UTC(2025, 4, 25, 8, 30, 0));
    expect(formatLocalDateTime(d, 'utc')).toBe('2025-05-25T08:30:00');
    expect(formatLocalDateTime(new Date(2025, 4, 25, 8, 30, 0, 5), 'local')).toBe('2025-05-25T08:30:00.005');
  });

  it('parses response dates with and without an offset', () => {
    expect(parseVismaDateTime('2025-05-25T10:00:00+02:00')?.toISOString()).toBe('2025-05-25T08:00:00.000Z');
    expect(parseVismaDateTime('2025-05-25T10:00:00', 'utc')?.toISOString()).toBe('2025-05-25T10:00:00.000Z');
    expect(parseVismaDateTime('2025-05-25T10:00:00.1234567', 'utc')?.toISOString()).toBe('2025-05-25T10:00:00.123Z');
    expect(parseVismaDateTime('not a date')).toBeUndefined();
  });

  it('encodes the condition operators and repeats array names', () => {
    const q = buildQuery(
      { ...deltaParams('lastModifiedDateTime', { since: '2025-05-25', condition: '>=' }), inventoryTypes: ['A', 'B'], skip: undefined },
      mainQueryFormat('utc'),
    );
    expect(q).toBe('lastModifiedDateTime=2025-05-25&lastModifiedDateTimeCondition=%3E%3D&inventoryTypes=A&inventoryTypes=B');
    expect(deltaParams('x', { since: new Date(10_000) }, 4_000)).toEqual({ x: new Date(6_000), xCondition: '>=' });
  });
});

describe('delta filters on the wire', () => {
  let stub: Stub;
  beforeAll(async () => {
    stub = await startStub();
  });
  afterAll(() => stub.close());
  afterEach(() => stub.reset());

  it('sends inventory delta, status and explicit expand flags', async () => {
    stub.handle((req) => (req.path === tokenPath ? undefined : { status: 200, body: [] }));
    const client = clientFor(stub, { filterTimeZone: 'utc' });
    for await (const _ of client.inventory.iterate({
      status: 'Active',
      lastModified: { since: new Date(Date.UTC(2025, 4, 25, 10, 0, 0)), condition: '>' },
      availabilityLastModified: { since: '2025-05-25 10:00:00' },
      expand: { note: true },
    })) {
      // empty
    }
    const [req] = stub.api();
    expect(req?.path).toBe('/v1/inventory');
    expect(req?.rawQuery).toContain('lastModifiedDateTime=2025-05-25T10%3A00%3A00&lastModifiedDateTimeCondition=%3E');
    expect(req?.rawQuery).toContain('availabilityLastModifiedDateTime=2025-05-25%2010%3A00%3A00&availabilityLastModifiedDateTimeCondition=%3E%3D');
    expect(req?.query.get('status')).toBe('Active');
    expect(req?.query.get('pageNumber')).toBe('1');
    expect(req?.query.get('pageSize')).toBe('500');
    const flags = ['CrossReference', 'Attachment', 'Attribute', 'WarehouseDetail', 'AccountInformation', 'InventoryUnits', 'SupplierDetails', 'SalesCategories', 'Note'];
    for (const f of flags) expect(req?.query.has(`expand${f}`)).toBe(true);
    expect(req?.query.get('expandNote')).toBe('true');
    expect(req?.query.get('expandAccountInformation')).toBe('false');
  });

  it('applies the configured overlap window to Date cursors', async () => {
    stub.handle((req) => (req.path === tokenPath ? undefined : { status: 200, body: [] }));
    const client = clientFor(stub, { filterTimeZone: 'utc', deltaOverlapMs: 60_000 });
    for await (const _ of client.customers.iterate({ lastModified: { since: new Date(Date.UTC(2025, 4, 25, 10, 0, 0)) } })) {
      // empty
    }
    expect(stub.api()[0]?.query.get('lastModifiedDateTime')).toBe('2025-05-25T09:59:00');
    expect(stub.api()[0]?.query.get('lastModifiedDateTimeCondition')).toBe('>=');
  });

  it('sends V3 modifiedSince as ISO with offset, and b64 ids in main-API paths', async () => {
    stub.handle((req) => {
      if (req.path === tokenPath) return undefined;
      if (req.path.startsWith('/api/v3/')) return { status: 200, body: { value: [], totalCount: 0, nextPage: null } };
      return { status: 200, body: { inventoryNumber: 'A/B+1' } };
    });
    const client = clientFor(stub);
    for await (const _ of client.salesOrders.iterate({ modifiedSince: new Date(Date.UTC(2025, 4, 25, 10, 0, 0)), customerId: '10001' })) {
      // empty
    }
    expect(stub.api()[0]?.query.get('modifiedSince')).toBe('2025-05-25T10:00:00.000Z');
    expect(stub.api()[0]?.query.get('pageIndex')).toBe('0');
    const item = await client.inventory.get('A/B+1');
    expect(item.inventoryNumber).toBe('A/B+1');
    expect(stub.api()[1]?.path).toBe(`/v1/inventory/${b64Id('A/B+1')}`);
  });
});
