import type { Json, JsonObject } from '../../../engine';
import type { InventoryExpand, SalesCategory, VismaClient } from '../../../connectors/visma-net/index';
import { textOf } from '../../../engine';

/** Which change time a delta read filters on. */
export type DeltaField = 'lastModified' | 'availability' | 'attachment';

export const deltaFieldLabels: Record<DeltaField, string> = {
  lastModified: 'the record changed (lastModifiedDateTime)',
  availability: 'the stock changed (availabilityLastModifiedDateTime)',
  attachment: 'an attachment changed (attachmentLastModifiedDateTime)',
};

export interface ReadOptions {
  status?: string;
  attributes?: Record<string, string>;
  salesCategory?: number;
  /** Documented query parameters by name (checked against `freeParams`). */
  query: Record<string, string>;
  expand: Required<InventoryExpand>;
  pageSize?: number;
  since?: Date;
  deltaField?: DeltaField;
  signal: AbortSignal;
}

export interface ResourceSpec {
  title: string;
  /** Which filters of the node apply (the rest is refused by the params check). */
  filters: readonly ('status' | 'attributes' | 'salesCategory' | 'itemClass' | 'expand')[];
  deltaFields: readonly DeltaField[];
  /** Other query parameters Visma documents for this list; a misspelt one would be ignored silently (reference/visma-net/README.md §4.7). */
  freeParams: readonly string[];
  keyOf(rec: JsonObject): string | undefined;
  /** Change times in a record for the cursor; none = the run's start time is used. */
  stampsOf?(rec: JsonObject, field: DeltaField): Json[];
  read(client: VismaClient, o: ReadOptions): AsyncIterable<readonly unknown[]>;
}

const delta = (o: ReadOptions, field: DeltaField) => (o.since !== undefined && o.deltaField === field ? { since: o.since } : undefined);
const bool = (v: string | undefined) => (v === undefined ? undefined : v.trim().toLowerCase() === 'true');
const int = (v: string | undefined) => (v === undefined || !/^-?\d+$/.test(v.trim()) ? undefined : Number(v));
const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));

/** A sales category tree, parent first, each with its parent id and path of names. */
export function flattenCategories(tree: readonly SalesCategory[], parentID: number | null = null, path: string[] = []): JsonObject[] {
  const out: JsonObject[] = [];
  const sorted = [...tree].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  for (const c of sorted) {
    if (c.categoryID == null) continue;
    const description = c.description ?? String(c.categoryID);
    const here = [...path, description];
    out.push({ categoryID: c.categoryID, description, parentID, sortOrder: c.sortOrder ?? null, path: here, depth: path.length });
    out.push(...flattenCategories(c.subCategories ?? [], c.categoryID, here));
  }
  return out;
}

async function* once(load: () => Promise<readonly unknown[]>): AsyncGenerator<readonly unknown[]> {
  yield await load();
}

export const resourceNames = ['inventory', 'customers', 'customerInvoices', 'salesOrders', 'salesCategories', 'attributes', 'itemClasses', 'warehouses'] as const;
export type ResourceName = (typeof resourceNames)[number];

export const resources: Record<ResourceName, ResourceSpec> = {
  inventory: {
    title: 'items (inventory)',
    filters: ['status', 'attributes', 'salesCategory', 'itemClass', 'expand'],
    deltaFields: ['lastModified', 'availability', 'attachment'],
    freeParams: ['inventoryNumber', 'alternateID', 'description', 'inventoryTypes', 'addCostPriceStatistics'],
    keyOf: (r) => textOf(r.inventoryNumber),
    stampsOf: (r, field) => {
      if (field === 'lastModified') return [r.lastModifiedDateTime ?? null];
      if (field === 'availability' && Array.isArray(r.warehouseDetails)) {
        return r.warehouseDetails.map((w) => (w !== null && typeof w === 'object' && !Array.isArray(w) ? (w.lastModifiedDateTime ?? null) : null));
      }
      return [];
    },
    read: (c, o) =>
      c.inventory.pages({
        status: o.status,
        attributes: o.attributes,
        salesCategory: o.salesCategory,
        inventoryNumber: o.query.inventoryNumber,
        alternateID: o.query.alternateID,
        description: o.query.description,
        inventoryTypes: list(o.query.inventoryTypes),
        addCostPriceStatistics: bool(o.query.addCostPriceStatistics),
        expand: o.expand,
        lastModified: delta(o, 'lastModified'),
        availabilityLastModified: delta(o, 'availability'),
        attachmentLastModified: delta(o, 'attachment'),
        pageSize: o.pageSize,
        signal: o.signal,
      }),
  },
  customers: {
    title: 'customers',
    filters: ['status', 'attributes'],
    deltaFields: ['lastModified'],
    freeParams: ['name', 'corporateId', 'vatRegistrationId', 'email', 'phone'],
    keyOf: (r) => textOf(r.number),
    stampsOf: (r) => [r.lastModifiedDateTime ?? null],
    read: (c, o) =>
      c.customers.pages({
        status: o.status,
        attributes: o.attributes,
        name: o.query.name,
        corporateId: o.query.corporateId,
        vatRegistrationId: o.query.vatRegistrationId,
        email: o.query.email,
        phone: o.query.phone,
        lastModified: delta(o, 'lastModified'),
        pageSize: o.pageSize,
        signal: o.signal,
      }),
  },
  customerInvoices: {
    title: 'customer invoices',
    filters: ['status'],
    deltaFields: ['lastModified'],
    freeParams: ['customer', 'branch', 'documentType', 'released', 'externalReference', 'customerRefNumber', 'paymentReference', 'financialPeriod'],
    keyOf: (r) => textOf(r.referenceNumber),
    stampsOf: (r) => [r.lastModifiedDateTime ?? null],
    read: (c, o) =>
      c.customerInvoices.pages({
        status: o.status,
        customer: o.query.customer,
        branch: o.query.branch,
        documentType: o.query.documentType,
        released: int(o.query.released),
        externalReference: o.query.externalReference,
        customerRefNumber: o.query.customerRefNumber,
        paymentReference: o.query.paymentReference,
        financialPeriod: o.query.financialPeriod,
        lastModified: delta(o, 'lastModified'),
        pageSize: o.pageSize,
        signal: o.signal,
      }),
  },
  salesOrders: {
    title: 'sales orders (V3)',
    filters: ['status'],
    deltaFields: ['lastModified'],
    freeParams: ['type', 'customerId', 'orderBy', 'filter'],
    keyOf: (r) => {
      const type = textOf(r.type);
      const id = textOf(r.orderId);
      return type && id ? `${type}/${id}` : id;
    },
    stampsOf: (r) => [r.lastModified ?? null],
    read: (c, o) =>
      c.salesOrders.pages({
        status: o.status,
        type: o.query.type,
        customerId: o.query.customerId,
        orderBy: o.query.orderBy,
        filter: o.query.filter,
        modifiedSince: o.since !== undefined && o.deltaField === 'lastModified' ? o.since : undefined,
        pageSize: o.pageSize,
        signal: o.signal,
      }),
  },
  salesCategories: {
    title: 'sales categories',
    filters: [],
    deltaFields: [],
    freeParams: [],
    keyOf: (r) => textOf(r.categoryID),
    // The whole tree is one answer; flattened parent first, so a writer can create parents before children.
    read: (c, o) => once(async () => flattenCategories(await c.salesCategories.tree({ signal: o.signal }))),
  },
  attributes: {
    title: 'attributes',
    filters: [],
    deltaFields: ['lastModified'],
    freeParams: ['attributeID', 'controlType'],
    keyOf: (r) => textOf(r.attributeID),
    stampsOf: (r) => [r.lastModifiedDateTime ?? null],
    read: (c, o) =>
      c.attributes.pages({
        attributeID: o.query.attributeID,
        controlType: o.query.controlType,
        lastModified: delta(o, 'lastModified'),
        pageSize: o.pageSize,
        signal: o.signal,
      }),
  },
  itemClasses: {
    title: 'item classes',
    filters: [],
    deltaFields: [],
    freeParams: [],
    keyOf: (r) => textOf(r.id),
    read: (c, o) => c.itemClasses.pages({ pageSize: o.pageSize, signal: o.signal }),
  },
  warehouses: {
    title: 'warehouses',
    filters: [],
    deltaFields: [],
    freeParams: ['active', 'branch'],
    keyOf: (r) => textOf(r.warehouseID),
    read: (c, o) => c.warehouses.pages({ active: bool(o.query.active), branch: o.query.branch, pageSize: o.pageSize, signal: o.signal }),
  },
};
