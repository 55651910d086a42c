// Request DTOs of customers and contacts.
// Derived mechanically from visma-net-erp-service-api.trimmed.openapi.json (field names, wrapping, enums, nullability).
import { dto, en, lines, plain, segments, wrapped, type DtoSpec } from './dto-spec';
import { AttributeLineUpdateDto } from './dto-items';

export const AddressUpdateDto: DtoSpec = dto('AddressUpdateDto', {
  addressLine1: 'str', addressLine2: 'str', addressLine3: 'str', postalCode: 'str', city: 'str', countryId: 'str',
  county: 'str',
});

export const ContactInfoUpdateDto: DtoSpec = dto('ContactInfoUpdateDto', {
  name: 'str', attention: 'str', email: 'str', web: 'str', phone1: 'str', phone2: 'str', fax: 'str',
});

export const EInvoiceContractUpdateDto: DtoSpec = dto('EInvoiceContractUpdateDto', {
  fInvoiceContractID: 'str', fInvoiceIntermediatorID: 'str',
});

export const CustomerDefaultPaymentMethodUpdateDto: DtoSpec = dto('CustomerDefaultPaymentMethodUpdateDto', {
  paymentMethodId: 'str', isDefault: 'bool',
});

export const CustomerGlAccountsUpdateDto: DtoSpec = dto('CustomerGlAccountsUpdateDto', {
  customerLedgerAccount: 'str', customerLedgerSubaccount: segments(), salesAccount: 'str',
  salesNonTaxableAccount: 'str', salesEuAccount: 'str', salesExportAccount: 'str', salesSubaccount: segments(),
  discountAccount: 'str', discountSubaccount: segments(), freightAccount: 'str', freightSubaccount: segments(),
  cashDiscountAccount: 'str', cashDiscountSubaccount: segments(), prepaymentAccount: 'str',
  prepaymentSubaccount: segments(),
});

export const CustomerDirectDebitUpdateDto: DtoSpec = dto('CustomerDirectDebitUpdateDto', {
  operation: plain(en(['Insert','Update','Delete'])), id: plain('uuid'), mandateId: 'str',
  mandateDescription: 'str', dateOfSignature: 'date', isDefault: 'bool', oneTime: 'bool', bic: 'str', iban: 'str',
  lastCollectionDate: 'date', maxAmount: 'num', expirationDate: 'date', branch: 'str',
});

export const CustomerUpdateDto: DtoSpec = dto('CustomerUpdateDto', {
  number: 'str', name: 'str', status: en(['Active','OnHold','CreditHold','Inactive','OneTime'], true),
  accountReference: 'str', numberOfEmployees: 'int', parentRecordNumber: 'str', currencyId: 'str',
  creditLimit: 'num!', creditDaysPastDue: 'int', overrideWithClassValues: plain('bool'), customerClassId: 'str',
  creditTermsId: 'str', printInvoices: 'bool!', acceptAutoInvoices: 'bool!', sendInvoicesByEmail: 'bool!',
  sendDunningLettersViaEMail: 'bool!', printDunningLetters: 'bool!', printStatements: 'bool!',
  sendStatementsByEmail: 'bool!', printMultiCurrencyStatements: 'bool!', invoiceToDefaultLocation: 'bool',
  vatRegistrationId: 'str', corporateId: 'str', vatZoneId: 'str', gln: 'str', note: 'str',
  mainAddress: wrapped(AddressUpdateDto), mainContact: wrapped(ContactInfoUpdateDto),
  creditVerification: en(['Disabled','DaysPastDue','CreditLimit','LimitAndDaysPastDue'], true),
  invoiceAddress: wrapped(AddressUpdateDto), invoiceContact: wrapped(ContactInfoUpdateDto),
  statementType: en(['OpenItem','BalanceBroughtForward'], true), deliveryAddress: wrapped(AddressUpdateDto),
  deliveryContact: wrapped(ContactInfoUpdateDto), priceClassId: 'str',
  eInvoiceContract: wrapped(EInvoiceContractUpdateDto),
  defaultPaymentMethod: wrapped(CustomerDefaultPaymentMethodUpdateDto),
  glAccounts: wrapped(CustomerGlAccountsUpdateDto), directDebitLines: lines(CustomerDirectDebitUpdateDto),
  attributeLines: lines(AttributeLineUpdateDto), overrideNumberSeries: 'bool!', excludeDebtCollection: 'bool!',
});

export const ContactUpdateDto: DtoSpec = dto('ContactUpdateDto', {
  active: 'bool!', title: en(['Doctor','Miss','Mr','Mrs','Ms','Prof'], true), firstName: 'str', lastName: 'str',
  position: 'str', businessAccount: 'str', sameAsAccount: 'bool!', address: wrapped(AddressUpdateDto), email: 'str',
  web: 'str', phone1: 'str', phone2: 'str', phone3: 'str', fax: 'str',
  contactMethod: en(['Any','Email','Mail','Fax','Phone'], true), doNotCall: 'bool!', doNotFax: 'bool!',
  doNotEmail: 'bool!', doNotMail: 'bool!', noMassMail: 'bool!', noMarketing: 'bool!',
});

