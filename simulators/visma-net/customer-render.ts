// Renders customers (CustomerDto) and contacts (ContactDto) of the main API.
import type { Address, Contact, ContactInfo, Customer } from './model';
import { countryRef, CREDIT_TERMS, CUSTOMER_CLASSES, findCi } from './seed-master';
import { VAT_ZONES, vatZoneDto } from './seed-vat';

export function renderAddress(a: Address): Record<string, unknown> {
  return {
    addressId: a.addressId, addressLine1: a.addressLine1, addressLine2: a.addressLine2, addressLine3: a.addressLine3,
    postalCode: a.postalCode, city: a.city, country: countryRef(a.countryId), county: a.county ? { id: a.county, name: a.county } : null,
  };
}

export function renderContactInfo(c: ContactInfo): Record<string, unknown> {
  return { ...c };
}

export interface CustomerExpands {
  accountInformation: boolean;
  paymentMethods: boolean;
  directDebit: boolean;
}

export function renderCustomer(c: Customer, ex: CustomerExpands): Record<string, unknown> {
  const cls = findCi(CUSTOMER_CLASSES, (x) => x.id, c.customerClassId);
  const terms = findCi(CREDIT_TERMS, (t) => t.termsId, c.creditTermsId);
  const zone = findCi(VAT_ZONES, (z) => z.id, c.vatZoneId);
  const out: Record<string, unknown> = {
    internalId: c.internalId,
    number: c.number,
    name: c.name,
    status: c.status,
    mainAddress: renderAddress(c.mainAddress),
    mainContact: renderContactInfo(c.mainContact),
    accountReference: c.accountReference,
    parentRecord: c.parentRecordNumber ? { number: c.parentRecordNumber, name: null } : null,
    customerClass: cls ? { id: cls.id, description: cls.description } : null,
    creditTerms: terms ? { id: terms.termsId, description: terms.description } : null,
    currencyId: c.currencyId,
    creditVerification: c.creditVerification,
    creditLimit: c.creditLimit,
    creditDaysPastDue: c.creditDaysPastDue,
    invoiceAddress: renderAddress(c.invoiceAddress),
    invoiceContact: renderContactInfo(c.invoiceContact),
    ...c.flags,
    statementType: c.statementType,
    deliveryAddress: renderAddress(c.deliveryAddress),
    deliveryContact: renderContactInfo(c.deliveryContact),
    vatRegistrationId: c.vatRegistrationId,
    corporateId: c.corporateId,
    gln: c.gln,
    vatZone: zone ? { ...vatZoneDto(zone), errorInfo: null } : null,
    location: { countryId: c.mainAddress.countryId, id: 'MAIN', name: 'Primaire locatie' },
    attributes: c.attributes.map((a) => ({ id: a.id, value: a.value, description: null })),
    lastModifiedDateTime: c.lastModifiedDateTime,
    createdDateTime: c.createdDateTime,
    priceClass: c.priceClassId ? { id: c.priceClassId, description: null } : null,
    eInvoiceContract: c.extra.eInvoiceContract ?? null,
    defaultPaymentMethodId: c.defaultPaymentMethodId,
    numberOfEmployees: c.extra.numberOfEmployees ?? null,
    excludeDebtCollection: c.extra.excludeDebtCollection ?? false,
    note: c.note,
    timeStamp: c.timeStamp,
    errorInfo: null,
  };
  if (ex.directDebit) out.directDebitLines = c.extra.directDebitLines ?? [];
  if (ex.accountInformation) {
    out.glAccounts = { customerLedgerAccount: { type: 'Asset', number: '1300', description: 'Debiteuren' }, salesAccount: { type: 'Income', number: '8000', description: 'Omzet hoog tarief' } };
  }
  if (ex.paymentMethods) out.paymentMethods = c.defaultPaymentMethodId ? [{ paymentMethodId: c.defaultPaymentMethodId, isDefault: true }] : [];
  return out;
}

export function renderContact(c: Contact): Record<string, unknown> {
  return {
    displayName: [c.firstName, c.lastName].filter(Boolean).join(' '),
    active: c.active,
    title: c.title,
    firstName: c.firstName,
    lastName: c.lastName,
    position: c.position,
    businessAccount: c.businessAccount,
    businessAccountType: c.businessAccount ? 'Customer' : null,
    sameAsAccount: c.sameAsAccount,
    address: renderAddress(c.address),
    email: c.email,
    web: c.web,
    phone1: c.phone1,
    phone2: c.phone2,
    phone3: c.phone3,
    fax: c.fax,
    contactMethod: c.contactMethod,
    ...c.doNot,
    lastModifiedDateTime: c.lastModifiedDateTime,
    contactId: c.contactId,
    timeStamp: c.timeStamp,
    errorInfo: null,
  };
}
