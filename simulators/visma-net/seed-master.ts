// Static master data of the demo company (reference/visma-net/README.md §6.7), in response-DTO shape.
import { seededVersion } from './etag';

const M = '2024-12-01T09:00:00.000Z'; // lastModifiedDateTime of all master data
const C = '2024-01-02T08:00:00.000Z';

export const COUNTRIES = [
  { id: 'NL', name: 'Nederland' }, { id: 'BE', name: 'België' }, { id: 'DE', name: 'Duitsland' },
  { id: 'FR', name: 'Frankrijk' }, { id: 'GB', name: 'Verenigd Koninkrijk' }, { id: 'US', name: 'Verenigde Staten' },
  { id: 'NO', name: 'Noorwegen' }, { id: 'LU', name: 'Luxemburg' },
];

export function countryRef(id: string | null): { id: string; name: string | null } | null {
  if (!id) return null;
  return { id, name: COUNTRIES.find((c) => c.id.toLowerCase() === id.toLowerCase())?.name ?? null };
}

export const CURRENCIES = [
  { id: 'EUR', description: 'Euro', symbol: '€', isBaseCurrency: true, decimalPrecision: 2, isUsedForAccounting: true },
  { id: 'USD', description: 'US Dollar', symbol: '$', isBaseCurrency: false, decimalPrecision: 2, isUsedForAccounting: true },
  { id: 'GBP', description: 'Pound Sterling', symbol: '£', isBaseCurrency: false, decimalPrecision: 2, isUsedForAccounting: true },
];

export const PAYMENT_METHODS = [
  { paymentMethodID: 'IDEAL', active: true, meansOfPayment: 'DirectDeposit', description: 'iDEAL', useInAP: false },
  { paymentMethodID: 'BANK', active: true, meansOfPayment: 'DirectDeposit', description: 'Bankoverschrijving', useInAP: true },
  { paymentMethodID: 'PAYPAL', active: true, meansOfPayment: 'DirectDeposit', description: 'PayPal', useInAP: false },
  { paymentMethodID: 'CC', active: true, meansOfPayment: 'CreditCard', description: 'Creditcard', useInAP: false },
  { paymentMethodID: 'CASH', active: false, meansOfPayment: 'CashOrCheck', description: 'Contant (niet meer in gebruik)', useInAP: false },
].map((p) => ({ ...p, details: [{ detailID: 'ACCT', description: 'Rekeningnummer', bankingDetailType: 'IBAN' }] }));

export const CREDIT_TERMS = [
  { termsId: '14D', description: '14 dagen netto', dueDay1: 14 },
  { termsId: '30D', description: '30 dagen netto', dueDay1: 30 },
  { termsId: 'DIRECT', description: 'Direct betalen', dueDay1: 0 },
].map((t) => ({
  ...t, visibleTo: 'AL', dueDateType: 'N', moveDueDateIfOnTheWeekend: '1', dueDay1DayFrom1: 0, dueDay1DayTo1: 0, dueDay2: 0,
  dueDay2DayFrom1: 0, dueDay2DayTo1: 0, discountType: 'N', discountDay: 0, discountPercent: 0, delayDays: 0, calculationType: 'G',
  instalmentType: 'S', numberOfInstalments: 1, instalmentFrequency: 'M', instalmentMethod: 'E', instalmentsSchedule: [],
  createdDateTime: C, lastModifiedDateTime: M,
}));

export const CARRIERS = [
  { carrierId: 'POSTNL', carrierDescription: 'PostNL pakket' }, { carrierId: 'DHL', carrierDescription: 'DHL Parcel' },
  { carrierId: 'DPD', carrierDescription: 'DPD Classic' }, { carrierId: 'PICKUP', carrierDescription: 'Afhalen in de winkel' },
].map((c) => ({ ...c, lastModifiedDateTime: M }));

export const BRANCHES = [{
  branchId: 1, number: '1', name: 'Koppel Demo B.V.', organizationId: 1, isMainBranch: true, isActive: true, lastModifiedDateTime: M,
  corporateId: '87654321', vatRegistrationId: 'NL001234567B01',
  mainAddress: { addressId: 1, addressLine1: 'Stationsplein 1', addressLine2: null, addressLine3: null, postalCode: '3511 ED', city: 'Utrecht', country: { id: 'NL', name: 'Nederland' }, county: null },
  mainContact: { contactId: 1, name: 'Koppel Demo B.V.', attention: null, email: 'administratie@example.com', web: 'https://example.com', phone1: '030 123 4567', phone2: null, fax: null },
  deliveryAddress: null, deliveryContact: null, defaultCountry: { id: 'NL', name: 'Nederland' }, industryCode: null,
  currency: { id: 'EUR', description: 'Euro', symbol: '€' }, vatZone: { id: 'NL', description: 'Binnenland' },
  ledger: { id: 'L', description: 'Grootboek' },
  bankSettings: { bankName: 'Demo Bank', bankAddress1: null, bankAddress2: null, bankAddress3: null, bankCountry: 'NL', iban: 'NL00DEMO0123456789', bban: null, bbaN2: null, bbaN3: null, bic: 'DEMONL2A', creditorId: null },
}];

export const LEDGERS = [
  { internalId: 1, number: 'L', description: 'Grootboek', balanceType: 'Actual', currencyId: 'EUR', consolidationSource: false, consolBranch: null, branchAccounting: false, lastModifiedDateTime: M, postInterCompany: false },
];

type AccountType = 'Asset' | 'Liability' | 'Income' | 'Expense';
const account = (id: number, cd: string, type: AccountType, description: string, taxCategory: string | null = null) => ({
  accountID: id, accountCD: cd, accountGroupCD: null, accountClass: type.toUpperCase(), type, active: true, description,
  accountClassDescription: type, useDefaultSub: false, postOption: 'Summary', currency: null, taxCategory, cashAccount: cd.startsWith('11'),
  publicCode1: null, lastModifiedDateTime: M, externalCode1Info: null, externalCode2Info: null, analisysCodeInfo: null,
  controlAccountModule: cd === '1300' ? 'AR' : null, allowManualEntry: cd !== '1300', timeStamp: seededVersion(90, id),
});

export const ACCOUNTS = [
  account(1, '1100', 'Asset', 'Bank'), account(2, '1110', 'Asset', 'Tussenrekening iDEAL'), account(3, '1120', 'Asset', 'Tussenrekening PayPal'),
  account(4, '1300', 'Asset', 'Debiteuren'), account(5, '1500', 'Liability', 'Af te dragen BTW'), account(6, '1510', 'Asset', 'Te vorderen BTW'),
  account(7, '1600', 'Liability', 'Crediteuren'), account(8, '3000', 'Asset', 'Voorraad'), account(9, '7000', 'Expense', 'Kostprijs omzet'),
  account(10, '8000', 'Income', 'Omzet hoog tarief', '01'), account(11, '8010', 'Income', 'Omzet laag tarief', '02'),
  account(12, '8020', 'Income', 'Omzet nultarief', '03'), account(13, '8030', 'Income', 'Omzet EU (ICP)'),
  account(14, '8040', 'Income', 'Omzet export'), account(15, '8050', 'Income', 'Verzendkosten', '01'),
  account(16, '8060', 'Income', 'Betalingskosten', '01'), account(17, '8090', 'Income', 'Kortingen'),
  account(18, '4600', 'Expense', 'Transactiekosten betaalproviders'), account(19, '8095', 'Income', 'Afrondingsverschillen', '04'),
];

export function accountRef(cd: string | null): Record<string, unknown> | null {
  const a = ACCOUNTS.find((x) => x.accountCD === cd);
  return a ? { type: a.type, externalCode1: null, externalCode2: null, active: a.active, number: a.accountCD, description: a.description } : null;
}

/** `termsId` is the class default for credit terms (not part of CustomerClassDto, so not rendered). */
export const CUSTOMER_CLASSES = [
  { id: 'PRIV', description: 'Particulier', taxZoneId: 'NL', requiredTaxzoneId: false, paymentMethodId: 'IDEAL', termsId: 'DIRECT' },
  { id: 'ZAK', description: 'Zakelijk', taxZoneId: 'NL', requiredTaxzoneId: true, paymentMethodId: 'BANK', termsId: '30D' },
  { id: 'EU', description: 'Zakelijk EU', taxZoneId: 'EU', requiredTaxzoneId: true, paymentMethodId: 'BANK', termsId: '30D' },
];

export function customerClassDto(c: (typeof CUSTOMER_CLASSES)[number]): Record<string, unknown> {
  return { id: c.id, description: c.description, taxZoneId: c.taxZoneId, requiredTaxzoneId: c.requiredTaxzoneId, paymentMethodId: c.paymentMethodId, attributes: [] };
}

const details = (...ids: [string, string][]) => ids.map(([id, description]) => ({ id, description }));
export const ATTRIBUTE_DEFS = [
  { attributeID: 'SIZE', description: 'Maat', controlType: 'Combo', values: details(['XS', 'Extra small'], ['S', 'Small'], ['M', 'Medium'], ['L', 'Large'], ['XL', 'Extra large']) },
  { attributeID: 'COLOR', description: 'Kleur', controlType: 'Combo', values: details(['RED', 'Rood'], ['BLUE', 'Blauw'], ['BLACK', 'Zwart'], ['WHITE', 'Wit'], ['GREEN', 'Groen']) },
  { attributeID: 'WEBSHOP', description: 'Tonen in webshop', controlType: 'Checkbox', values: details(['1', 'Ja'], ['0', 'Nee']) },
  { attributeID: 'BRAND', description: 'Merk', controlType: 'Text', values: [] },
];

export function attributeDto(a: (typeof ATTRIBUTE_DEFS)[number]): Record<string, unknown> {
  return {
    attributeID: a.attributeID, description: a.description, controlType: a.controlType, internal: false, entryMask: null, regExp: null,
    details: a.values.map((v, i) => ({ valueId: v.id, description: v.description, sortOrder: i + 1, disabled: false })),
    createdDateTime: C, lastModifiedDateTime: M,
  };
}

function classAttribute(id: string, sortOrder: number, required: boolean): Record<string, unknown> {
  const a = ATTRIBUTE_DEFS.find((x) => x.attributeID === id);
  return { attributeId: id, description: a?.description ?? null, sortOrder, required, attributeType: a?.controlType ?? 'Text', defaultValue: id === 'WEBSHOP' ? '1' : null, details: a?.values ?? [] };
}

export const ITEM_CLASSES = [
  { id: 'KLEDING', description: 'Kleding', type: 'FinishedGoodItem', attributes: [classAttribute('SIZE', 1, true), classAttribute('COLOR', 2, true), classAttribute('WEBSHOP', 3, false)] },
  { id: 'ALG', description: 'Algemene artikelen', type: 'FinishedGoodItem', attributes: [classAttribute('WEBSHOP', 1, false), classAttribute('BRAND', 2, false)] },
  { id: 'BOEK', description: 'Boeken en media', type: 'FinishedGoodItem', attributes: [classAttribute('WEBSHOP', 1, false)] },
  { id: 'DIENST', description: 'Diensten', type: 'ServiceItem', attributes: [] },
];

export const POSTING_CLASSES = [{ id: 'STD', description: 'Standaard boekingsklasse' }];

export interface SalesCategoryDef {
  categoryID: number;
  description: string;
  parentID: number;
  sortOrder: number;
}

export const SALES_CATEGORIES: SalesCategoryDef[] = [
  { categoryID: 1, description: 'Kleding', parentID: 0, sortOrder: 1 },
  { categoryID: 2, description: 'T-shirts', parentID: 1, sortOrder: 1 },
  { categoryID: 3, description: 'Hoodies en truien', parentID: 1, sortOrder: 2 },
  { categoryID: 4, description: 'Accessoires', parentID: 0, sortOrder: 2 },
  { categoryID: 5, description: 'Petten', parentID: 4, sortOrder: 1 },
  { categoryID: 6, description: 'Sokken', parentID: 4, sortOrder: 2 },
  { categoryID: 7, description: 'Boeken', parentID: 0, sortOrder: 3 },
  { categoryID: 8, description: 'Overig', parentID: 0, sortOrder: 4 },
];

export function salesCategoryDto(c: SalesCategoryDef): Record<string, unknown> {
  return { ...c, subCategories: SALES_CATEGORIES.filter((s) => s.parentID === c.categoryID).map(salesCategoryDto) };
}

export const WAREHOUSES = [
  { id: 'MAIN', description: 'Hoofdmagazijn Utrecht', city: 'Utrecht', internalId: 1 },
  { id: 'EXTERN', description: 'Fulfilmentpartner Tilburg', city: 'Tilburg', internalId: 2 },
].map((w) => ({
  ...w,
  dto: {
    warehouseID: w.id, branch: { number: '1', name: 'Koppel Demo B.V.' }, replenishmentClass: null, active: true, lockSitePICountEntry: false,
    description: w.description, locationEntry: 'Validate', avgDefaultCost: 'AverageCost', fifoDefaultCost: 'AverageCost',
    receiptLocation: { id: 'R1', description: 'Ontvangst' }, shipLocation: { id: 'A1', description: 'Voorraadlocatie A1' }, returnLocation: null, dropShipLocation: null,
    contact: { contactId: 10 + w.internalId, companyName: 'Koppel Demo B.V.', attention: null, email: 'magazijn@example.com', web: null, phone1: null, phone2: null, fax: null },
    address: { addressId: 10 + w.internalId, addressType: 'Business', validated: true, addressLine1: 'Industrieweg 1', addressLine2: null, city: w.city, country: { id: 'NL', name: 'Nederland' }, county: null, postalCode: '1234 AB' },
    locations: [{ locationId: 'A1', description: 'Voorraadlocatie A1', active: true, inclQtyAvail: true, isCosted: false, salesValid: true, receiptsValid: true, transfersValid: true, assemblyValid: true, primaryItemValid: 'PrimaryNothing', primaryItem: null, primaryItemClass: null, project: null, projectTask: null }],
    timestamp: seededVersion(91, w.internalId),
  },
}));

export const ORDER_TYPES = [
  { orderType: 'SO', active: true, description: 'Verkooporder', behavior: 'SalesOrder', defaultOperation: 'Issue', customerDocumentType: 'Invoice', manualNumbering: false },
  { orderType: 'QT', active: true, description: 'Offerte', behavior: 'Quote', defaultOperation: 'Issue', customerDocumentType: 'NoUpdate', manualNumbering: false },
  { orderType: 'CM', active: true, description: 'Creditorder', behavior: 'CreditMemo', defaultOperation: 'Receipt', customerDocumentType: 'CreditMemo', manualNumbering: false },
  { orderType: 'MO', active: true, description: 'Handmatig genummerde order', behavior: 'SalesOrder', defaultOperation: 'Issue', customerDocumentType: 'Invoice', manualNumbering: true },
  { orderType: 'XX', active: false, description: 'Oud ordertype (inactief)', behavior: 'SalesOrder', defaultOperation: 'Issue', customerDocumentType: 'Invoice', manualNumbering: false },
];

export const SALES_PERSONS = ['JANSEN', 'DEVRIES'];

export function findCi<T>(items: readonly T[], key: (t: T) => string, id: string | null | undefined): T | undefined {
  if (id === null || id === undefined) return undefined;
  const lower = id.toLowerCase();
  return items.find((t) => key(t).toLowerCase() === lower);
}
