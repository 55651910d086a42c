import { z } from 'zod';
import { taxTariffs } from '../../../connectors/ccv-shop/index';

export const defaultVatRates: Record<string, number> = { normal: 21, 'low a': 9, 'low b': 9, 'extra low': 0, zero: 0 };

export const upsertProductParams = z.strictObject({
  mappedPricesIncludeVat: z
    .boolean()
    .default(false)
    .meta({
      title: 'Mapped prices include VAT',
      description: "Whether price and discount in the mapping include VAT. Koppel converts them to the shop's own setting (prices_include_vat), read once per run.",
      ui: { widget: 'toggle' },
    }),
  vatRates: z
    .record(z.string().min(1), z.number().min(0).max(100))
    .default(defaultVatRates)
    .meta({ title: 'VAT % per tax tariff', description: 'Used to convert prices between incl. and excl. VAT, per the product\'s taxtariff.', ui: { widget: 'keyvalue' } }),
  defaultTaxtariff: z
    .enum(taxTariffs)
    .default('normal')
    .meta({ title: 'Tax tariff for new products', description: 'When the mapping has no taxtariff.', ui: { widget: 'select', options: taxTariffs.map((t) => ({ value: t, label: t })) } }),
  defaultPackageId: z
    .union([z.number().int().positive(), z.string().regex(/^\d+$/, 'choose a package')])
    .optional()
    .meta({ title: 'Shipping package for new products', description: "When the mapping has no package_id; empty = the shop's first package.", ui: { widget: 'select', optionsFrom: 'ccvPackages' } }),
});

export type UpsertProductParams = z.infer<typeof upsertProductParams>;
