import { z } from 'zod';
import { stockFigureLabels, stockFigures } from './stock-figures';

export const fetchStockParamsSchema = z
  .strictObject({
    source: z
      .enum(['items', 'availability'])
      .default('items')
      .meta({
        title: 'Read stock from',
        ui: {
          widget: 'select',
          options: [
            { value: 'items', label: 'Items: stock per warehouse (GET /v1/inventory)' },
            { value: 'availability', label: 'Availability list of the sales order API V3 (GET /api/v3/Inventory)' },
          ],
        },
      }),
    warehouses: z
      .array(z.string().trim().min(1))
      .default([])
      .meta({ title: 'Warehouses', description: 'Add up the stock of these warehouses (e.g. MAIN); empty = all warehouses.', ui: { widget: 'list' } }),
    figure: z
      .enum(stockFigures)
      .default('available')
      .meta({
        title: 'Stock figure',
        description:
          "Which Visma.net quantity becomes the shop's stock. Default: Available (warehouseDetails[].available, V3 quantityAvailable) = on hand minus what sales orders have booked and stock that is not available, as Visma calculates it.",
        ui: { widget: 'select', options: stockFigures.map((value) => ({ value, label: stockFigureLabels[value] })) },
      }),
    expression: z
      .string()
      .optional()
      .meta({
        title: 'Expression',
        description: 'For "An expression": the stock from the record, e.g. $sum(warehouses.available) - 2. Fields: inventoryNumber, warehouses[] (warehouse, onHand, available, availableForShipment), record.',
        ui: { widget: 'expression' },
      }),
    negativeAsZero: z.boolean().default(true).meta({ title: 'Negative stock as 0', description: 'A shop cannot sell a negative stock.', ui: { widget: 'toggle' } }),
    notForSaleAsZero: z
      .boolean()
      .default(true)
      .meta({ title: 'Items not for sale as 0', description: 'Items that are Inactive, No sales or Marked for deletion in Visma.net get stock 0, so the shop stops selling them (items source only).', ui: { widget: 'toggle' } }),
    stockItemsOnly: z.boolean().default(true).meta({ title: 'Stock items only', description: 'Skip service and other non-stock items (in the V3 list: items without any warehouse).', ui: { widget: 'toggle' } }),
    status: z.string().trim().min(1).optional().meta({ title: 'Status', description: 'Only items with this status, e.g. Active (items source only).', ui: { widget: 'text' } }),
    attributes: z
      .record(z.string().min(1), z.string())
      .optional()
      .meta({ title: 'Attributes', description: 'Only items with these attribute values, e.g. WEBSHOP = 1.', ui: { widget: 'keyvalue' } }),
    delta: z.boolean().default(true).meta({ title: 'Only changed stock', description: 'Read only items whose stock changed since the last successful run.', ui: { widget: 'toggle' } }),
    overlapMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(180)
      .meta({ title: 'Overlap (minutes)', description: "Read this much before the last run's latest stock change again (Visma's time zone is not documented).", ui: { widget: 'number' } }),
    pageSize: z.number().int().min(1).max(10000).optional().meta({ title: 'Page size', ui: { widget: 'number' } }),
  })
  .superRefine((p, ctx) => {
    if (p.figure === 'expression' && !p.expression?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['expression'], message: 'write the expression that gives the stock, e.g. $sum(warehouses.available)' });
    }
    if (p.source === 'availability' && p.status !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'the V3 availability list cannot filter on status; clear it or read from items' });
    }
  });

export type FetchStockParams = z.infer<typeof fetchStockParamsSchema>;
