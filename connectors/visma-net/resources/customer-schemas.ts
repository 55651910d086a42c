import { z } from 'zod';
import type { WrapSpec } from '../wrap';
import { addressSchema, bool, contactInfoSchema, dateInput, idDescription, int, num, numberName, str, withMetadata } from './support';

// ---- responses (CustomerDto / ContactDto, reference/visma-net/README.md §6.2) ----

export const customerSchema = z.looseObject({
  internalId: int,
  number: str,
  name: str,
  status: str,
  mainAddress: addressSchema.nullish(),
  mainContact: contactInfoSchema.nullish(),
  invoiceAddress: addressSchema.nullish(),
  invoiceContact: contactInfoSchema.nullish(),
  deliveryAddress: addressSchema.nullish(),
  deliveryContact: contactInfoSchema.nullish(),
  accountReference: str,
  parentRecord: numberName.nullish(),
  customerClass: idDescription.nullish(),
  creditTerms: idDescription.nullish(),
  currencyId: str,
  creditVerification: str,
  creditLimit: num,
  creditDaysPastDue: int,
  vatRegistrationId: str,
  corporateId: str,
  gln: str,
  vatZone: z.looseObject({ id: str, description: str, defaultVatCategory: str }).nullish(),
  location: z.looseObject({ countryId: str, id: str, name: str }).nullish(),
  priceClass: idDescription.nullish(),
  attributes: z.array(z.looseObject({ id: str, value: str, description: str })).nullish(),
  defaultPaymentMethodId: str,
  sendInvoicesByEmail: bool,
  printInvoices: bool,
  acceptAutoInvoices: bool,
  lastModifiedDateTime: str,
  createdDateTime: str,
  timeStamp: str,
  ...withMetadata,
});
export type Customer = z.infer<typeof customerSchema>;

export const contactSchema = z.looseObject({
  contactId: int,
  displayName: str,
  active: bool,
  title: str,
  firstName: str,
  lastName: str,
  position: str,
  businessAccount: str,
  businessAccountType: str,
  sameAsAccount: bool,
  address: addressSchema.nullish(),
  email: str,
  web: str,
  phone1: str,
  phone2: str,
  phone3: str,
  fax: str,
  lastModifiedDateTime: str,
  timeStamp: str,
  ...withMetadata,
});
export type Contact = z.infer<typeof contactSchema>;

export const classAttributeSchema = z.looseObject({
  attributeId: str,
  description: str,
  sortOrder: int,
  required: bool,
  attributeType: str,
  defaultValue: str,
  details: z.array(idDescription).nullish(),
});

export const customerClassSchema = z.looseObject({
  id: str,
  description: str,
  taxZoneId: str,
  requiredTaxzoneId: bool,
  paymentMethodId: str,
  attributes: z.array(classAttributeSchema).nullish(),
});
export type CustomerClass = z.infer<typeof customerClassSchema>;

// ---- writes (CustomerUpdateDto / ContactUpdateDto, wrapped) ----

const text = z.string().nullish();
export const addressInputSchema = z.strictObject({
  addressLine1: text,
  addressLine2: text,
  addressLine3: text,
  postalCode: text,
  city: text,
  countryId: text,
  county: text,
});
export type AddressInput = z.input<typeof addressInputSchema>;

export const contactInfoInputSchema = z.strictObject({
  name: text,
  attention: text,
  email: text,
  web: text,
  phone1: text,
  phone2: text,
  fax: text,
});
export type ContactInfoInput = z.input<typeof contactInfoInputSchema>;

const segments = z.array(z.strictObject({ segmentId: z.number().int(), segmentValue: z.string() })).nullish();

export const customerInputSchema = z.strictObject({
  number: text,
  name: text,
  status: z.enum(['Active', 'OnHold', 'CreditHold', 'Inactive', 'OneTime']).nullish(),
  accountReference: text,
  numberOfEmployees: z.number().int().nullish(),
  parentRecordNumber: text,
  currencyId: text,
  creditLimit: z.number().nullish(),
  creditDaysPastDue: z.number().int().nullish(),
  /** Sent unwrapped (a plain boolean in CustomerUpdateDto). */
  overrideWithClassValues: z.boolean().nullish(),
  customerClassId: text,
  creditTermsId: text,
  printInvoices: z.boolean().nullish(),
  acceptAutoInvoices: z.boolean().nullish(),
  sendInvoicesByEmail: z.boolean().nullish(),
  sendDunningLettersViaEMail: z.boolean().nullish(),
  printDunningLetters: z.boolean().nullish(),
  printStatements: z.boolean().nullish(),
  sendStatementsByEmail: z.boolean().nullish(),
  printMultiCurrencyStatements: z.boolean().nullish(),
  invoiceToDefaultLocation: z.boolean().nullish(),
  vatRegistrationId: text,
  corporateId: text,
  vatZoneId: text,
  gln: text,
  note: text,
  mainAddress: addressInputSchema.nullish(),
  mainContact: contactInfoInputSchema.nullish(),
  creditVerification: z.enum(['Disabled', 'DaysPastDue', 'CreditLimit', 'LimitAndDaysPastDue']).nullish(),
  invoiceAddress: addressInputSchema.nullish(),
  invoiceContact: contactInfoInputSchema.nullish(),
  statementType: z.enum(['OpenItem', 'BalanceBroughtForward']).nullish(),
  deliveryAddress: addressInputSchema.nullish(),
  deliveryContact: contactInfoInputSchema.nullish(),
  priceClassId: text,
  eInvoiceContract: z.strictObject({ fInvoiceContractID: text, fInvoiceIntermediatorID: text }).nullish(),
  defaultPaymentMethod: z.strictObject({ paymentMethodId: text, isDefault: z.boolean().nullish() }).nullish(),
  glAccounts: z
    .strictObject({
      customerLedgerAccount: text,
      customerLedgerSubaccount: segments,
      salesAccount: text,
      salesNonTaxableAccount: text,
      salesEuAccount: text,
      salesExportAccount: text,
      salesSubaccount: segments,
      discountAccount: text,
      discountSubaccount: segments,
      freightAccount: text,
      freightSubaccount: segments,
      cashDiscountAccount: text,
      cashDiscountSubaccount: segments,
      prepaymentAccount: text,
      prepaymentSubaccount: segments,
    })
    .nullish(),
  directDebitLines: z
    .array(
      z.strictObject({
        operation: z.enum(['Insert', 'Update', 'Delete']),
        id: text,
        mandateId: text,
        mandateDescription: text,
        dateOfSignature: dateInput.nullish(),
        isDefault: z.boolean().nullish(),
        oneTime: z.boolean().nullish(),
        bic: text,
        iban: text,
        lastCollectionDate: dateInput.nullish(),
        maxAmount: z.number().nullish(),
        expirationDate: dateInput.nullish(),
        branch: text,
      }),
    )
    .nullish(),
  attributeLines: z.array(z.strictObject({ attributeId: z.string(), attributeValue: text })).nullish(),
  overrideNumberSeries: z.boolean().nullish(),
  excludeDebtCollection: z.boolean().nullish(),
});
export type CustomerInput = z.input<typeof customerInputSchema>;

const segmentsRaw: WrapSpec = {
  customerLedgerSubaccount: 'raw',
  salesSubaccount: 'raw',
  discountSubaccount: 'raw',
  freightSubaccount: 'raw',
  cashDiscountSubaccount: 'raw',
  prepaymentSubaccount: 'raw',
};

export const customerWrapSpec: WrapSpec = {
  overrideWithClassValues: 'raw',
  glAccounts: { fields: segmentsRaw },
  // The direct-debit line `id` is a plain uuid; the rest of the line is wrapped.
  directDebitLines: { fields: { id: 'raw' } },
};

export const contactInputSchema = z.strictObject({
  active: z.boolean().nullish(),
  title: z.enum(['Doctor', 'Miss', 'Mr', 'Mrs', 'Ms', 'Prof']).nullish(),
  firstName: text,
  lastName: text,
  position: text,
  /** The customer number the contact belongs to. */
  businessAccount: text,
  sameAsAccount: z.boolean().nullish(),
  address: addressInputSchema.nullish(),
  email: text,
  web: text,
  phone1: text,
  phone2: text,
  phone3: text,
  fax: text,
  contactMethod: z.enum(['Any', 'Email', 'Mail', 'Fax', 'Phone']).nullish(),
  doNotCall: z.boolean().nullish(),
  doNotFax: z.boolean().nullish(),
  doNotEmail: z.boolean().nullish(),
  doNotMail: z.boolean().nullish(),
  noMassMail: z.boolean().nullish(),
  noMarketing: z.boolean().nullish(),
});
export type ContactInput = z.input<typeof contactInputSchema>;
