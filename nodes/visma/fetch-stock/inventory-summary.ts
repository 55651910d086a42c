import { z } from 'zod';
import { mainPathSegment } from '../../../connectors/visma-net/index';
import type { VismaClient } from '../../../connectors/visma-net/index';
import type { StockRow } from './stock-figures';

const num = z.number().nullish();
const id = z.union([z.string(), z.number()]).nullish();

/**
 * InventorySummaryDto rows. Read here rather than through `client.inventorySummary`, whose schema expects
 * `location.id` as text while the API documents it as an integer (LocationInInventorySummaryDto), so every
 * real answer would be refused as unreadable.
 */
const rowSchema = z.looseObject({
  warehouse: z.looseObject({ id }).nullish(),
  location: z.looseObject({ id }).nullish(),
  onHand: num,
  available: num,
  availableForShipment: num,
  soBooked: num,
});
const answerSchema = z.array(rowSchema);

/** GET /v1/inventorysummary/{inventoryNumber}: stock per warehouse and location, with the sales order bookings. */
export async function inventorySummaryRows(client: VismaClient, inventoryNumber: string, signal: AbortSignal): Promise<StockRow[]> {
  const res = await client.request({
    service: 'main',
    method: 'GET',
    path: `/v1/inventorysummary/${mainPathSegment(inventoryNumber, client.config.b64Ids)}`,
    what: `the stock of item '${inventoryNumber}'`,
    signal,
  });
  const parsed = answerSchema.safeParse(res.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Visma.net sent stock figures for item '${inventoryNumber}' that Koppel cannot read (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected shape'}).`);
  }
  // One row per warehouse and location: add the locations up per warehouse.
  const byWarehouse = new Map<string, StockRow>();
  for (const r of parsed.data) {
    const warehouse = r.warehouse?.id == null ? '' : String(r.warehouse.id);
    const row = byWarehouse.get(warehouse) ?? { warehouse, onHand: 0, available: 0, availableForShipment: 0, soBooked: 0 };
    row.onHand += r.onHand ?? 0;
    row.available += r.available ?? 0;
    row.availableForShipment += r.availableForShipment ?? 0;
    row.soBooked = (row.soBooked ?? 0) + (r.soBooked ?? 0);
    byWarehouse.set(warehouse, row);
  }
  return [...byWarehouse.values()];
}
