// Record storage: generated records (rebuilt on demand from the seed) plus an overlay of
// created and modified ones, so large seeded data sets cost no memory until they are touched.
import type { Rec } from './json';

/** Random-access generator of the seeded records of a top-level resource. */
export interface RootGenerator {
  readonly size: number;
  idOf(index: number): number;
  indexOf(id: number): number | undefined;
  make(index: number): Rec;
  /** A cheaper, partial record for filtering and sorting (defaults to make). */
  peek?(index: number): Rec;
}

const EMPTY_ROOT: RootGenerator = { size: 0, idOf: () => 0, indexOf: () => undefined, make: () => ({ id: 0 }) };

/**
 * Exact-value index of string fields over the records held in memory (the overlay), so lookups such as
 * `?productnumber=X` need no walk over every created product. Generated records are found through the
 * generator instead (it can compute the index from the value).
 */
class FieldIndex {
  private readonly byValue = new Map<string, Set<number>>();
  /** The value each id is indexed under, so a removal never depends on the old record object. */
  private readonly valueOf = new Map<number, string>();

  constructor(readonly field: string) {}

  set(rec: Rec): void {
    const v = rec[this.field];
    const value = typeof v === 'string' ? v : undefined;
    const before = this.valueOf.get(rec.id);
    if (before === value) return;
    if (before !== undefined) this.drop(rec.id, before);
    if (value === undefined) return;
    this.valueOf.set(rec.id, value);
    let ids = this.byValue.get(value);
    if (!ids) {
      ids = new Set();
      this.byValue.set(value, ids);
    }
    ids.add(rec.id);
  }

  delete(id: number): void {
    const before = this.valueOf.get(id);
    if (before !== undefined) this.drop(id, before);
  }

  ids(value: string): Iterable<number> {
    return this.byValue.get(value) ?? [];
  }

  private drop(id: number, value: string): void {
    this.valueOf.delete(id);
    const ids = this.byValue.get(value);
    ids?.delete(id);
    if (ids?.size === 0) this.byValue.delete(value);
  }
}

export class RootTable {
  private readonly overlay = new Map<number, Rec>();
  private readonly deleted = new Set<number>();
  /** Ids of records that are not generated (created or inserted raw). */
  private readonly created = new Set<number>();
  private createdSorted: number[] | null = [];
  private nextId: number;
  private readonly indexes = new Map<string, FieldIndex>();
  /** Bumped on every write; lets list results be cached safely. */
  version = 0;

  constructor(
    readonly name: string,
    private readonly gen: RootGenerator = EMPTY_ROOT,
    firstId = 1,
    /** String fields to index over the in-memory records (see `touchedWith`). */
    indexFields: readonly string[] = [],
  ) {
    const lastGenerated = gen.size > 0 ? gen.idOf(gen.size - 1) : 0;
    this.nextId = Math.max(firstId, lastGenerated + 1);
    for (const f of indexFields) this.indexes.set(f, new FieldIndex(f));
  }

  /**
   * Ids of the live in-memory records (created or changed) whose `field` is exactly `value`; the field must be
   * one of the table's `indexFields`. Untouched generated records are not included.
   */
  touchedWith(field: string, value: string): number[] {
    const index = this.indexes.get(field);
    if (!index) throw new Error(`${this.name}: field '${field}' is not indexed`);
    const out: number[] = [];
    for (const id of index.ids(value)) if (!this.deleted.has(id) && this.overlay.has(id)) out.push(id);
    return out;
  }

  private store(rec: Rec): void {
    this.overlay.set(rec.id, rec);
    for (const index of this.indexes.values()) index.set(rec);
  }

  get(id: number): Rec | undefined {
    if (this.deleted.has(id)) return undefined;
    const own = this.overlay.get(id);
    if (own) return own;
    const index = this.gen.indexOf(id);
    return index === undefined ? undefined : this.gen.make(index);
  }

  /** The record, or for untouched generated records only the generator's cheap fields. */
  peek(id: number): Rec | undefined {
    if (this.deleted.has(id)) return undefined;
    const own = this.overlay.get(id);
    if (own) return own;
    const index = this.gen.indexOf(id);
    if (index === undefined) return undefined;
    return this.gen.peek ? this.gen.peek(index) : this.gen.make(index);
  }

  has(id: number): boolean {
    if (this.deleted.has(id)) return false;
    return this.overlay.has(id) || this.gen.indexOf(id) !== undefined;
  }

  /** Number of live records. */
  count(): number {
    let generatedDeleted = 0;
    for (const id of this.deleted) if (this.gen.indexOf(id) !== undefined) generatedDeleted++;
    return this.gen.size - generatedDeleted + this.created.size;
  }

  /** Live ids in ascending order; generated ids are never materialised as a list. */
  *ids(): Generator<number> {
    // Created ids are usually above the generated range, but raw inserts may pick any id.
    const created = this.sortedCreated();
    let c = 0;
    for (let i = 0; i < this.gen.size; i++) {
      const id = this.gen.idOf(i);
      while (c < created.length && (created[c] ?? 0) < id) yield created[c++] ?? 0;
      if (!this.deleted.has(id)) yield id;
    }
    while (c < created.length) yield created[c++] ?? 0;
  }

  *values(): Generator<Rec> {
    for (const id of this.ids()) {
      const r = this.get(id);
      if (r) yield r;
    }
  }

  /** Store a new record with the next id. */
  insert(fields: Omit<Rec, 'id'>): Rec {
    const rec: Rec = { ...fields, id: this.nextId++ };
    this.put(rec);
    return rec;
  }

  /** Store a record under its own id (raw inserts); replaces an existing one. */
  put(rec: Rec): void {
    this.version++;
    this.deleted.delete(rec.id);
    this.store(rec);
    if (this.gen.indexOf(rec.id) === undefined && !this.created.has(rec.id)) {
      this.created.add(rec.id);
      this.createdSorted = null;
    }
    if (rec.id >= this.nextId) this.nextId = rec.id + 1;
  }

  /** Replace a live record (generated records move into the overlay). */
  update(rec: Rec): void {
    this.version++;
    this.store(rec);
  }

  remove(id: number): boolean {
    if (!this.has(id)) return false;
    this.version++;
    this.overlay.delete(id);
    for (const index of this.indexes.values()) index.delete(id);
    if (this.gen.indexOf(id) !== undefined) this.deleted.add(id);
    else if (this.created.delete(id)) this.createdSorted = null;
    return true;
  }

  private sortedCreated(): number[] {
    if (!this.createdSorted) this.createdSorted = [...this.created].sort((a, b) => a - b);
    return this.createdSorted;
  }

  /** Records held in memory (created or changed), for lookups that cannot use the generator. */
  *touched(): Generator<Rec> {
    for (const r of this.overlay.values()) if (!this.deleted.has(r.id)) yield r;
  }

  isTouched(id: number): boolean {
    return this.overlay.has(id) || this.deleted.has(id);
  }

  /** How many records are held in memory (for tests of the lazy design). */
  overlaySize(): number {
    return this.overlay.size;
  }
}

/** Generator of seeded child records (photos of a product, rows of an order, ...). */
export interface ChildGenerator {
  forParent(parentId: number): Rec[];
  parentOf(id: number): number | undefined;
}

const EMPTY_CHILD: ChildGenerator = { forParent: () => [], parentOf: () => undefined };

/**
 * Children of a parent resource. The first write to one parent's children copies that parent's
 * generated children into the overlay ("materialises" it); after that the overlay is the truth.
 */
export class ChildTable {
  private readonly overlay = new Map<number, Rec>();
  private readonly byParent = new Map<number, Set<number>>();
  private readonly materialized = new Set<number>();
  private nextId: number;

  constructor(
    readonly name: string,
    readonly parentField: string,
    private readonly parentAlive: (parentId: number) => boolean,
    private readonly gen: ChildGenerator = EMPTY_CHILD,
    firstId = 1,
  ) {
    this.nextId = firstId;
  }

  list(parentId: number): Rec[] {
    if (!this.parentAlive(parentId)) return [];
    if (!this.materialized.has(parentId)) {
      const generated = this.gen.forParent(parentId);
      if (generated.length > 0) return generated;
    }
    const ids = [...(this.byParent.get(parentId) ?? [])].sort((a, b) => a - b);
    return ids.flatMap((id) => {
      const r = this.overlay.get(id);
      return r ? [r] : [];
    });
  }

  get(id: number): Rec | undefined {
    const own = this.overlay.get(id);
    if (own) {
      const pid = own[this.parentField];
      return typeof pid === 'number' && !this.parentAlive(pid) ? undefined : own;
    }
    const pid = this.gen.parentOf(id);
    if (pid === undefined || this.materialized.has(pid) || !this.parentAlive(pid)) return undefined;
    return this.gen.forParent(pid).find((r) => r.id === id);
  }

  parentIdOf(rec: Rec): number | undefined {
    const pid = rec[this.parentField];
    return typeof pid === 'number' ? pid : undefined;
  }

  /** Copy the generated children of a parent into the overlay before it is changed. */
  materialize(parentId: number): void {
    if (this.materialized.has(parentId)) return;
    this.materialized.add(parentId);
    for (const r of this.gen.forParent(parentId)) {
      this.overlay.set(r.id, r);
      this.index(parentId, r.id);
      if (r.id >= this.nextId) this.nextId = r.id + 1;
    }
  }

  insert(parentId: number, fields: Omit<Rec, 'id'>): Rec {
    this.materialize(parentId);
    const rec: Rec = { ...fields, [this.parentField]: parentId, id: this.nextId++ };
    this.overlay.set(rec.id, rec);
    this.index(parentId, rec.id);
    return rec;
  }

  update(rec: Rec): void {
    const pid = this.parentIdOf(rec);
    if (pid === undefined) throw new Error(`${this.name} ${rec.id} has no ${this.parentField}`);
    this.materialize(pid);
    this.overlay.set(rec.id, rec);
    this.index(pid, rec.id);
    if (rec.id >= this.nextId) this.nextId = rec.id + 1;
  }

  remove(id: number): boolean {
    const rec = this.get(id);
    if (!rec) return false;
    const pid = this.parentIdOf(rec);
    if (pid !== undefined) {
      this.materialize(pid);
      this.byParent.get(pid)?.delete(id);
    }
    this.overlay.delete(id);
    return true;
  }

  /** Delete all children of a parent (PUT replace-all, parent deleted). */
  clear(parentId: number): void {
    this.materialize(parentId);
    for (const id of this.byParent.get(parentId) ?? []) this.overlay.delete(id);
    this.byParent.delete(parentId);
  }

  overlaySize(): number {
    return this.overlay.size;
  }

  /** Children held in memory whose parent still exists. */
  *touched(): Generator<Rec> {
    for (const r of this.overlay.values()) {
      const pid = this.parentIdOf(r);
      if (pid === undefined || this.parentAlive(pid)) yield r;
    }
  }

  private index(parentId: number, id: number): void {
    let set = this.byParent.get(parentId);
    if (!set) {
      set = new Set();
      this.byParent.set(parentId, set);
    }
    set.add(id);
  }
}
