// VAT master data (reference/visma-net/README.md §6.6): VAT ids with rates, VAT categories (item level) and VAT zones (customer level).
// The VAT id for a document line is the one VAT id shared by the customer's zone and the line's category [C S11].

export interface VatDef {
  vatId: string;
  description: string;
  rate: number;
  type: 'Vat' | 'ExemptVat' | 'ReverseVat';
  reverseVat: boolean;
  xml: 'VatTypeHigh' | 'VatTypeMedium' | 'VatTypeLow' | 'VatTypeZero' | 'VatTypeExempt';
  euReportCode: 'SalesOfGoods' | null;
}

export const VATS: VatDef[] = [
  { vatId: 'NLH', description: 'NL BTW hoog 21%', rate: 21, type: 'Vat', reverseVat: false, xml: 'VatTypeHigh', euReportCode: null },
  { vatId: 'NLL', description: 'NL BTW laag 9%', rate: 9, type: 'Vat', reverseVat: false, xml: 'VatTypeLow', euReportCode: null },
  { vatId: 'NL0', description: 'NL BTW 0%', rate: 0, type: 'Vat', reverseVat: false, xml: 'VatTypeZero', euReportCode: null },
  { vatId: 'BEH', description: 'BE TVA/BTW 21% (OSS)', rate: 21, type: 'Vat', reverseVat: false, xml: 'VatTypeHigh', euReportCode: null },
  { vatId: 'BEL', description: 'BE TVA/BTW 6% (OSS)', rate: 6, type: 'Vat', reverseVat: false, xml: 'VatTypeLow', euReportCode: null },
  { vatId: 'DEH', description: 'DE MwSt 19% (OSS)', rate: 19, type: 'Vat', reverseVat: false, xml: 'VatTypeHigh', euReportCode: null },
  { vatId: 'DEL', description: 'DE MwSt 7% (OSS)', rate: 7, type: 'Vat', reverseVat: false, xml: 'VatTypeLow', euReportCode: null },
  { vatId: 'FRH', description: 'FR TVA 20% (OSS)', rate: 20, type: 'Vat', reverseVat: false, xml: 'VatTypeHigh', euReportCode: null },
  { vatId: 'FRL', description: 'FR TVA 5,5% (OSS)', rate: 5.5, type: 'Vat', reverseVat: false, xml: 'VatTypeLow', euReportCode: null },
  { vatId: 'ICP', description: 'Intracommunautaire levering, BTW verlegd', rate: 0, type: 'ReverseVat', reverseVat: true, xml: 'VatTypeZero', euReportCode: 'SalesOfGoods' },
  { vatId: 'EXP', description: 'Export buiten de EU 0%', rate: 0, type: 'ExemptVat', reverseVat: false, xml: 'VatTypeExempt', euReportCode: null },
  { vatId: 'GEEN', description: 'Geen BTW (afrondingen, buiten de BTW)', rate: 0, type: 'ExemptVat', reverseVat: false, xml: 'VatTypeExempt', euReportCode: null },
];

export interface VatCategoryDef {
  id: string;
  description: string;
  vatIds: string[];
}

export const VAT_CATEGORIES: VatCategoryDef[] = [
  { id: '01', description: 'Hoog tarief', vatIds: ['NLH', 'BEH', 'DEH', 'FRH', 'ICP', 'EXP'] },
  { id: '02', description: 'Laag tarief', vatIds: ['NLL', 'BEL', 'DEL', 'FRL', 'ICP', 'EXP'] },
  { id: '03', description: 'Nultarief', vatIds: ['NL0', 'EXP'] },
  { id: '04', description: 'Geen BTW', vatIds: ['GEEN'] },
];

export interface VatZoneDef {
  id: string;
  description: string;
  defaultVatCategory: string;
  vatIds: string[];
}

export const VAT_ZONES: VatZoneDef[] = [
  { id: 'NL', description: 'Binnenland', defaultVatCategory: '01', vatIds: ['NLH', 'NLL', 'NL0', 'GEEN'] },
  { id: 'BE', description: 'België particulier (OSS)', defaultVatCategory: '01', vatIds: ['BEH', 'BEL', 'GEEN'] },
  { id: 'DE', description: 'Duitsland particulier (OSS)', defaultVatCategory: '01', vatIds: ['DEH', 'DEL', 'GEEN'] },
  { id: 'FR', description: 'Frankrijk particulier (OSS)', defaultVatCategory: '01', vatIds: ['FRH', 'FRL', 'GEEN'] },
  { id: 'EU', description: 'EU zakelijk, BTW verlegd', defaultVatCategory: '01', vatIds: ['ICP', 'GEEN'] },
  { id: 'EXP', description: 'Buiten de EU', defaultVatCategory: '01', vatIds: ['EXP', 'GEEN'] },
];

export const VAT_EPOCH = '2024-01-01T00:00:00';
const VAT_MODIFIED = '2024-12-01T09:00:00.000Z';

/** The VAT id of (zone, category), or undefined when the combination has none ("TaxID cannot be found"). */
export function resolveVat(zoneId: string | null, categoryId: string | null): VatDef | undefined {
  const zone = VAT_ZONES.find((z) => z.id.toLowerCase() === (zoneId ?? '').toLowerCase());
  const cat = VAT_CATEGORIES.find((c) => c.id.toLowerCase() === (categoryId ?? '').toLowerCase());
  if (!zone || !cat) return undefined;
  const id = zone.vatIds.find((v) => cat.vatIds.includes(v));
  return VATS.find((v) => v.vatId === id);
}

export function vatInformationDto(v: VatDef): Record<string, unknown> {
  return {
    vatCategoryId: null,
    vatId: v.vatId,
    description: v.description,
    type: v.type,
    deductibleVat: false,
    reverseVat: v.reverseVat,
    statisticalVat: false,
    pendingVat: false,
    includeinVatExemptTotal: v.rate === 0,
    includeinVatTotal: true,
    enterFromVatInvoice: false,
    calculateOn: 'ItemAmount',
    cashDiscount: 'ToTaxableAmount',
    vatAgencyId: { internalId: 90001, number: '90001', name: 'Belastingdienst' },
    notValidAfter: null,
    euReportCode: v.euReportCode,
    documentText: v.description,
    defaultNonStockItem: null,
    vismaXmlVatType: v.xml,
    lastModifiedDateTime: VAT_MODIFIED,
    glAccounts: {
      vatPayableAccount: { type: 'Liability', number: '1500', description: 'Af te dragen BTW' },
      vatPayableSubaccount: null,
      vatClaimableAccount: { type: 'Asset', number: '1510', description: 'Te vorderen BTW' },
      vatClaimableSubccount: null,
    },
    schedules: [{ startDate: VAT_EPOCH, vatRate: v.rate, minTaxableAmt: 0, maxTaxableAmt: 0, reportingGroup: null, deductibleVatRate: 0, groupType: 'Output' }],
    categories: VAT_CATEGORIES.filter((c) => c.vatIds.includes(v.vatId)).map(vatCategoryDto),
    zones: VAT_ZONES.filter((z) => z.vatIds.includes(v.vatId)).map(vatZoneDto),
  };
}

export function vatCategoryDto(c: VatCategoryDef): Record<string, unknown> {
  return {
    vatCategoryId: c.id,
    description: c.description,
    active: true,
    excludeListedTaxes: false,
    lastModifiedDateTime: VAT_MODIFIED,
    vatCategoryLines: c.vatIds.flatMap((id) => {
      const v = VATS.find((x) => x.vatId === id);
      if (!v) return [];
      return [{
        vatId: v.vatId,
        vendorCd: '90001',
        description: v.description,
        type: v.type,
        calculateOn: 'ItemAmount',
        cashDiscount: 'ToTaxableAmount',
        vatRates: [{ revisionID: '1', vatRate: v.rate, groupType: 'Output', startDate: VAT_EPOCH }],
      }];
    }),
  };
}

export function vatZoneDto(z: VatZoneDef): Record<string, unknown> {
  const cat = VAT_CATEGORIES.find((c) => c.id === z.defaultVatCategory);
  return {
    id: z.id,
    description: z.description,
    defaultVatCategory: z.defaultVatCategory,
    defaultTaxCategory: { number: z.defaultVatCategory, description: cat?.description ?? null },
  };
}
