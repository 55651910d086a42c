// Internal record shapes. Responses are rendered from these; timestamps use `isoStamp` form (see dates.ts).

export interface StockRow {
  warehouse: string;
  onHand: number;
  soBooked: number;
  soAllocated: number;
  soShipped: number;
  purchaseOrders: number;
  notAvailable: number;
  lastModified: string;
}

export interface CrossRef {
  alternateType: string;
  alternateID: string;
  description: string | null;
  uom: string | null;
  bAccount: string | null;
}

export interface AttachmentRef {
  id: string;
  name: string;
  revision: number;
}

export interface Item {
  inventoryId: number;
  inventoryNumber: string;
  status: string;
  type: string;
  stockItem: boolean;
  kitItem: boolean;
  description: string | null;
  body: string | null;
  note: string | null;
  itemClass: string | null;
  postingClass: string | null;
  vatCode: string | null;
  defaultPrice: number | null;
  recommendedPrice: number | null;
  currentCost: number | null;
  lastCost: number | null;
  baseUnit: string | null;
  salesUnit: string | null;
  purchaseUnit: string | null;
  defaultWarehouse: string | null;
  crossReferences: CrossRef[];
  attachments: AttachmentRef[];
  attributes: { id: string; value: string }[];
  salesCategories: number[];
  stock: StockRow[];
  packaging: Record<string, unknown> | null;
  intrastat: Record<string, unknown> | null;
  accounts: Record<string, unknown>;
  createdDateTime: string;
  lastModifiedDateTime: string;
  availabilityLastModified: string;
  attachmentLastModified: string;
  timestamp: string;
  extra: Record<string, unknown>;
}

export interface Address {
  addressId: number;
  addressLine1: string | null;
  addressLine2: string | null;
  addressLine3: string | null;
  postalCode: string | null;
  city: string | null;
  countryId: string | null;
  county: string | null;
}

export interface ContactInfo {
  contactId: number;
  name: string | null;
  attention: string | null;
  email: string | null;
  web: string | null;
  phone1: string | null;
  phone2: string | null;
  fax: string | null;
}

export interface Customer {
  internalId: number;
  number: string;
  name: string | null;
  status: string;
  isCompany: boolean;
  accountReference: string | null;
  parentRecordNumber: string | null;
  currencyId: string | null;
  creditLimit: number;
  creditDaysPastDue: number | null;
  creditVerification: string;
  customerClassId: string | null;
  creditTermsId: string | null;
  vatRegistrationId: string | null;
  corporateId: string | null;
  vatZoneId: string | null;
  gln: string | null;
  priceClassId: string | null;
  note: string | null;
  defaultPaymentMethodId: string | null;
  statementType: string;
  mainAddress: Address;
  mainContact: ContactInfo;
  invoiceAddress: Address;
  invoiceContact: ContactInfo;
  deliveryAddress: Address;
  deliveryContact: ContactInfo;
  flags: Record<string, boolean>;
  attributes: { id: string; value: string }[];
  createdDateTime: string;
  lastModifiedDateTime: string;
  timeStamp: string;
  extra: Record<string, unknown>;
}

export interface Contact {
  contactId: number;
  active: boolean;
  title: string | null;
  firstName: string | null;
  lastName: string | null;
  position: string | null;
  businessAccount: string | null;
  sameAsAccount: boolean;
  address: Address;
  email: string | null;
  web: string | null;
  phone1: string | null;
  phone2: string | null;
  phone3: string | null;
  fax: string | null;
  contactMethod: string;
  doNot: Record<string, boolean>;
  lastModifiedDateTime: string;
  timeStamp: string;
}

export interface OrderLine {
  lineId: number;
  sortOrder: number;
  inventoryId: string;
  description: string | null;
  quantity: number;
  shippedQuantity: number;
  unitPrice: number;
  discountPercent: number;
  discountAmount: number;
  hasManualPrice: boolean;
  hasManualDiscount: boolean;
  taxCategoryId: string | null;
  unitOfMeasure: string | null;
  warehouseId: string | null;
  completed: boolean;
  note: string | null;
  extra: Record<string, unknown>;
}

export interface V3Address {
  line1: string | null;
  line2: string | null;
  line3: string | null;
  postalCode: string | null;
  city: string | null;
  countryId: string | null;
  stateId: string | null;
}

export interface V3Contact {
  name: string | null;
  attention: string | null;
  email: string | null;
  phone1: string | null;
}

export interface SalesOrder {
  type: string;
  orderId: string;
  status: string;
  date: string;
  requestOn: string | null;
  cancelBy: string | null;
  description: string | null;
  note: string | null;
  currencyId: string;
  branchId: string;
  customerId: string;
  customerOrder: string | null;
  customerRefNo: string | null;
  contactId: number | null;
  termsId: string | null;
  taxZoneId: string | null;
  billing: { address: V3Address | null; contact: V3Contact | null };
  shipping: { address: V3Address | null; contact: V3Contact | null; settings: Record<string, unknown> };
  financialInformation: Record<string, unknown>;
  paymentSettings: { paymentMethodId: string | null; cashAccountId: string | null; paymentReference: string | null };
  freight: { cost: number; premiumAmount: number; taxCategoryId: string | null };
  print: Record<string, unknown>;
  salesPersonId: string | null;
  ownerId: string | null;
  projectId: string | null;
  lines: OrderLine[];
  nextLineId: number;
  created: string;
  lastModified: string;
  version: string;
}

export interface InvoiceLine {
  lineNumber: number;
  inventoryNumber: string | null;
  description: string | null;
  quantity: number;
  unitPrice: number;
  manualAmount: number | null;
  discountPercent: number;
  discountAmount: number;
  manualDiscount: boolean;
  accountNumber: string | null;
  vatCodeId: string | null;
  uom: string | null;
  branchNumber: string | null;
  note: string | null;
  extra: Record<string, unknown>;
}

export interface CustomerInvoice {
  referenceNumber: string;
  documentType: string;
  status: string;
  hold: boolean;
  released: boolean;
  customerNumber: string;
  documentDate: string;
  documentDueDate: string | null;
  origInvoiceDate: string | null;
  postPeriod: string;
  financialPeriod: string;
  currencyId: string;
  exchangeRate: number;
  externalReference: string | null;
  customerRefNumber: string | null;
  paymentReference: string | null;
  invoiceText: string | null;
  creditTermsId: string | null;
  paymentMethodId: string | null;
  branchNumber: string | null;
  customerVatZoneId: string | null;
  note: string | null;
  cashAccount: string | null;
  lines: InvoiceLine[];
  billingAddress: Record<string, unknown> | null;
  invoiceContact: Record<string, unknown> | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
  timeStamp: string;
  extra: Record<string, unknown>;
}

export interface JournalLine {
  lineNumber: number;
  accountNumber: string | null;
  subaccount: unknown;
  referenceNumber: string | null;
  transactionDescription: string | null;
  debit: number;
  credit: number;
  vatCodeId: string | null;
  vatId: string | null;
  branch: string | null;
  project: string | null;
  projectTask: string | null;
  uom: string | null;
  quantity: number;
  note: string | null;
}

export interface JournalTransaction {
  batchNumber: string;
  module: string;
  status: string;
  hold: boolean;
  transactionDate: string;
  postPeriod: string;
  financialPeriod: string;
  ledger: string;
  currencyId: string;
  exchangeRate: number;
  autoReversing: boolean;
  description: string | null;
  controlTotalInCurrency: number;
  createVatTransaction: boolean;
  skipVatAmountValidation: boolean;
  transactionCode: string | null;
  branch: string;
  lines: JournalLine[];
  createdDateTime: string;
  lastModifiedDateTime: string;
  timeStamp: string;
}
