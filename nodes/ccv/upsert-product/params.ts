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
  notForSale: z
    .enum(['hide', 'stock0', 'keep'])
    .default('hide')
    .meta({
      title: 'Items no longer for sale',
      description:
        "What happens in the shop when the mapping gives active = false (in the example flow: the item is Inactive, No sales or Marked for deletion in Visma.net). Such items are never created; products already in the shop are hidden (active off), or get stock 0, or are left as they are. An item that can be sold again is shown again, if Koppel was the one that hid it.",
      ui: {
        widget: 'select',
        options: [
          { value: 'hide', label: 'hide the product in the shop' },
          { value: 'stock0', label: 'keep it visible, with stock 0' },
          { value: 'keep', label: 'leave it as it is' },
        ],
      },
    }),
});

export type UpsertProductParams = z.infer<typeof upsertProductParams>;
