// Renders V3 sales orders: SalesOrderDto (with expansions), SalesOrderListDto, SalesOrderLineDto, tax rows.
import type { Address, ContactInfo, Customer, OrderLine, SalesOrder, V3Address, V3Contact } from './model';
import { money } from './rng';
import { BRANCHES, countryRef, CREDIT_TERMS, findCi, PAYMENT_METHODS, WAREHOUSES } from './seed-master';
import { VAT_ZONES } from './seed-vat';
import { lineGross, lineNet, sum, taxRows, type AmountLine } from './totals';
import type { SimContext } from './types';
import { orderZone } from './v3-order-build';

export const ORDER_EXPANSIONS = ['None', 'Billing', 'Payment', 'FinancialInformation', 'Shipping', 'Customer', 'Owner', 'Origin', 'Note', 'Freight', 'Attachments', 'All'] as const;
export type OrderExpansion = (typeof ORDER_EXPANSIONS)[number];

const amountLine = (l: OrderLine): AmountLine => ({ quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent, discountAmount: l.discountAmount, vatCategory: l.taxCategoryId });

export function orderTotals(ctx: SimContext, o: SalesOrder): { lineTotal: number; tax: number; total: number; taxes: ReturnType<typeof taxRows> } {
  const taxes = taxRows(o.lines.map(amountLine), orderZone(ctx, o), [{ amount: o.freight.cost, vatCategory: o.freight.taxCategoryId }]);
  const lineTotal = sum(o.lines.map((l) => lineNet(amountLine(l))));
  const tax = sum(taxes.map((t) => t.tax));
  return { lineTotal, tax, total: money(lineTotal + o.freight.cost + tax), taxes };
}

function v3Address(a: V3Address | null, fallback: Address | undefined): Record<string, unknown> | null {
  if (a) return { id: 0, line1: a.line1, line2: a.line2, line3: a.line3, postalCode: a.postalCode, city: a.city, country: countryRef(a.countryId), county: a.stateId ? { id: a.stateId, name: a.stateId } : null, overridesDefault: true };
  if (!fallback) return null;
  return { id: fallback.addressId, line1: fallback.addressLine1, line2: fallback.addressLine2, line3: fallback.addressLine3, postalCode: fallback.postalCode, city: fallback.city, country: countryRef(fallback.countryId), county: null, overridesDefault: false };
}

function v3Contact(c: V3Contact | null, fallback: ContactInfo | undefined): Record<string, unknown> | null {
  if (c) return { id: 0, name: c.name, attention: c.attention, email: c.email, phone1: c.phone1, phone2: null, fax: null, overridesDefault: true };
  if (!fallback) return null;
  return { id: fallback.contactId, name: fallback.name, attention: fallback.attention, email: fallback.email, phone1: fallback.phone1, phone2: fallback.phone2, fax: fallback.fax, overridesDefault: false };
}

export function customerLocation(c: Customer): Record<string, unknown> {
  return { corporateId: c.corporateId, countryId: c.mainAddress.countryId, gln: c.gln, id: 'MAIN', internalId: c.internalId, name: 'Primaire locatie', taxRegistrationId: c.vatRegistrationId, warehouseId: 'MAIN' };
}

const cd = (id: string | null | undefined, description: string | null | undefined): Record<string, unknown> | null => (id ? { id, description: description ?? null } : null);

/** Sections listed in SalesOrderExpansions are null unless expanded (default None) [C S5; null-vs-absent I]. */
export function renderOrder(ctx: SimContext, o: SalesOrder, expand: Set<OrderExpansion>): Record<string, unknown> {
  const has = (e: OrderExpansion): boolean => expand.has('All') || expand.has(e);
  const cust = ctx.store.customers.findByKey(o.customerId)?.record;
  const t = orderTotals(ctx, o);
  const unshipped = sum(o.lines.map((l) => lineNet({ ...amountLine(l), quantity: l.quantity - l.shippedQuantity })));
  const zone = findCi(VAT_ZONES, (z) => z.id, orderZone(ctx, o));
  const terms = findCi(CREDIT_TERMS, (x) => x.termsId, o.termsId);
  const pm = findCi(PAYMENT_METHODS, (p) => p.paymentMethodID, o.paymentSettings.paymentMethodId);
  const s = o.shipping.settings;
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const discountTotal = sum(o.lines.map((l) => money(lineGross(amountLine(l)) - lineNet(amountLine(l)))));
  return {
    type: o.type, orderId: o.orderId,
    status: { description: o.status, hold: o.status === 'Hold', cancelled: o.status === 'Cancelled' },
    date: o.date, requestOn: o.requestOn, cancelBy: o.cancelBy, lastModified: o.lastModified, createdBy: null, currencyId: o.currencyId,
    description: o.description, note: has('Note') ? o.note : null, orderQty: sum(o.lines.map((l) => l.quantity)),
    totals: {
      orderTotal: t.total, orderTotalInBaseCurrency: t.total, taxTotal: t.tax, taxTotalInBaseCurrency: t.tax,
      taxableTotal: sum(t.taxes.map((x) => x.taxable)), taxableTotalInBaseCurrency: sum(t.taxes.map((x) => x.taxable)),
      taxExemptTotal: sum(t.taxes.filter((x) => x.rate === 0).map((x) => x.taxable)), taxExemptTotalInBaseCurrency: sum(t.taxes.filter((x) => x.rate === 0).map((x) => x.taxable)),
      discountTotal, discountTotalInBaseCurrency: discountTotal, freightTotal: o.freight.cost, freightTotalInBaseCurrency: o.freight.cost,
      freightCost: o.freight.cost, freightCostInBaseCurrency: o.freight.cost, costTotal: null, costTotalInBaseCurrency: null,
      unbilledAmount: o.status === 'Completed' ? 0 : t.total, unbilledAmountInBaseCurrency: o.status === 'Completed' ? 0 : t.total,
      unshippedAmount: unshipped, unshippedAmountInBaseCurrency: unshipped,
    },
    customer: {
      id: o.customerId, internalId: cust?.internalId ?? 0, name: cust?.name ?? null, order: o.customerOrder, refNo: o.customerRefNo, contactId: o.contactId,
      location: has('Customer') && cust ? customerLocation(cust) : null, taxZone: has('Customer') ? cd(zone?.id, zone?.description) : null,
    },
    billing: has('Billing') ? { address: v3Address(o.billing.address, cust?.invoiceAddress), contact: v3Contact(o.billing.contact, cust?.invoiceContact) } : null,
    shipping: has('Shipping') ? {
      address: v3Address(o.shipping.address, cust?.deliveryAddress), contact: v3Contact(o.shipping.contact, cust?.deliveryContact),
      shipVia: cd(str(s.shipViaId), str(s.shipViaId)), terms: cd(str(s.termsId), null), zone: cd(str(s.zoneId), null), fobPoint: cd(str(s.fobPointId), null),
      preferredWarehouse: cd(str(s.preferredWarehouseId), findCi(WAREHOUSES, (w) => w.id, str(s.preferredWarehouseId))?.description),
      rule: s.rule ?? 'CancelRemainder', scheduledDate: s.scheduledDate ?? null, shipSeparately: s.shipSeparately ?? false, residentialDelivery: s.residentialDelivery ?? false,
      saturdayDelivery: s.saturdayDelivery ?? false, insurance: s.insurance ?? false, priority: s.priority ?? 0, intrastatTransactionType: null,
    } : null,
    financialInformation: has('FinancialInformation') ? {
      invoiceId: o.financialInformation.invoiceId ?? null, invoiceDate: o.financialInformation.invoiceDate ?? o.date, dueDate: o.financialInformation.dueDate ?? null,
      cashDiscountDate: o.financialInformation.cashDiscountDate ?? null, invoiceSeparately: o.financialInformation.invoiceSeparately ?? false,
      postPeriod: o.financialInformation.postPeriod ?? null, terms: cd(terms?.termsId, terms?.description),
    } : null,
    paymentSettings: has('Payment') ? { paymentMethod: cd(pm?.paymentMethodID, pm?.description), cashAccountId: o.paymentSettings.cashAccountId, paymentReference: o.paymentSettings.paymentReference } : null,
    branch: cd(o.branchId, findCi(BRANCHES, (b) => b.number, o.branchId)?.name),
    salesPerson: o.salesPersonId ? { id: o.salesPersonId, description: null } : null,
    owner: has('Owner') && o.ownerId ? { id: o.ownerId, internalId: null } : null,
    project: null,
    origin: has('Origin') ? { orderType: null, orderId: null, _links: null } : null,
    freight: has('Freight') ? { amount: o.freight.cost, amountInBaseCurrency: o.freight.cost, cost: o.freight.cost, costInBaseCurrency: o.freight.cost, premiumAmount: o.freight.premiumAmount, premiumAmountInBaseCurrency: o.freight.premiumAmount, taxCategoryId: o.freight.taxCategoryId, volume: 0, weight: 0 } : null,
    print: { descriptionOnInvoice: o.print.descriptionOnInvoice ?? null, noteOnExternalDocuments: o.print.noteOnExternalDocuments ?? null, noteOnInternalDocuments: o.print.noteOnInternalDocuments ?? null },
    attachments: has('Attachments') ? [] : null,
    isRotRutDeductable: false, originalOrderId: null, originalOrderType: null, useReplacementCostForMarginAndProfit: null,
    version: o.version,
  };
}

export function renderListItem(ctx: SimContext, o: SalesOrder): Record<string, unknown> {
  const cust = ctx.store.customers.findByKey(o.customerId)?.record;
  return {
    type: o.type, orderId: o.orderId, status: o.status, customerId: o.customerId, customerName: cust?.name ?? null, customerOrder: o.customerOrder,
    customerRefNo: o.customerRefNo, date: o.date, requestOn: o.requestOn ?? o.date, shippingScheduledDate: o.shipping.settings.scheduledDate ?? o.requestOn ?? o.date,
    orderTotal: orderTotals(ctx, o).total, orderQty: sum(o.lines.map((l) => l.quantity)), currency: o.currencyId, location: 'MAIN', description: o.description,
    lastModified: o.lastModified, _links: { self: { href: `${ctx.baseUrl}/api/v3/SalesOrders/${o.type}/${o.orderId}` } },
  };
}

export function renderLine(ctx: SimContext, o: SalesOrder, l: OrderLine): Record<string, unknown> {
  const item = ctx.store.inventory.findByKey(l.inventoryId)?.record;
  const e = l.extra;
  const s = (k: string): string | null => (typeof e[k] === 'string' ? e[k] : null);
  return {
    lineId: l.lineId, sortOrder: l.sortOrder, inventory: { id: l.inventoryId, description: item?.description ?? l.description, baseUnit: item?.baseUnit ?? null },
    description: l.description, quantity: l.quantity, baseOrderQuantity: l.quantity, openQuantity: l.quantity - l.shippedQuantity, quantityOnShipments: 0,
    billedQuantity: l.completed ? l.quantity : 0, unitPrice: l.unitPrice, unitCost: typeof e.unitCost === 'number' ? e.unitCost : (item?.currentCost ?? null),
    lineTotalBeforeDiscount: lineGross(amountLine(l)), extendedPrice: lineNet(amountLine(l)), discountPercent: l.discountPercent, discountAmount: l.discountAmount,
    discountCode: null, discountSequenceId: null, hasManualPrice: l.hasManualPrice, hasManualDiscount: l.hasManualDiscount, freeItem: false,
    taxCategoryId: l.taxCategoryId, unitOfMeasure: l.unitOfMeasure, warehouseId: l.warehouseId, warehouseLocation: l.warehouseId ? { id: 'A1', description: 'Voorraadlocatie A1' } : null,
    completed: l.completed, openLine: !l.completed, shippingRule: s('shippingRule') ?? 'CancelRemainder', operation: s('operation') ?? 'Issue', lineType: 'GI',
    note: l.note, externalLink: s('externalLink'), requestDate: s('requestDate') ?? o.requestOn, shipDate: s('shipDate') ?? o.requestOn, orderDate: o.date,
    salesAccountId: s('salesAccountId'), salesPerson: null, branch: { id: s('branchId') ?? o.branchId, description: null }, subaccount: e.subaccount ?? null,
    commissionable: e.commissionable === true, supplier: null, supplierPrice: 0, projectTaskId: s('projectTaskId'), purchaseOrderSource: s('purchaseOrderSource'),
    reasonCode: null, replacementUnitCost: null, undershipThreshold: e.undershipThreshold ?? null, overshipThreshold: e.overshipThreshold ?? null,
    inventoryAlternateId: null, attachments: [],
  };
}

export function renderTax(ctx: SimContext, o: SalesOrder): Record<string, unknown>[] {
  return orderTotals(ctx, o).taxes.map((t) => ({
    taxId: t.vatId, taxRate: t.rate, taxableAmount: t.taxable, taxAmount: t.tax, taxType: 'VAT', exemptTax: t.rate === 0, includeInTaxable: true,
    isPendingTax: false, isReverseTax: t.vatId === 'ICP', isStatisticalTax: false,
  }));
}
