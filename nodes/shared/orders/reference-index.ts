/**
 * The references of documents already in Visma.net, read in bulk per group (a financial period, a customer) instead
 * of one look-up per order. The first few orders of a group are looked up one by one, so a run with a handful of new
 * orders does not read a month of documents; from the next one on the group is read once and answered from memory
 * (what this run posts is known from the ledger). A look-up that must trust nothing read before (after a stopped write) asks
 * Visma.net again.
 */
export class ReferenceIndex {
  private readonly groups = new Map<string, Promise<Map<string, string>>>();
  private readonly singles = new Map<string, number>();

  constructor(
    private readonly readGroup: (group: string) => Promise<Map<string, string>>,
    private readonly lookUp: (reference: string, group: string) => Promise<string | undefined>,
    /** One-by-one look-ups per group before the group is read whole; 0 = read it at once. */
    private readonly singleLookups = 20,
    /** Groups kept in memory (runs usually cover one or two months). */
    private readonly keep = 12,
  ) {}

  async find(reference: string, group: string, fresh = false): Promise<string | undefined> {
    if (fresh) return this.lookUp(reference, group);
    let whole = this.groups.get(group);
    if (!whole) {
      const n = this.singles.get(group) ?? 0;
      if (n < this.singleLookups) {
        this.singles.set(group, n + 1);
        return this.lookUp(reference, group);
      }
      if (this.groups.size >= this.keep) this.groups.clear();
      whole = this.readGroup(group);
      // A failed read is not kept: the next order tries again.
      whole.catch(() => this.groups.delete(group));
      this.groups.set(group, whole);
    }
    return (await whole).get(reference);
  }
}
