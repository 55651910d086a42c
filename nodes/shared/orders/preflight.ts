import type { VismaClient } from '../../../connectors/visma-net/index';
import type { DocumentPlan } from './document-plan';
import { recordProblem } from '../messages';
import type { RecordMessageCode } from '../messages';
import type { PartKind } from './order-amounts';
import type { VatBook } from './vat-book';

/** Item statuses Visma.net does not sell. */
const UNSELLABLE: ReadonlySet<string> = new Set(['inactive', 'nosales', 'markedfordeletion']);

interface ItemState {
  found: boolean;
  status: string | undefined;
}

/** Per kind of line, because the line is named in words ("the shipping costs"); extra costs by their own text. */
const ITEM_MISSING: Record<PartKind, RecordMessageCode> = {
  product: 'order.itemMissingRow',
  shipping: 'order.itemMissingShipping',
  payment: 'order.itemMissingPayment',
  extra: 'order.itemMissingExtra',
  rounding: 'order.itemMissingRounding',
};
const ITEM_UNSELLABLE: Record<PartKind, RecordMessageCode> = {
  product: 'order.itemUnsellableRow',
  shipping: 'order.itemUnsellableShipping',
  payment: 'order.itemUnsellablePayment',
  extra: 'order.itemUnsellableExtra',
  rounding: 'order.itemUnsellableRounding',
};

/** Looks items up once per run: orders repeat the same articles. */
export class ItemChecker {
  private readonly seen = new Map<string, Promise<ItemState>>();

  constructor(
    private readonly client: VismaClient,
    private readonly signal: AbortSignal,
  ) {}

  private state(sku: string): Promise<ItemState> {
    let hit = this.seen.get(sku);
    if (!hit) {
      // Bounded, so a run over many thousands of articles keeps flat memory.
      if (this.seen.size >= 20_000) this.seen.clear();
      hit = this.client.inventory.find(sku, { signal: this.signal }).then((item) => ({ found: item !== undefined, status: item?.status ?? undefined }));
      // A failed look-up is not remembered: the next order asks again.
      hit.catch(() => this.seen.delete(sku));
      this.seen.set(sku, hit);
    }
    return hit;
  }

  /** Every item of the document exists and may be sold; otherwise the order fails with the row that is wrong. */
  async check(plan: DocumentPlan): Promise<void> {
    for (const [i, line] of plan.lines.entries()) {
      const sku = line.inventoryId;
      if (!sku) continue;
      const s = await this.state(sku);
      const params = { sku, key: plan.key, row: line.part.rowIndex + 1, line: line.kind === 'product' ? line.description : line.description.toLowerCase() };
      if (!s.found) throw recordProblem(ITEM_MISSING[line.kind], params, `lines[${i}].inventoryId`);
      if (s.status && UNSELLABLE.has(s.status.toLowerCase())) {
        throw recordProblem(ITEM_UNSELLABLE[line.kind], { ...params, status: s.status }, `lines[${i}].inventoryId`);
      }
    }
  }
}

/**
 * Visma.net computes VAT itself from the VAT zone and each line's VAT code; when that gives another percentage than
 * the shop charged, the document would not total what the customer paid. Fail the order instead, naming the rows.
 */
export async function checkVatRates(plan: DocumentPlan, vat: VatBook, tables: { zone: string; code: string }): Promise<void> {
  if (!(await vat.canResolve())) return;
  for (const line of plan.lines) {
    const hit = await vat.resolve(plan.vatZone, line.vatCode, plan.when);
    // Every message ends with the table rows to check.
    const params = { key: plan.key, zone: plan.vatZone, vatCode: line.vatCode, line: line.description, vatKey: line.vatKey, codeTable: tables.code, country: plan.lookupCountry, zoneTable: tables.zone };
    if (!hit) throw recordProblem('order.noVatForCode', params, 'vatCodeTable');
    if (plan.reverseCharge) {
      if (!hit.reverse && hit.rate !== 0) throw recordProblem('order.noReverseCharge', { ...params, vatId: hit.vatId, rate: hit.rate ?? '?' }, 'vatZoneTable');
      continue;
    }
    if (hit.rate !== undefined && hit.rate !== line.rate) {
      throw recordProblem('order.vatRateDiffers', { ...params, rate: hit.rate, vatId: hit.vatId, shopRate: line.rate }, 'vatCodeTable');
    }
  }
}
