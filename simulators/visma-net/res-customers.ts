// Main API customers (/v1/customer) and contacts (/v1/contact).
import { isoStamp } from './dates';
import { ContactUpdateDto, CustomerUpdateDto } from './dto-parties';
import { messageError, notFound, recordErrors } from './errors';
import { renderContact, renderCustomer, type CustomerExpands } from './customer-render';
import { applyContactUpdate, applyCustomerUpdate, blankContact, blankCustomer } from './customer-write';
import { bind, checkIfMatch, created, dateFilters, eqCi, etag, idSegment, noContent, ok, pagedArray, pagedList, q, str, type Pred } from './main-api';
import type { Contact, Customer } from './model';
import { pageCollection } from './paging';
import type { Router } from './router';
import { CUSTOMER_CLASSES, customerClassDto, findCi } from './seed-master';
import { customerNumberAt } from './seed-customers';
import type { SimContext, SimRequest, SimResponse } from './types';

const FULL: CustomerExpands = { accountInformation: true, paymentMethods: true, directDebit: true };

function expands(req: SimRequest): CustomerExpands {
  const flag = (n: string): boolean => q(req, n)?.toLowerCase() === 'true';
  return { accountInformation: flag('expandAccountInformation'), paymentMethods: flag('expandPaymentMethods'), directDebit: flag('expandDirectDebit') };
}

function listCustomers(req: SimRequest, ctx: SimContext): SimResponse {
  const d = dateFilters<Customer>(req, ctx, ['lastModifiedDateTime', 'createdDateTime'], (r, n) => (n === 'createdDateTime' ? r.createdDateTime : r.lastModifiedDateTime));
  if (!d.ok) return d.res;
  const preds = d.preds;
  const eq = (name: string, get: (c: Customer) => string | null): void => {
    const v = q(req, name);
    if (v !== undefined) preds.push((c) => eqCi(get(c), v));
  };
  eq('name', (c) => c.name);
  eq('status', (c) => c.status);
  eq('corporateId', (c) => c.corporateId);
  eq('vatRegistrationId', (c) => c.vatRegistrationId);
  eq('phone', (c) => c.mainContact.phone1);
  const email = q(req, 'email');
  if (email !== undefined) {
    // "Equals Email for customer" on the main contact [C]; case-insensitive by default [I].
    preds.push((c) => (ctx.config.emailFilterCaseInsensitive ? (c.mainContact.email ?? '').toLowerCase() === email.toLowerCase() : c.mainContact.email === email));
  }
  const attrs = q(req, 'attributes');
  if (attrs !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(attrs);
    } catch {
      return messageError(400, `The attributes filter must be JSON like {"KEY":"VALUE"}; got ${attrs}.`);
    }
    if (typeof parsed === 'object' && parsed !== null) {
      const wanted = Object.entries(parsed).map(([k, v]) => [k.toLowerCase(), String(v).toLowerCase()] as const);
      preds.push((c) => wanted.every(([k, v]) => c.attributes.some((a) => a.id.toLowerCase() === k && v.split(',').includes(a.value.toLowerCase()))));
    }
  }
  const ex = expands(req);
  return pagedList(req, ctx, 'customer', ctx.store.customers, preds, (c) => renderCustomer(c, ex));
}

function findCustomer(req: SimRequest, ctx: SimContext): { index: number; record: Customer } | undefined {
  if (req.params.internalID !== undefined) {
    const index = Number(req.params.internalID) - 5000;
    const record = Number.isInteger(index) ? ctx.store.customers.get(index) : undefined;
    return record ? { index, record } : undefined;
  }
  return ctx.store.customers.findByKey(req.params.customerCd ?? '');
}

const customerMissing = (req: SimRequest): SimResponse => notFound(`Customer with number = ${req.params.customerCd ?? req.params.internalID ?? ''} not found.`);

function createCustomer(req: SimRequest, ctx: SimContext): SimResponse {
  const b = bind(req, ctx, CustomerUpdateDto);
  if (!b.ok) return b.res;
  const coll = ctx.store.customers;
  const given = str(b.value.number);
  const manual = ctx.config.numbering.customers === 'manual';
  if (manual && !given) return recordErrors('Inserting', 'Customer', [`'Customer ID' cannot be empty.`]);
  if (!manual && given && ctx.config.rejectNumberWhenAuto && b.value.overrideNumberSeries !== true) {
    return messageError(500, 'Value cannot be null.\r\nParameter name: key');
  }
  let number = given ?? customerNumberAt(coll.end);
  while (!given && coll.indexOfKey(number) !== undefined) number = String(Number(number) + 1);
  if (coll.indexOfKey(number) !== undefined) return recordErrors('Inserting', 'Customer', [`Customer '${number}' already exists.`]);
  const c = blankCustomer(coll.end, number, ctx.now());
  const errors = applyCustomerUpdate(c, b.value, true);
  if (errors.length > 0) return recordErrors('Inserting', 'Customer', errors);
  c.timeStamp = ctx.store.versions.next();
  coll.insert(c);
  return created(ctx, `/v1/customer/${idSegment(number)}`, c.timeStamp);
}

function updateCustomer(req: SimRequest, ctx: SimContext): SimResponse {
  const hit = findCustomer(req, ctx);
  if (!hit) return customerMissing(req);
  const stale = checkIfMatch(req, hit.record.timeStamp, `Customer ${hit.record.number}`);
  if (stale) return stale;
  const b = bind(req, ctx, CustomerUpdateDto);
  if (!b.ok) return b.res;
  const c = structuredClone(hit.record);
  const newNumber = str(b.value.number);
  if (newNumber !== null && newNumber !== c.number) return recordErrors('Updating', 'Customer', [`The customer number cannot be changed with PUT; use POST /v1/customer/action/changeCustomerCd/${c.internalId}.`]);
  const errors = applyCustomerUpdate(c, b.value, false);
  if (errors.length > 0) return recordErrors('Updating', 'Customer', errors);
  c.lastModifiedDateTime = isoStamp(ctx.now());
  c.timeStamp = ctx.store.versions.next();
  ctx.store.customers.put(hit.index, c);
  return noContent(ctx, c.timeStamp);
}

/** Contacts have no pageNumber/pageSize in the spec; numberToRead/skipRecords still work [C S1]. */
function listContacts(req: SimRequest, ctx: SimContext, businessAccount?: string): SimResponse {
  const d = dateFilters<Contact>(req, ctx, ['lastModifiedDateTime'], (r) => r.lastModifiedDateTime);
  if (!d.ok) return d.res;
  const preds: Pred<Contact>[] = d.preds;
  const displayName = q(req, 'displayName');
  if (displayName !== undefined) preds.push((c) => eqCi([c.firstName, c.lastName].filter(Boolean).join(' '), displayName));
  for (const k of ['firstName', 'lastName', 'email'] as const) {
    const v = q(req, k);
    if (v !== undefined) preds.push((c) => eqCi(c[k], v));
  }
  const ba = businessAccount ?? q(req, 'businessAccount');
  if (ba !== undefined) preds.push((c) => eqCi(c.businessAccount, ba));
  const active = q(req, 'active');
  if (active !== undefined) preds.push((c) => String(c.active) === active.toLowerCase());
  const skip = Number(q(req, 'skipRecords') ?? 0) || 0;
  const take = Number(q(req, 'numberToRead') ?? 0) || Number.MAX_SAFE_INTEGER;
  const { total, items } = pageCollection(ctx.store.contacts, (c) => preds.every((p) => p(c)), skip, take);
  const maxPageSize = ctx.config.maxPageSize.default ?? 1000;
  return ok(items.map((c) => ({ ...renderContact(c), metadata: { totalCount: total, maxPageSize } })));
}

function findContact(req: SimRequest, ctx: SimContext): { index: number; record: Contact } | undefined {
  return ctx.store.contacts.findByKey(req.params.contactId ?? '');
}

function writeContact(req: SimRequest, ctx: SimContext, creating: boolean): SimResponse {
  const hit = creating ? undefined : findContact(req, ctx);
  if (!creating && !hit) return notFound(`Contact with contactId = ${req.params.contactId ?? ''} not found.`);
  if (hit) {
    const stale = checkIfMatch(req, hit.record.timeStamp, `Contact ${hit.record.contactId}`);
    if (stale) return stale;
  }
  const b = bind(req, ctx, ContactUpdateDto);
  if (!b.ok) return b.res;
  const coll = ctx.store.contacts;
  const c = hit ? structuredClone(hit.record) : blankContact(coll.end, ctx.now());
  const errors = applyContactUpdate(c, b.value, (n) => ctx.store.customers.indexOfKey(n) !== undefined);
  if (errors.length > 0) return recordErrors(creating ? 'Inserting' : 'Updating', 'Contact', errors);
  c.lastModifiedDateTime = isoStamp(ctx.now());
  c.timeStamp = ctx.store.versions.next();
  if (hit) {
    coll.put(hit.index, c);
    return noContent(ctx, c.timeStamp);
  }
  coll.insert(c);
  return created(ctx, `/v1/contact/${c.contactId}`, c.timeStamp);
}

export function registerCustomers(r: Router): void {
  r.get('/v1/customer', listCustomers);
  r.post('/v1/customer', createCustomer);
  r.get('/v1/customer/customerClass', (req, ctx) => pagedArray(req, ctx, 'customerClass', CUSTOMER_CLASSES.map(customerClassDto), false));
  r.get('/v1/customer/customerClass/:customerClassId', (req) => {
    const c = findCi(CUSTOMER_CLASSES, (x) => x.id, req.params.customerClassId);
    return c ? ok(customerClassDto(c)) : notFound(`Customer class ${req.params.customerClassId ?? ''} not found.`);
  });
  r.get('/v1/customer/:customerCd', (req, ctx) => {
    const hit = findCustomer(req, ctx);
    return hit ? ok(renderCustomer(hit.record, FULL), etag(ctx, hit.record.timeStamp)) : customerMissing(req);
  });
  r.put('/v1/customer/:customerCd', updateCustomer);
  r.get('/v1/customer/internal/:internalID', (req, ctx) => {
    const hit = findCustomer(req, ctx);
    return hit ? ok(renderCustomer(hit.record, FULL), etag(ctx, hit.record.timeStamp)) : customerMissing(req);
  });
  r.put('/v1/customer/internal/:internalID', updateCustomer);
  r.get('/v1/customer/:customerCd/contact', (req, ctx) => {
    const hit = findCustomer(req, ctx);
    return hit ? listContacts(req, ctx, hit.record.number) : customerMissing(req);
  });
  r.get('/v1/contact', (req, ctx) => listContacts(req, ctx));
  r.post('/v1/contact', (req, ctx) => writeContact(req, ctx, true));
  r.get('/v1/contact/:contactId', (req, ctx) => {
    const hit = findContact(req, ctx);
    return hit ? ok(renderContact(hit.record), etag(ctx, hit.record.timeStamp)) : notFound(`Contact with contactId = ${req.params.contactId ?? ''} not found.`);
  });
  r.put('/v1/contact/:contactId', (req, ctx) => writeContact(req, ctx, false));
}
