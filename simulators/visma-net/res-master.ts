// Read-only master data of the main API: VAT, payment methods, credit terms, carriers, branches, currencies,
// GL accounts, ledgers, countries and sales order types (reference/visma-net/README.md §6.6, §6.7).
import { dateFilter } from './dates';
import { messageError, notFound } from './errors';
import { eqCi, ok, pagedArray, q } from './main-api';
import { parseMainPaging } from './paging';
import type { Router } from './router';
import { ACCOUNTS, BRANCHES, CARRIERS, COUNTRIES, CREDIT_TERMS, CURRENCIES, findCi, LEDGERS, ORDER_TYPES, PAYMENT_METHODS } from './seed-master';
import { VAT_CATEGORIES, VAT_ZONES, VATS, vatCategoryDto, vatInformationDto, vatZoneDto } from './seed-vat';
import type { SimContext, SimRequest, SimResponse } from './types';

type Row = Record<string, unknown>;

/** Applies `lastModifiedDateTime(+Condition)` to rows that carry that field. */
function modifiedFilter(req: SimRequest, ctx: SimContext, rows: Row[]): Row[] | SimResponse {
  const f = dateFilter(req.query, 'lastModifiedDateTime', ctx.config.timeZoneOffsetMinutes);
  if (!f.ok) return messageError(400, f.error);
  const test = f.test;
  return test ? rows.filter((r) => test(typeof r.lastModifiedDateTime === 'string' ? r.lastModifiedDateTime : null)) : rows;
}

/** Lists without paging parameters in the spec return everything (filtered by date when asked). */
function plainList(rows: () => Row[]) {
  return (req: SimRequest, ctx: SimContext): SimResponse => {
    const out = modifiedFilter(req, ctx, rows());
    return Array.isArray(out) ? ok(out) : out;
  };
}

function pagedMeta(resource: string, rows: () => Row[]) {
  return (req: SimRequest, ctx: SimContext): SimResponse => {
    const out = modifiedFilter(req, ctx, rows());
    return Array.isArray(out) ? pagedArray(req, ctx, resource, out) : out;
  };
}

function one<T>(items: readonly T[], key: (t: T) => string, param: string, what: string, render: (t: T) => unknown = (t) => t) {
  return (req: SimRequest): SimResponse => {
    const hit = findCi(items, key, req.params[param]);
    return hit ? ok(render(hit)) : notFound(`${what} ${req.params[param] ?? ''} not found.`);
  };
}

export function registerMaster(r: Router): void {
  r.get('/v1/vat', plainList(() => VATS.map(vatInformationDto)));
  r.get('/v1/vat/:vatId', one(VATS, (v) => v.vatId, 'vatId', 'VAT', vatInformationDto));
  r.get('/v1/vatCategory', plainList(() => VAT_CATEGORIES.map(vatCategoryDto)));
  r.get('/v1/vatCategory/:taxCategoryId', one(VAT_CATEGORIES, (c) => c.id, 'taxCategoryId', 'VAT category', vatCategoryDto));
  r.get('/v1/vatZone', (req, ctx) => pagedArray(req, ctx, 'vatZone', VAT_ZONES.map((z) => ({ ...vatZoneDto(z), errorInfo: null }))));
  r.get('/v1/vatZone/:vatZoneId', one(VAT_ZONES, (z) => z.id, 'vatZoneId', 'VAT zone', vatZoneDto));

  r.get('/v1/paymentmethod', plainList(() => PAYMENT_METHODS));
  r.get('/v1/paymentmethod/:paymentMethodNumber', one(PAYMENT_METHODS, (p) => p.paymentMethodID, 'paymentMethodNumber', 'Payment method'));

  // Credit terms are paged as an object BasePaginationDtoOf<T> instead of an array with metadata [C S1, S2].
  r.get('/v1/creditTerm', (req, ctx) => {
    const filtered = modifiedFilter(req, ctx, CREDIT_TERMS.filter((t) => eqCi(t.termsId, q(req, 'termsId'))));
    if (!Array.isArray(filtered)) return filtered;
    const p = parseMainPaging(req.query, 'creditTerm', ctx.config);
    if (!p.ok) return messageError(400, p.error);
    const { pageNumber, pageSize } = p.page;
    return ok({ pageNumber, pageSize, totalCount: filtered.length, records: filtered.slice((pageNumber - 1) * pageSize, pageNumber * pageSize) });
  });

  r.get('/v1/carrier', pagedMeta('carrier', () => CARRIERS));
  r.get('/v1/carrier/:carrierName', one(CARRIERS, (c) => c.carrierId, 'carrierName', 'Carrier'));
  r.get('/v1/branch', plainList(() => BRANCHES));
  r.get('/v1/branch/:branchNumber', one(BRANCHES, (b) => b.number, 'branchNumber', 'Branch'));
  r.get('/v1/currency', () => ok(CURRENCIES));
  r.get('/v1/currency/:curyId', one(CURRENCIES, (c) => c.id, 'curyId', 'Currency'));
  r.get('/v1/account', (req, ctx) => {
    const active = q(req, 'active');
    const rows = ACCOUNTS.filter((a) => active === undefined || String(a.active) === active.toLowerCase());
    const out = modifiedFilter(req, ctx, rows);
    if (!Array.isArray(out)) return out;
    const maxPageSize = ctx.config.maxPageSize.default ?? 1000;
    return ok(out.map((a) => ({ ...a, metadata: { totalCount: out.length, maxPageSize } })));
  });
  r.get('/v1/account/:accountCd', (req, ctx) => {
    const a = findCi(ACCOUNTS, (x) => x.accountCD, req.params.accountCd);
    return a ? ok(a, { ETag: ctx.config.quoteEtag ? `"${a.timeStamp}"` : a.timeStamp }) : notFound(`Account ${req.params.accountCd ?? ''} not found.`);
  });
  r.get('/v1/ledger', plainList(() => LEDGERS));
  r.get('/v1/country', (req, ctx) => pagedArray(req, ctx, 'country', COUNTRIES.map((c) => ({ ...c, errorInfo: null }))));
  r.get('/v1/country/:countryId', one(COUNTRIES, (c) => c.id, 'countryId', 'Country'));
  const orderTypeDto = (t: (typeof ORDER_TYPES)[number]): Row => ({
    orderType: t.orderType, active: t.active, description: t.description, behavior: t.behavior, defaultOperation: t.defaultOperation, customerDocumentType: t.customerDocumentType, errorInfo: null,
  });
  r.get('/v1/salesordertype', (req, ctx) => pagedArray(req, ctx, 'salesordertype', ORDER_TYPES.map(orderTypeDto)));
  r.get('/v1/salesordertype/:orderType', one(ORDER_TYPES, (t) => t.orderType, 'orderType', 'Sales order type', orderTypeDto));
}
