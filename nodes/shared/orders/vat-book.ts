import { vatRateOn } from '../../../connectors/visma-net/index';
import type { VatCode, VismaClient } from '../../../connectors/visma-net/index';

export interface ResolvedVat {
  vatId: string;
  /** Percentage on the document date; undefined when Visma.net gives no rate schedule. */
  rate: number | undefined;
  reverse: boolean;
}

const same = (a: string | null | undefined, b: string): boolean => (a ?? '').toLowerCase() === b.toLowerCase();

/**
 * Visma.net's VAT codes (`/v1/vat`, one small list), read once per run. A document line gets the VAT id that its
 * VAT zone (customer or order) and VAT category (line) have in common (reference/visma-net/README.md §6.6, [C S11]).
 */
export class VatBook {
  private codes: Promise<VatCode[]> | undefined;

  constructor(
    private readonly client: VismaClient,
    private readonly signal: AbortSignal,
  ) {}

  private load(): Promise<VatCode[]> {
    this.codes ??= this.client.vatCodes.list({ signal: this.signal });
    return this.codes;
  }

  /** False when Visma.net lists no zones/categories per VAT code, so nothing can be resolved or checked. */
  async canResolve(): Promise<boolean> {
    return (await this.load()).some((c) => (c.zones?.length ?? 0) > 0 && (c.categories?.length ?? 0) > 0);
  }

  async resolve(zone: string, category: string, date: Date): Promise<ResolvedVat | undefined> {
    for (const code of await this.load()) {
      if (!code.vatId) continue;
      const inZone = (code.zones ?? []).some((z) => same(z.id, zone));
      const inCategory = (code.categories ?? []).some((c) => same(c.vatCategoryId, category));
      if (inZone && inCategory) return { vatId: code.vatId, rate: vatRateOn(code, date), reverse: code.reverseVat === true || same(code.type, 'ReverseVat') };
    }
    return undefined;
  }
}
