import type { VismaClient } from '../../../connectors/visma-net/index';
import type { DocumentPlan } from './document-plan';
import { RecordProblem } from './problem';
import type { VatBook } from './vat-book';

/** Item statuses Visma.net does not sell. */
const UNSELLABLE: ReadonlySet<string> = new Set(['inactive', 'nosales', 'markedfordeletion']);

interface ItemState {
  found: boolean;
  status: string | undefined;
}

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
      const what = line.kind === 'product' ? `row ${line.part.rowIndex + 1} ('${line.description}')` : `the ${line.description.toLowerCase()}`;
      if (!s.found) {
        const fix = line.kind === 'product' ? "Create the item in Visma.net, or correct the SKU in CCV Shop ('Item number of a row')." : 'Create the item in Visma.net, or choose another one in the table or setting.';
        throw new RecordProblem(`Item '${sku}' of order '${plan.key}', ${what}, does not exist in Visma.net. ${fix}`, `lines[${i}].inventoryId`);
      }
      if (s.status && UNSELLABLE.has(s.status.toLowerCase())) {
        throw new RecordProblem(`Item '${sku}' of order '${plan.key}', ${what}, has status ${s.status} in Visma.net and cannot be sold. Make it Active in Visma.net.`, `lines[${i}].inventoryId`);
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
    const fix = `Check row '${line.vatKey}' of table '${tables.code}' and row '${plan.lookupCountry}' of table '${tables.zone}'.`;
    if (!hit) {
      throw new RecordProblem(`Visma.net has no VAT for VAT zone '${plan.vatZone}' with VAT code '${line.vatCode}' ('${line.description}' of order '${plan.key}'). ${fix}`, 'vatCodeTable');
    }
    if (plan.reverseCharge) {
      if (!hit.reverse && hit.rate !== 0) {
        throw new RecordProblem(`Order '${plan.key}' is intra-community, but VAT zone '${plan.vatZone}' with VAT code '${line.vatCode}' gives ${hit.vatId} at ${hit.rate ?? '?'}% instead of reverse charge. ${fix}`, 'vatZoneTable');
      }
      continue;
    }
    if (hit.rate !== undefined && hit.rate !== line.rate) {
      throw new RecordProblem(
        `Visma.net would charge ${hit.rate}% VAT (${hit.vatId}: zone '${plan.vatZone}', VAT code '${line.vatCode}') on '${line.description}' of order '${plan.key}', where the shop charged ${line.rate}%. ${fix}`,
        'vatCodeTable',
      );
    }
  }
}
