// Builds and changes V3 sales orders with the domain checks of the real service (x-visma-erp-error-codes).
import { isoStamp, parseV3Date } from './dates';
import { v3Detail, type V3Detail } from './errors';
import { emptyStock } from './inventory-write';
import type { Item, OrderLine, SalesOrder, V3Address, V3Contact } from './model';
import { ACCOUNTS, BRANCHES, CARRIERS, COUNTRIES, CREDIT_TERMS, CURRENCIES, findCi, ORDER_TYPES, PAYMENT_METHODS, SALES_PERSONS, WAREHOUSES } from './seed-master';
import { resolveVat, VAT_CATEGORIES, VAT_ZONES } from './seed-vat';
import { priceAt } from './totals';
import type { SimContext } from './types';
import type { NewLine, NewOrder, PatchLine, PatchOrder } from './v3-schemas';

type Details = V3Detail[];

function when(v: string | null | undefined, prop: string, details: Details): string | null {
  if (v === null || v === undefined || v === '') return null;
  const ms = parseV3Date(v);
  if (ms === undefined) {
    details.push(v3Detail('0003-InvalidValue', prop, [], `${prop}: '${v}' is not a valid date-time (ISO 8601; without an offset it is UTC).`));
    return null;
  }
  return isoStamp(ms);
}

function address(a: { line1?: string | null; line2?: string | null; line3?: string | null; postalCode?: string | null; city?: string | null; countryId?: string | null; stateId?: string | null }, prop: string, details: Details): V3Address {
  if (!a.countryId) details.push(v3Detail('0001-NullNotAllowed', `${prop}.countryId`, [], `${prop}.countryId is required when an address is given (nothing is defaulted from the customer).`));
  else if (!findCi(COUNTRIES, (c) => c.id, a.countryId)) details.push(v3Detail('0003-InvalidValue', `${prop}.countryId`, [], `Country '${a.countryId}' does not exist.`));
  return { line1: a.line1 ?? null, line2: a.line2 ?? null, line3: a.line3 ?? null, postalCode: a.postalCode ?? null, city: a.city ?? null, countryId: a.countryId?.toUpperCase() ?? null, stateId: a.stateId ?? null };
}

function contact(c: { name?: string | null; attention?: string | null; email?: string | null; phone1?: string | null }): V3Contact {
  return { name: c.name ?? null, attention: c.attention ?? null, email: c.email ?? null, phone1: c.phone1 ?? null };
}

/** The VAT zone of the order: body > customer. */
export function orderZone(ctx: SimContext, order: Pick<SalesOrder, 'taxZoneId' | 'customerId'>): string | null {
  return order.taxZoneId ?? ctx.store.customers.findByKey(order.customerId)?.record.vatZoneId ?? null;
}

function lineFrom(ctx: SimContext, l: Partial<NewLine>, prop: string, zone: string | null, base: OrderLine | undefined, lineId: number, defaultWarehouse: string | null, details: Details): OrderLine | undefined {
  const start = details.length;
  let item: Item | undefined;
  const inventoryId = l.inventoryId ?? base?.inventoryId;
  if (!inventoryId) details.push(v3Detail('0001-NullNotAllowed', `${prop}.inventoryId`, [], `${prop}.inventoryId is required.`));
  else {
    item = ctx.store.inventory.findByKey(inventoryId)?.record;
    if (!item) details.push(v3Detail('1804-InventoryIdNotFound', `${prop}.inventoryId`));
    else if (!['Active', 'NoPurchases', 'NoRequest'].includes(item.status)) {
      details.push(v3Detail('1804-InventoryIdNotFound', `${prop}.inventoryId`, [], `InventoryId cannot be found or is invalid ('${item.inventoryNumber}' has status ${item.status}).`));
    }
  }
  const quantity = l.quantity ?? base?.quantity ?? 0;
  if (quantity < 0) details.push(v3Detail('1809-InvalidQuantityForType', `${prop}.quantity`));
  const uom = l.unitOfMeasure ?? base?.unitOfMeasure ?? item?.salesUnit ?? null;
  if (item && uom && ![item.baseUnit, item.salesUnit, item.purchaseUnit].some((u) => u?.toLowerCase() === uom.toLowerCase())) details.push(v3Detail('1808-InvalidUnitOfMeasure', `${prop}.unitOfMeasure`));
  const category = l.taxCategoryId ?? base?.taxCategoryId ?? item?.vatCode ?? null;
  if (l.taxCategoryId && !findCi(VAT_CATEGORIES, (c) => c.id, l.taxCategoryId)) details.push(v3Detail('1805-InvalidTaxCategoryId', `${prop}.taxCategoryId`));
  else if (category && zone && !resolveVat(zone, category)) {
    details.push(v3Detail('1805-InvalidTaxCategoryId', `${prop}.taxCategoryId`, [], `No VAT ID exists for VAT zone '${zone}' and VAT category '${category}' (TaxID cannot be found).`));
  }
  const warehouseId = l.warehouseId ?? base?.warehouseId ?? (item?.stockItem ? (defaultWarehouse ?? item.defaultWarehouse) : null);
  if (l.warehouseId && !findCi(WAREHOUSES, (w) => w.id, l.warehouseId)) details.push(v3Detail('1802-InvalidWarehouseId', `${prop}.warehouseId`));
  if (l.warehouseLocationId && l.warehouseLocationId.toUpperCase() !== 'A1') details.push(v3Detail('1700-WarehouseLocationNotFound', `${prop}.warehouseLocationId`));
  if (l.salesAccountId && !ACCOUNTS.some((a) => a.accountCD === l.salesAccountId)) details.push(v3Detail('1806-InvalidSalesAccountId', `${prop}.salesAccountId`));
  if (l.salesPersonId && !SALES_PERSONS.includes(l.salesPersonId.toUpperCase())) details.push(v3Detail('1902-SalesPersonNotFound', `${prop}.salesPersonId`));
  if (l.operation && !['Issue', 'Receipt'].includes(l.operation)) details.push(v3Detail('0003-InvalidValue', `${prop}.operation`, [], `${prop}.operation must be Issue or Receipt.`));
  if (l.shippingRule && !['CancelRemainder', 'BackOrderAllowed', 'ShipComplete'].includes(l.shippingRule)) details.push(v3Detail('0003-InvalidValue', `${prop}.shippingRule`, [], `${prop}.shippingRule must be CancelRemainder, BackOrderAllowed or ShipComplete.`));
  if (l.discountCode) details.push(v3Detail('1105-InvalidDiscountCode', `${prop}.discountCode`));
  if (l.reasonCode) details.push(v3Detail('1807-InvalidReasonCode', `${prop}.reasonCode`));
  for (const k of ['requestDate', 'shipDate'] as const) when(l[k], `${prop}.${k}`, details);
  // hasManualPrice=false lets the price rules override a supplied unitPrice [C S5].
  const manual = l.hasManualPrice === false ? false : l.unitPrice !== undefined && l.unitPrice !== null ? true : (base?.hasManualPrice ?? false);
  const unitPrice = priceAt(manual ? (l.unitPrice ?? base?.unitPrice ?? 0) : (item?.defaultPrice ?? base?.unitPrice ?? 0), ctx.config.priceDecimals);
  const discountAmount = l.discountAmount ?? base?.discountAmount ?? 0;
  // Only a discount that is given is checked: a line of -0.01 (a rounding line) has no discount to exceed it [I].
  if (discountAmount > 0 && discountAmount > quantity * unitPrice) details.push(v3Detail('1101-DiscountAmountMoreThanExtPrice', `${prop}.discountAmount`));
  if (details.length > start || !item) return undefined;
  const extra: Record<string, unknown> = { ...(base?.extra ?? {}) };
  for (const k of ['requestDate', 'shipDate', 'shippingRule', 'operation', 'externalLink', 'salesAccountId', 'salesPersonId', 'branchId', 'projectTaskId', 'subaccount', 'unitCost', 'commissionable', 'undershipThreshold', 'overshipThreshold', 'purchaseOrderSource', 'supplierId', 'supplierPrice'] as const) {
    if (l[k] !== undefined && l[k] !== null) extra[k] = l[k];
  }
  return {
    lineId, sortOrder: base?.sortOrder ?? lineId, inventoryId: item.inventoryNumber, description: l.description ?? base?.description ?? item.description, quantity,
    shippedQuantity: base?.shippedQuantity ?? 0, unitPrice, discountPercent: l.discountPercent ?? base?.discountPercent ?? 0, discountAmount,
    hasManualPrice: manual, hasManualDiscount: l.hasManualDiscount ?? base?.hasManualDiscount ?? false, taxCategoryId: category, unitOfMeasure: uom,
    warehouseId: warehouseId ? (findCi(WAREHOUSES, (w) => w.id, warehouseId)?.id ?? warehouseId) : null, completed: base?.completed ?? false,
    note: l.note ?? base?.note ?? null, extra,
  };
}

export function newLines(ctx: SimContext, order: SalesOrder, lines: NewLine[], prop: string, details: Details): OrderLine[] {
  const zone = orderZone(ctx, order);
  const out: OrderLine[] = [];
  const wh = typeof order.shipping.settings.preferredWarehouseId === 'string' ? order.shipping.settings.preferredWarehouseId : null;
  lines.forEach((l, i) => {
    const line = lineFrom(ctx, l, `${prop}[${i}]`, zone, undefined, order.nextLineId + out.length, wh, details);
    if (line) out.push(line);
  });
  return out;
}

export function patchLines(ctx: SimContext, order: SalesOrder, lines: PatchLine[], details: Details): OrderLine[] {
  const zone = orderZone(ctx, order);
  const seen = new Set<number>();
  const result = order.lines.map((l) => ({ ...l }));
  lines.forEach((l, i) => {
    const prop = `lines[${i}]`;
    if (seen.has(l.lineId)) details.push(v3Detail('1817-LineIdIsNotUnique', `${prop}.lineId`));
    seen.add(l.lineId);
    const idx = result.findIndex((x) => x.lineId === l.lineId);
    const base = result[idx];
    if (!base) details.push(v3Detail('0200-LineIdDoesNotExist', `${prop}.lineId`, [String(l.lineId)]));
    else if (base.completed) details.push(v3Detail('1810-LineAlreadyCompleted', `${prop}.lineId`));
    else {
      const updated = lineFrom(ctx, l, prop, zone, base, base.lineId, null, details);
      if (updated) result[idx] = { ...updated, sortOrder: l.sortOrder ?? base.sortOrder };
    }
  });
  return result;
}

function header(ctx: SimContext, cmd: NewOrder | PatchOrder, order: SalesOrder, details: Details): void {
  if (cmd.currencyId) {
    if (!findCi(CURRENCIES, (c) => c.id, cmd.currencyId)) details.push(v3Detail('0003-InvalidValue', 'currencyId', [], `Currency '${cmd.currencyId}' does not exist.`));
    else order.currencyId = cmd.currencyId.toUpperCase();
  }
  if (cmd.branchId) {
    if (!findCi(BRANCHES, (b) => b.number, cmd.branchId)) details.push(v3Detail('0003-InvalidValue', 'branchId', [], `Branch '${cmd.branchId}' does not exist.`));
    else order.branchId = cmd.branchId;
  }
  if (cmd.taxZoneId) {
    if (!findCi(VAT_ZONES, (z) => z.id, cmd.taxZoneId)) details.push(v3Detail('0003-InvalidValue', 'taxZoneId', [], `Tax zone '${cmd.taxZoneId}' does not exist.`));
    else order.taxZoneId = findCi(VAT_ZONES, (z) => z.id, cmd.taxZoneId)?.id ?? null;
  }
  if (cmd.salesPersonId) {
    if (!SALES_PERSONS.includes(cmd.salesPersonId.toUpperCase())) details.push(v3Detail('1902-SalesPersonNotFound', 'salesPersonId'));
    else order.salesPersonId = cmd.salesPersonId.toUpperCase();
  }
  if (cmd.projectId) details.push(v3Detail('1904-ProjectNotFound', 'projectId'));
  if (cmd.description !== undefined && cmd.description !== null) order.description = cmd.description;
  if (cmd.note !== undefined && cmd.note !== null) order.note = cmd.note;
  if (cmd.ownerId) order.ownerId = cmd.ownerId;
  for (const k of ['date', 'requestOn', 'cancelBy'] as const) {
    const v = when(cmd[k], k, details);
    if (v) order[k] = v;
  }
  if (cmd.print) order.print = { ...order.print, ...cmd.print };
  const sh = cmd.shipping;
  if (sh) {
    if (sh.shipViaId === '') order.shipping.settings.shipViaId = null; // "Empty string sets null" [C S5]
    else if (sh.shipViaId) {
      if (!findCi(CARRIERS, (c) => c.carrierId, sh.shipViaId)) details.push(v3Detail('0003-InvalidValue', 'shipping.shipViaId', [], `Ship via '${sh.shipViaId}' does not exist.`));
      else order.shipping.settings.shipViaId = sh.shipViaId.toUpperCase();
    }
    if (sh.preferredWarehouseId === '') order.shipping.settings.preferredWarehouseId = null;
    else if (sh.preferredWarehouseId) {
      if (!findCi(WAREHOUSES, (w) => w.id, sh.preferredWarehouseId)) details.push(v3Detail('1802-InvalidWarehouseId', 'shipping.preferredWarehouseId'));
      else order.shipping.settings.preferredWarehouseId = sh.preferredWarehouseId.toUpperCase();
    }
    for (const k of ['fobPointId', 'termsId', 'zoneId', 'rule', 'insurance', 'priority', 'residentialDelivery', 'saturdayDelivery', 'shipSeparately', 'intrastatTransactionTypeId'] as const) {
      if (sh[k] !== undefined && sh[k] !== null) order.shipping.settings[k] = sh[k];
    }
    const sched = when(sh.scheduledDate, 'shipping.scheduledDate', details);
    if (sched) order.shipping.settings.scheduledDate = sched;
  }
  const fi = cmd.financialInformation;
  if (fi) {
    if (fi.postPeriod && !/^\d{4}(0[1-9]|1[0-2])$/.test(fi.postPeriod)) details.push(v3Detail('1600-FinancialPeriodNotFound', 'financialInformation.postPeriod'));
    for (const k of ['cashDiscountDate', 'dueDate', 'invoiceDate'] as const) {
      const v = when(fi[k], `financialInformation.${k}`, details);
      if (v) order.financialInformation[k] = v;
    }
    for (const k of ['invoiceId', 'invoiceSeparately', 'postPeriod'] as const) if (fi[k] !== undefined && fi[k] !== null) order.financialInformation[k] = fi[k];
  }
  const ps = cmd.paymentSettings;
  if (ps) {
    if (ps.paymentMethodId) {
      const pm = findCi(PAYMENT_METHODS, (p) => p.paymentMethodID, ps.paymentMethodId);
      if (!pm) details.push(v3Detail('1402-PaymentMethodIdNotFound', 'paymentSettings.paymentMethodId'));
      else if (!pm.active) details.push(v3Detail('1403-InactivePaymentMethodId', 'paymentSettings.paymentMethodId'));
      else order.paymentSettings.paymentMethodId = pm.paymentMethodID;
    }
    if (ps.cashAccountId) {
      if (!ACCOUNTS.some((a) => a.accountCD === ps.cashAccountId && a.cashAccount)) details.push(v3Detail('1502-CashAccountNotFound', 'paymentSettings.cashAccountId'));
      else order.paymentSettings.cashAccountId = ps.cashAccountId;
    }
    if (ps.paymentReference !== undefined && ps.paymentReference !== null) order.paymentSettings.paymentReference = ps.paymentReference;
  }
  const fr = cmd.freight;
  if (fr) {
    if (fr.taxCategoryId && !findCi(VAT_CATEGORIES, (c) => c.id, fr.taxCategoryId)) details.push(v3Detail('1805-InvalidTaxCategoryId', 'freight.taxCategoryId'));
    else if (fr.taxCategoryId) order.freight.taxCategoryId = fr.taxCategoryId;
    if (fr.cost !== undefined && fr.cost !== null) order.freight.cost = fr.cost;
    if (fr.premiumAmount !== undefined && fr.premiumAmount !== null) order.freight.premiumAmount = fr.premiumAmount;
  }
}

function customerPart(ctx: SimContext, c: NonNullable<PatchOrder['customer']>, order: SalesOrder, details: Details): void {
  if (c.locationId && c.locationId.toUpperCase() !== 'MAIN') details.push(v3Detail('0003-InvalidValue', 'customer.locationId', [], `Location '${c.locationId}' is not an active location of customer ${order.customerId} (use MAIN).`));
  if (c.contactId !== undefined && c.contactId !== null) {
    const ct = ctx.store.contacts.findByKey(String(c.contactId))?.record;
    if (!ct || ct.businessAccount?.toLowerCase() !== order.customerId.toLowerCase()) details.push(v3Detail('0003-InvalidValue', 'customer.contactId', [], `Contact ${c.contactId} does not belong to customer ${order.customerId}.`));
    else order.contactId = c.contactId;
  }
  if (c.termsId) {
    if (!findCi(CREDIT_TERMS, (t) => t.termsId, c.termsId)) details.push(v3Detail('0003-InvalidValue', 'customer.termsId', [], `Credit terms '${c.termsId}' do not exist.`));
    else order.termsId = c.termsId.toUpperCase();
  }
  if (c.order !== undefined && c.order !== null) order.customerOrder = c.order;
  if (c.refNo !== undefined && c.refNo !== null) order.customerRefNo = c.refNo; // null/omitted = unchanged [C S5]
}

export function buildOrder(ctx: SimContext, cmd: NewOrder, orderId: string, details: Details): SalesOrder {
  const now = isoStamp(ctx.now());
  const cust = cmd.customer.id ? ctx.store.customers.findByKey(cmd.customer.id)?.record : undefined;
  if (!cmd.customer.id) details.push(v3Detail('0001-NullNotAllowed', 'customer.id', [], 'customer.id is required.'));
  else if (!cust) details.push(v3Detail('1400-CustomerLookupException', 'customer.id', [], `Customer '${cmd.customer.id}' cannot be found.`));
  else if (!['Active', 'OneTime'].includes(cust.status)) details.push(v3Detail('1407-InvalidCustomerStatus', 'customer.id', [], `Invalid Customer Status: customer ${cust.number} has status ${cust.status}.`));
  const status = cmd.status ? cmd.status : 'Open';
  if (!['Open', 'Hold'].includes(status)) details.push(v3Detail('0003-InvalidValue', 'status', [], `status must be empty, "Open" or "Hold", got "${cmd.status ?? ''}".`));
  const order: SalesOrder = {
    type: findCi(ORDER_TYPES, (t) => t.orderType, cmd.type)?.orderType ?? cmd.type, orderId, status, date: now, requestOn: null, cancelBy: null,
    description: null, note: null, currencyId: cust?.currencyId ?? 'EUR', branchId: '1', customerId: cust?.number ?? cmd.customer.id ?? '',
    customerOrder: null, customerRefNo: null, contactId: null, termsId: cust?.creditTermsId ?? null, taxZoneId: null,
    billing: { address: null, contact: null }, shipping: { address: null, contact: null, settings: {} }, financialInformation: {},
    paymentSettings: { paymentMethodId: cust?.defaultPaymentMethodId ?? null, cashAccountId: null, paymentReference: null },
    freight: { cost: 0, premiumAmount: 0, taxCategoryId: '01' }, print: {}, salesPersonId: null, ownerId: null, projectId: null,
    lines: [], nextLineId: 1, created: now, lastModified: now, version: '',
  };
  customerPart(ctx, cmd.customer, order, details);
  header(ctx, cmd, order, details);
  if (cust && !order.termsId) details.push(v3Detail('1401-MissingTermsId', 'customer.termsId'));
  if (cmd.billing?.address) order.billing.address = address(cmd.billing.address, 'billing.address', details);
  if (cmd.billing?.contact) order.billing.contact = contact(cmd.billing.contact);
  if (cmd.shipping?.address) order.shipping.address = address(cmd.shipping.address, 'shipping.address', details);
  if (cmd.shipping?.contact) order.shipping.contact = contact(cmd.shipping.contact);
  if (cust) {
    order.lines = newLines(ctx, order, cmd.orderLines ?? [], 'orderLines', details);
    order.nextLineId = order.lines.length + 1;
  }
  return order;
}

export function applyPatch(ctx: SimContext, order: SalesOrder, cmd: PatchOrder, details: Details): void {
  if (cmd.status) {
    if (!['Open', 'Hold', 'BackOrder'].includes(cmd.status)) details.push(v3Detail('0003-InvalidValue', 'status', [], `status must be "Open", "Hold" or "BackOrder", got "${cmd.status}".`));
    else order.status = cmd.status;
  }
  if (cmd.customer?.id && cmd.customer.id.toLowerCase() !== order.customerId.toLowerCase()) details.push(v3Detail('0004-ValueNotAllowed', 'customer.id', [], 'The customer of an existing order cannot be changed.'));
  if (cmd.customer) customerPart(ctx, cmd.customer, order, details);
  header(ctx, cmd, order, details);
  for (const part of ['billing', 'shipping'] as const) {
    const p = cmd[part];
    if (p?.address) order[part].address = mergeAddress(order[part].address, p.address);
    if (p?.contact) order[part].contact = mergeContact(order[part].contact, p.contact);
  }
}

type AddressPatch = { line1?: string | null; line2?: string | null; line3?: string | null; postalCode?: string | null; city?: string | null; countryId?: string | null; stateId?: string | null; overridesDefault?: boolean | null };

/** PATCH changes only the provided fields; overridesDefault=false returns to the customer's default [I]. */
function mergeAddress(cur: V3Address | null, p: AddressPatch): V3Address | null {
  if (p.overridesDefault === false) return null;
  const b = cur ?? { line1: null, line2: null, line3: null, postalCode: null, city: null, countryId: null, stateId: null };
  return { line1: p.line1 ?? b.line1, line2: p.line2 ?? b.line2, line3: p.line3 ?? b.line3, postalCode: p.postalCode ?? b.postalCode, city: p.city ?? b.city, countryId: p.countryId ?? b.countryId, stateId: p.stateId ?? b.stateId };
}

function mergeContact(cur: V3Contact | null, p: { name?: string | null; attention?: string | null; email?: string | null; phone1?: string | null; overridesDefault?: boolean | null }): V3Contact | null {
  if (p.overridesDefault === false) return null;
  const b = cur ?? { name: null, attention: null, email: null, phone1: null };
  return { name: p.name ?? b.name, attention: p.attention ?? b.attention, email: p.email ?? b.email, phone1: p.phone1 ?? b.phone1 };
}

/** Books (sign 1) or releases (sign -1) the open quantity of stock lines on their warehouses [I]. */
export function bookStock(ctx: SimContext, lines: OrderLine[], sign: 1 | -1): void {
  if (!ctx.config.ordersBookStock) return;
  const stamp = isoStamp(ctx.now());
  for (const l of lines) {
    const open = l.quantity - l.shippedQuantity;
    if (!l.warehouseId || open <= 0 || l.completed) continue;
    const hit = ctx.store.inventory.findByKey(l.inventoryId);
    if (!hit || !hit.record.stockItem) continue;
    const item = structuredClone(hit.record);
    let row = item.stock.find((s) => s.warehouse === l.warehouseId);
    if (!row) {
      row = emptyStock(l.warehouseId, stamp);
      item.stock.push(row);
    }
    row.soBooked = Math.max(0, row.soBooked + sign * open);
    row.lastModified = stamp;
    item.availabilityLastModified = stamp;
    ctx.store.inventory.put(hit.index, item);
  }
}
