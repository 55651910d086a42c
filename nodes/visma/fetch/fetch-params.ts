import { z } from 'zod';
import { defaultInventoryExpand } from '../../../connectors/visma-net/index';
import { deltaFieldLabels, resourceNames, resources } from './fetch-resources';
import type { DeltaField, ResourceName } from './fetch-resources';

const resourceLabels: Record<ResourceName, string> = {
  inventory: 'Items (inventory)',
  customers: 'Customers',
  customerInvoices: 'Customer invoices',
  salesOrders: 'Sales orders (V3)',
  salesCategories: 'Sales categories',
  attributes: 'Attributes',
  itemClasses: 'Item classes',
  warehouses: 'Warehouses',
};

const flag = (title: string, on: boolean) => z.boolean().default(on).meta({ title, ui: { widget: 'toggle' } });

/** The `expand…` flags of GET /v1/inventory; all are always sent because Visma's defaults will change (reference/visma-net/README.md §4.7). */
export const expandSchema = z
  .strictObject({
    crossReference: flag('Cross-references (EAN barcodes)', defaultInventoryExpand.crossReference),
    attachment: flag('Attachments (images)', defaultInventoryExpand.attachment),
    attribute: flag('Attributes', defaultInventoryExpand.attribute),
    warehouseDetail: flag('Stock per warehouse', defaultInventoryExpand.warehouseDetail),
    salesCategories: flag('Sales categories', defaultInventoryExpand.salesCategories),
    note: flag('Note', defaultInventoryExpand.note),
    accountInformation: flag('Accounts', defaultInventoryExpand.accountInformation),
    inventoryUnits: flag('Units', defaultInventoryExpand.inventoryUnits),
    supplierDetails: flag('Suppliers', defaultInventoryExpand.supplierDetails),
  })
  .prefault({})
  .meta({ title: 'Include (items only)', description: 'Parts of each item to read; leave heavy parts off when not mapped.', ui: { widget: 'group' } });

const deltaOptions = ['off', 'lastModified', 'availability', 'attachment'] as const;

export const fetchParamsSchema = z
  .strictObject({
    resource: z
      .enum(resourceNames)
      .default('inventory')
      .meta({ title: 'Read', ui: { widget: 'select', options: resourceNames.map((value) => ({ value, label: resourceLabels[value] })) } }),
    status: z
      .string()
      .trim()
      .min(1)
      .optional()
      .meta({ title: 'Status', description: 'Only records with this status, e.g. Active (items, customers, invoices, orders).', ui: { widget: 'text' } }),
    itemClass: z
      .string()
      .trim()
      .min(1)
      .optional()
      .meta({
        title: 'Item class',
        description: 'Only items of this class. Visma.net has no such filter, so Koppel checks it on each item after reading.',
        ui: { widget: 'select', optionsFrom: 'itemClasses' },
      }),
    attributes: z
      .record(z.string().min(1), z.string())
      .optional()
      .meta({ title: 'Attributes', description: 'e.g. WEBSHOP = 1 ("in web shop"); several values as S,M (items, customers).', ui: { widget: 'keyvalue' } }),
    salesCategory: z
      .union([z.number().int().positive(), z.string().regex(/^\d+$/, 'choose a sales category (its number)')])
      .optional()
      .meta({ title: 'Sales category', description: 'Only items in this sales category.', ui: { widget: 'select', optionsFrom: 'salesCategories' } }),
    query: z
      .record(z.string().min(1), z.string())
      .default({})
      .meta({ title: 'Other filters', description: 'More query parameters Visma.net documents for this list, e.g. description or inventoryTypes.', ui: { widget: 'keyvalue' } }),
    expand: expandSchema,
    delta: z
      .enum(deltaOptions)
      .default('lastModified')
      .meta({
        title: 'Only changes',
        description: 'Read only records changed since the last successful run. Lists without change dates are always read in full.',
        ui: {
          widget: 'select',
          options: [
            { value: 'off', label: 'off: read everything every run' },
            ...(['lastModified', 'availability', 'attachment'] as const).map((value) => ({ value, label: `when ${deltaFieldLabels[value]}` })),
          ],
        },
      }),
    overlapMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(180)
      .meta({
        title: 'Overlap (minutes)',
        description: "Visma.net does not document the time zone of its change dates, so each run reads this much before the last run's latest change again. Records read twice are skipped by the writing steps.",
        ui: { widget: 'number' },
      }),
    pageSize: z.number().int().min(1).max(5000).optional().meta({ title: 'Page size', description: "Records per request; the connection's setting when empty.", ui: { widget: 'number' } }),
  })
  .superRefine((p, ctx) => {
    const spec = resources[p.resource];
    const label = resourceLabels[p.resource].toLowerCase();
    const refuse = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const filters: readonly string[] = spec.filters;
    if (p.status !== undefined && !filters.includes('status')) refuse('status', `${label} cannot be filtered on status; clear this field`);
    if (p.itemClass !== undefined && !filters.includes('itemClass')) refuse('itemClass', `only items have an item class; clear this field for ${label}`);
    if (p.attributes !== undefined && Object.keys(p.attributes).length > 0 && !filters.includes('attributes')) refuse('attributes', `${label} cannot be filtered on attributes; clear this field`);
    if (p.salesCategory !== undefined && !filters.includes('salesCategory')) refuse('salesCategory', `only items have sales categories; clear this field for ${label}`);
    const allowed: readonly string[] = spec.freeParams;
    for (const name of Object.keys(p.query)) {
      if (!allowed.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['query', name],
          message: `'${name}' is not a filter Visma.net documents for ${label} (Visma would ignore it and return everything)${allowed.length ? `; use one of ${allowed.join(', ')}` : ''}`,
        });
      }
    }
    const deltaFields: readonly DeltaField[] = spec.deltaFields;
    if ((p.delta === 'availability' || p.delta === 'attachment') && !deltaFields.includes(p.delta)) {
      refuse('delta', `${label} cannot be read by ${deltaFieldLabels[p.delta]}; choose 'when the record changed' or 'off'`);
    }
  });

export type FetchParams = z.infer<typeof fetchParamsSchema>;
export { resourceLabels };
