// Applies unwrapped CustomerUpdateDto / ContactUpdateDto bodies, with the master-data checks the ERP does.
import { isoStamp } from './dates';
import { bool, num, str } from './main-api';
import type { Address, Contact, ContactInfo, Customer } from './model';
import { COUNTRIES, CREDIT_TERMS, CURRENCIES, CUSTOMER_CLASSES, findCi, PAYMENT_METHODS } from './seed-master';
import { VAT_ZONES } from './seed-vat';
import { isRecord } from './types';
import type { Unwrapped } from './wrap';

const FLAG_FIELDS = ['printInvoices', 'acceptAutoInvoices', 'sendInvoicesByEmail', 'sendDunningLettersViaEMail', 'printDunningLetters', 'printStatements', 'sendStatementsByEmail', 'printMultiCurrencyStatements', 'invoiceToDefaultLocation'];

const emptyAddress = (id: number): Address => ({ addressId: id, addressLine1: null, addressLine2: null, addressLine3: null, postalCode: null, city: null, countryId: null, county: null });
const emptyContact = (id: number): ContactInfo => ({ contactId: id, name: null, attention: null, email: null, web: null, phone1: null, phone2: null, fax: null });

export function blankCustomer(index: number, number: string, now: number): Customer {
  const stamp = isoStamp(now);
  return {
    internalId: 5000 + index, number, name: null, status: 'Active', isCompany: false, accountReference: null, parentRecordNumber: null,
    currencyId: 'EUR', creditLimit: 0, creditDaysPastDue: null, creditVerification: 'Disabled', customerClassId: null, creditTermsId: null,
    vatRegistrationId: null, corporateId: null, vatZoneId: null, gln: null, priceClassId: null, note: null, defaultPaymentMethodId: null,
    statementType: 'OpenItem', mainAddress: emptyAddress(30000 + index), mainContact: emptyContact(20000 + index),
    invoiceAddress: emptyAddress(40000 + index), invoiceContact: emptyContact(60000 + index),
    deliveryAddress: emptyAddress(50000 + index), deliveryContact: emptyContact(70000 + index),
    flags: { printInvoices: false, acceptAutoInvoices: false, sendInvoicesByEmail: false, sendDunningLettersViaEMail: false, printDunningLetters: false, printStatements: false, sendStatementsByEmail: false, printMultiCurrencyStatements: false, invoiceToDefaultLocation: true },
    attributes: [], createdDateTime: stamp, lastModifiedDateTime: stamp, timeStamp: '', extra: {},
  };
}

/** Merges an unwrapped AddressUpdateDto; `countryId` must be a known country. */
export function applyAddress(target: Address, u: unknown, where: string, errors: string[]): void {
  if (u === null) {
    Object.assign(target, { ...emptyAddress(target.addressId) });
    return;
  }
  if (!isRecord(u)) return;
  for (const k of ['addressLine1', 'addressLine2', 'addressLine3', 'postalCode', 'city', 'county'] as const) if (k in u) target[k] = str(u[k]);
  if ('countryId' in u) {
    const c = findCi(COUNTRIES, (x) => x.id, str(u.countryId));
    if (u.countryId !== null && !c) errors.push(`${where}.countryId: country '${str(u.countryId) ?? ''}' cannot be found (use the ISO 3166 two-letter code).`);
    else target.countryId = c?.id ?? null;
  }
}

function applyContactInfo(target: ContactInfo, u: unknown): void {
  if (u === null) {
    Object.assign(target, { ...emptyContact(target.contactId) });
    return;
  }
  if (!isRecord(u)) return;
  for (const k of ['name', 'attention', 'email', 'web', 'phone1', 'phone2', 'fax'] as const) if (k in u) target[k] = str(u[k]);
}

export function applyCustomerUpdate(c: Customer, u: Unwrapped, creating: boolean): string[] {
  const errors: string[] = [];
  if ('name' in u) c.name = str(u.name);
  if ('status' in u) c.status = str(u.status) ?? 'Active';
  for (const k of ['accountReference', 'parentRecordNumber', 'vatRegistrationId', 'corporateId', 'gln', 'priceClassId', 'note'] as const) if (k in u) c[k] = str(u[k]);
  if ('currencyId' in u) {
    const cur = findCi(CURRENCIES, (x) => x.id, str(u.currencyId));
    if (!cur) errors.push(`Currency '${str(u.currencyId) ?? ''}' cannot be found in the system.`);
    else c.currencyId = cur.id;
  }
  if ('creditLimit' in u) c.creditLimit = num(u.creditLimit) ?? 0;
  if ('creditDaysPastDue' in u) c.creditDaysPastDue = num(u.creditDaysPastDue);
  if ('creditVerification' in u) c.creditVerification = str(u.creditVerification) ?? 'Disabled';
  if ('statementType' in u) c.statementType = str(u.statementType) ?? 'OpenItem';
  const cls = 'customerClassId' in u ? findCi(CUSTOMER_CLASSES, (x) => x.id, str(u.customerClassId)) : undefined;
  if ('customerClassId' in u) {
    if (!cls) errors.push(`Customer class '${str(u.customerClassId) ?? ''}' cannot be found in the system (known: ${CUSTOMER_CLASSES.map((x) => x.id).join(', ')}).`);
    else c.customerClassId = cls.id;
  }
  // Class defaults fill what the body leaves empty on create, or everything with overrideWithClassValues.
  const effectiveClass = cls ?? (creating ? CUSTOMER_CLASSES[0] : undefined);
  if (effectiveClass && (creating || u.overrideWithClassValues === true)) {
    c.customerClassId ??= effectiveClass.id;
    if (!('vatZoneId' in u)) c.vatZoneId = creating ? (c.vatZoneId ?? effectiveClass.taxZoneId) : effectiveClass.taxZoneId;
    if (!('creditTermsId' in u)) c.creditTermsId = creating ? (c.creditTermsId ?? effectiveClass.termsId) : effectiveClass.termsId;
    if (!('defaultPaymentMethod' in u)) c.defaultPaymentMethodId = creating ? (c.defaultPaymentMethodId ?? effectiveClass.paymentMethodId) : effectiveClass.paymentMethodId;
  }
  if ('creditTermsId' in u) {
    const t = findCi(CREDIT_TERMS, (x) => x.termsId, str(u.creditTermsId));
    if (u.creditTermsId !== null && !t) errors.push(`Credit terms '${str(u.creditTermsId) ?? ''}' cannot be found in the system.`);
    else c.creditTermsId = t?.termsId ?? null;
  }
  if ('vatZoneId' in u) {
    const z = findCi(VAT_ZONES, (x) => x.id, str(u.vatZoneId));
    if (u.vatZoneId !== null && !z) errors.push(`VAT zone '${str(u.vatZoneId) ?? ''}' cannot be found in the system (known: ${VAT_ZONES.map((x) => x.id).join(', ')}).`);
    else c.vatZoneId = z?.id ?? null;
  }
  if (isRecord(u.defaultPaymentMethod)) {
    const id = str(u.defaultPaymentMethod.paymentMethodId);
    const pm = findCi(PAYMENT_METHODS, (x) => x.paymentMethodID, id);
    if (!pm) errors.push(`Payment method '${id ?? ''}' cannot be found in the system.`);
    else c.defaultPaymentMethodId = pm.paymentMethodID;
  }
  for (const k of FLAG_FIELDS) if (k in u) c.flags[k] = bool(u[k]) ?? false;
  if ('mainAddress' in u) applyAddress(c.mainAddress, u.mainAddress, 'mainAddress', errors);
  if ('invoiceAddress' in u) applyAddress(c.invoiceAddress, u.invoiceAddress, 'invoiceAddress', errors);
  if ('deliveryAddress' in u) applyAddress(c.deliveryAddress, u.deliveryAddress, 'deliveryAddress', errors);
  if ('mainContact' in u) applyContactInfo(c.mainContact, u.mainContact);
  if ('invoiceContact' in u) applyContactInfo(c.invoiceContact, u.invoiceContact);
  if ('deliveryContact' in u) applyContactInfo(c.deliveryContact, u.deliveryContact);
  if (Array.isArray(u.attributeLines)) {
    for (const line of u.attributeLines) {
      if (!isRecord(line)) continue;
      const id = str(line.attributeId);
      if (!id) continue;
      c.attributes = c.attributes.filter((a) => a.id !== id);
      const value = str(line.attributeValue);
      if (value !== null) c.attributes.push({ id, value });
    }
  }
  for (const k of ['eInvoiceContract', 'glAccounts', 'directDebitLines', 'numberOfEmployees', 'excludeDebtCollection']) if (k in u) c.extra[k] = u[k];
  if (!c.name) errors.push(`'Customer name' cannot be empty.`);
  const requiredZone = findCi(CUSTOMER_CLASSES, (x) => x.id, c.customerClassId)?.requiredTaxzoneId;
  if (requiredZone && !c.vatZoneId) errors.push(`'VAT zone ID' cannot be empty for customers of class ${c.customerClassId ?? ''}.`);
  return errors;
}

export function blankContact(index: number, now: number): Contact {
  const stamp = isoStamp(now);
  return {
    contactId: 20000 + index, active: true, title: null, firstName: null, lastName: null, position: null, businessAccount: null, sameAsAccount: false,
    address: emptyAddress(80000 + index), email: null, web: null, phone1: null, phone2: null, phone3: null, fax: null, contactMethod: 'Any',
    doNot: { doNotCall: false, doNotFax: false, doNotEmail: false, doNotMail: false, noMassMail: false, noMarketing: false },
    lastModifiedDateTime: stamp, timeStamp: '',
  };
}

/** `customerExists` checks the business account reference. */
export function applyContactUpdate(c: Contact, u: Unwrapped, customerExists: (number: string) => boolean): string[] {
  const errors: string[] = [];
  for (const k of ['title', 'firstName', 'lastName', 'position', 'email', 'web', 'phone1', 'phone2', 'phone3', 'fax'] as const) if (k in u) c[k] = str(u[k]);
  if ('active' in u) c.active = bool(u.active) ?? true;
  if ('sameAsAccount' in u) c.sameAsAccount = bool(u.sameAsAccount) ?? false;
  if ('contactMethod' in u) c.contactMethod = str(u.contactMethod) ?? 'Any';
  for (const k of Object.keys(c.doNot)) if (k in u) c.doNot[k] = bool(u[k]) ?? false;
  if ('address' in u) applyAddress(c.address, u.address, 'address', errors);
  if ('businessAccount' in u) {
    const ba = str(u.businessAccount);
    if (ba !== null && !customerExists(ba)) errors.push(`Business account '${ba}' cannot be found; link the contact to an existing customer number.`);
    else c.businessAccount = ba;
  }
  if (!c.lastName) errors.push(`'Last name' cannot be empty.`);
  return errors;
}
