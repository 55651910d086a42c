// Request DTOs of customer invoices and journal transactions.
// Derived mechanically from visma-net-erp-service-api.trimmed.openapi.json (field names, wrapping, enums, nullability).
import { dto, en, lines, plain, plainObj, segments, wrapped, type DtoSpec } from './dto-spec';

export const RotRutDistributionUpdateDto: DtoSpec = dto('RotRutDistributionUpdateDto', {
  operation: plain(en(['Insert','Update','Delete'])), lineNbr: 'int', personalId: 'str', amount: 'num',
  extra: 'bool',
});

export const RotRutUpdateDto: DtoSpec = dto('RotRutUpdateDto', {
  distributedAutomaticaly: 'bool', type: en(['Rut','Rot']), appartment: 'str', estate: 'str', organizationNbr: 'str',
  distribution: lines(RotRutDistributionUpdateDto),
});

export const TaxDetailUpdateDto: DtoSpec = dto('TaxDetailUpdateDto', {
  taxId: 'str', taxableAmount: 'num', vatAmount: 'num',
});

export const CustomerInvoiceLinesUpdateDto: DtoSpec = dto('CustomerInvoiceLinesUpdateDto', {
  discountCode: 'str', domesticServicesDeductible: 'bool', itemType: en(['Service','MaterialCost','OtherCost']),
  typeOfWork: 'str', taskId: 'str', startDate: 'date', endDate: 'date',
  operation: plain(en(['Insert','Update','Delete'])), inventoryNumber: 'str', lineNumber: 'int!',
  description: 'str', quantity: 'num!', unitPriceInCurrency: 'num!', manualAmountInCurrency: 'num!',
  accountNumber: 'str', vatCodeId: 'str', uom: 'str', discountPercent: 'num!', discountAmountInCurrency: 'num!',
  manualDiscount: 'bool!', subaccount: segments(), salesperson: 'str', deferralSchedule: 'int!', deferralCode: 'str',
  termStartDate: 'date!', termEndDate: 'date!', note: 'str', branchNumber: 'str',
});

export const SalesInvoiceAddressUpdateDto: DtoSpec = dto('SalesInvoiceAddressUpdateDto', {
  overrideAddress: 'bool', addressLine1: 'str', addressLine2: 'str', addressLine3: 'str', postalCode: 'str',
  city: 'str', countryId: 'str', county: 'str',
});

export const SalesInvoiceContactUpdateDto: DtoSpec = dto('SalesInvoiceContactUpdateDto', {
  overrideContact: 'bool', name: 'str', attention: 'str', email: 'str', phone1: 'str',
});

export const CustomerInvoiceUpdateDto: DtoSpec = dto('CustomerInvoiceUpdateDto', {
  paymentMethodId: 'str', creditTermsId: 'str', currencyId: 'str', customerRefNumber: 'str',
  cashDiscountDate: 'date!', documentDueDate: 'date!', externalReference: 'str', customerProject: 'str',
  exchangeRate: 'num!', domesticServicesDeductibleDocument: 'bool', rotRutDetails: plainObj(RotRutUpdateDto),
  paymentReference: 'str', contact: 'int', project: 'str', taxDetailLines: lines(TaxDetailUpdateDto),
  invoiceLines: lines(CustomerInvoiceLinesUpdateDto), sendToAutoInvoice: 'bool', customerVatZoneId: 'str',
  billingAddress: wrapped(SalesInvoiceAddressUpdateDto), invoiceContact: wrapped(SalesInvoiceContactUpdateDto),
  startDate: 'date', endDate: 'date', accountingCostRef: 'str', originatorDocRef: 'str', contractDocRef: 'str',
  revoked: 'bool!', overrideNumberSeries: 'bool', directDebitMandateId: 'uuid', excludeDebtCollection: 'bool!',
  debtCollectionCaseNbr: 'str', debtCollectionCaseStatus: 'str', debtCollectionCaseType: 'str',
  debtCollectionCaseUrl: 'str', referenceNumber: 'str', customerNumber: 'str', childCustomerNumber: 'str',
  consolidateInvoices: 'bool', documentDate: 'date!', origInvoiceDate: 'date!', hold: 'bool!', postPeriod: 'str',
  financialPeriod: 'str', invoiceText: 'str', locationId: 'str', salesPersonID: 'int', salesperson: 'str',
  note: 'str', branchNumber: 'str', cashAccount: 'str', dontPrint: 'bool!', dontEmail: 'bool!',
});

export const JournalTransactionLineUpdateDto: DtoSpec = dto('JournalTransactionLineUpdateDto', {
  operation: plain(en(['Insert','Update','Delete'])), lineNumber: 'int!', accountNumber: 'str',
  subaccount: segments(), project: 'str', projectTask: 'str', referenceNumber: 'str', transactionDescription: 'str',
  debitAmountInCurrency: 'num!', creditAmountInCurrency: 'num!', vatCodeId: 'str', vatId: 'str', branch: 'str',
  uom: 'str', quantity: 'num!', note: 'str',
});

export const JournalTransactionUpdateDto: DtoSpec = dto('JournalTransactionUpdateDto', {
  batchNumber: 'str', hold: 'bool!', transactionDate: 'date!', postPeriod: 'str', financialPeriod: 'str',
  ledger: 'str', currencyId: 'str', exchangeRate: 'num!', autoReversing: 'bool!', description: 'str',
  controlTotalInCurrency: 'num!', createVatTransaction: 'bool!', skipVatAmountValidation: 'bool!',
  transactionCode: 'str', branch: 'str', overrideNumberSeries: 'bool!',
  journalTransactionLines: lines(JournalTransactionLineUpdateDto),
});

