// SalesOrders API V3 read endpoints besides orders: /api/v3/Customers and /api/v3/Inventory (availability).
import { parseV3Date, queryGetAllCi, queryGetCi } from './dates';
import { problem, v3Detail, validationProblem, type V3Detail } from './errors';
import { renderAvailability } from './inventory-render';
import type { Customer, Item } from './model';
import { parseV3Paging, v3NextPage, v3Paged } from './paging';
import type { Router } from './router';
import { findCi, WAREHOUSES } from './seed-master';
import type { SimContext, SimRequest, SimResponse } from './types';
import { customerLocation } from './v3-render';

function v3Customer(c: Customer): Record<string, unknown> {
  return {
    id: c.number, internalId: c.internalId, name: c.name, status: c.status, currencyId: c.currencyId, customerClassId: c.customerClassId,
    addressLine1: c.mainAddress.addressLine1, addressLine2: c.mainAddress.addressLine2, postalCode: c.mainAddress.postalCode,
    country: c.mainAddress.countryId, salutation: c.mainContact.attention, defaultLocation: customerLocation(c),
  };
}

function customers(req: SimRequest, ctx: SimContext): SimResponse {
  const paging = parseV3Paging(req.query, 100, ctx.config.v3MaxPageSize);
  if (!paging.ok) return validationProblem([v3Detail('0100-OutsideValidRange', paging.property, [], paging.message)], req.path);
  const filter = queryGetCi(req.query, 'filter')?.toLowerCase();
  // "Text matched against id, name, gln, tax registration id": substring, case-insensitive [I].
  const match = (c: Customer): boolean => !filter || [c.number, c.name, c.gln, c.vatRegistrationId].some((v) => (v ?? '').toLowerCase().includes(filter));
  const { pageIndex, pageSize } = paging.page;
  const value: Record<string, unknown>[] = [];
  let total = 0;
  for (const [, c] of ctx.store.customers.entries()) {
    if (!match(c)) continue;
    if (total >= pageIndex * pageSize && value.length < pageSize) value.push(v3Customer(c));
    total++;
  }
  return { status: 200, json: v3Paged(value, total, v3NextPage(ctx.baseUrl, req.path, req.query, paging.page, total)) };
}

function locations(req: SimRequest, ctx: SimContext): SimResponse {
  const c = ctx.store.customers.findByKey(req.params.customerId ?? '')?.record;
  if (!c) return problem(404, 'Not Found', { detail: `Customer ${req.params.customerId ?? ''} was not found or is not accessible.`, instance: req.path });
  const a = c.deliveryAddress;
  return {
    status: 200,
    json: [{
      ...customerLocation(c),
      address: { id: a.addressId, line1: a.addressLine1, line2: a.addressLine2, line3: a.addressLine3, postalCode: a.postalCode, city: a.city, country: a.countryId ? { id: a.countryId, name: null } : null, county: null, overridesDefault: false },
      contact: { id: c.deliveryContact.contactId, name: c.deliveryContact.name, attention: c.deliveryContact.attention, email: c.deliveryContact.email, phone1: c.deliveryContact.phone1, phone2: c.deliveryContact.phone2, fax: c.deliveryContact.fax, overridesDefault: false },
      fobPointId: null, insurance: false, leadTime: null, preferredWarehouseId: 'MAIN', priceClassId: c.priceClassId, priority: 0, resedentialDelivery: false,
      residentialDelivery: false, saturdayDelivery: false, shipTermsId: null, shipViaId: 'POSTNL', shipZoneId: null, shippingRule: 'CancelRemainder', taxZoneId: c.vatZoneId,
    }],
  };
}

function inventory(req: SimRequest, ctx: SimContext): SimResponse {
  const paging = parseV3Paging(req.query, 10000, ctx.config.v3InventoryMaxPageSize);
  if (!paging.ok) return validationProblem([v3Detail('0100-OutsideValidRange', paging.property, [], paging.message)], req.path);
  const details: V3Detail[] = [];
  const expand = new Set(queryGetAllCi(req.query, 'expand').flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean));
  for (const e of expand) if (!['none', 'location', 'attribute', 'all'].includes(e)) details.push(v3Detail('0003-InvalidValue', 'expand', [], `Unknown expand '${e}'; use Location, Attribute or All.`));
  const since = queryGetCi(req.query, 'modifiedSince');
  const sinceMs = since ? parseV3Date(since) : undefined;
  if (since && sinceMs === undefined) details.push(v3Detail('0003-InvalidValue', 'modifiedSince', [], `modifiedSince '${since}' is not a valid date-time.`));
  const attrFilters = new Map<string, string[]>();
  for (const f of queryGetAllCi(req.query, 'attributeFilter')) {
    const m = /^([^:]+):(.*)$/.exec(f);
    if (!m?.[1] || m[2] === undefined) details.push(v3Detail('5000-InvalidAttributeFilter', 'attributeFilter', [], `Invalid attributeFilter '${f}'; use attribute-id:value, e.g. WEBSHOP:1.`));
    else if (!/^[A-Za-z0-9 ]+$/.test(m[1])) details.push(v3Detail('5001-InvalidAttributeName', 'attributeFilter'));
    else attrFilters.set(m[1].toUpperCase(), [...(attrFilters.get(m[1].toUpperCase()) ?? []), m[2].toLowerCase()]);
  }
  const warehouses = queryGetAllCi(req.query, 'warehouseId').flatMap((v) => v.split(',')).map((v) => v.trim().toUpperCase()).filter(Boolean);
  for (const w of warehouses) if (!findCi(WAREHOUSES, (x) => x.id, w)) details.push(v3Detail('1802-InvalidWarehouseId', 'warehouseId', [], `Warehouse '${w}' does not exist.`));
  if (details.length > 0) return validationProblem(details, req.path);
  const ids = queryGetAllCi(req.query, 'inventoryId').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const locationsFilter = queryGetAllCi(req.query, 'locationId').map((v) => v.toUpperCase());
  const withLocations = expand.has('location') || expand.has('all');
  const withAttributes = expand.has('attribute') || expand.has('all');
  const { pageIndex, pageSize } = paging.page;
  const value: Record<string, unknown>[] = [];
  let total = 0;
  const consider = (item: Item): void => {
    if (!item.stockItem) return;
    if (locationsFilter.length > 0 && !locationsFilter.includes('A1')) return;
    for (const [id, values] of attrFilters) {
      if (!item.attributes.some((a) => a.id.toUpperCase() === id && values.includes(a.value.toLowerCase()))) return;
    }
    const rows = item.stock.filter((s) => warehouses.length === 0 || warehouses.includes(s.warehouse.toUpperCase()));
    if (sinceMs !== undefined && !rows.some((s) => Date.parse(s.lastModified) >= sinceMs)) return;
    if (total >= pageIndex * pageSize && value.length < pageSize) value.push(renderAvailability(item, rows, withLocations, withAttributes));
    total++;
  };
  if (ids.length > 0) {
    for (const id of ids) {
      const hit = ctx.store.inventory.findByKey(id);
      if (hit) consider(hit.record);
    }
  } else {
    for (const [, item] of ctx.store.inventory.entries()) consider(item);
  }
  return { status: 200, json: v3Paged(value, total, v3NextPage(ctx.baseUrl, req.path, req.query, paging.page, total)) };
}

export function registerV3Misc(r: Router): void {
  r.get('/api/v3/Customers', customers);
  r.get('/api/v3/Customers/:customerId/locations', locations);
  r.get('/api/v3/Inventory', inventory);
}
