// A record collection that generates seeded records on demand and keeps only what was written.

export interface CollectionSource<T> {
  /** Number of generated (seeded) records. */
  count: number;
  generate(index: number): T;
  /** Cheap key of a generated record, so the key index needs no full generation. */
  keyAt?(index: number): string;
}

let collections = 0;

export class LazyCollection<T> {
  /** Unique per collection object (a reset or reseed makes new ones), so caches never mix two stores. */
  readonly uid = ++collections;
  /** Bumped on every write, so results computed from the records can be cached safely. */
  version = 0;
  private overrides = new Map<number, T>();
  private deleted = new Set<number>();
  private extra: T[] = [];
  private keyIndex: Map<string, number> | undefined;

  constructor(
    readonly name: string,
    private readonly source: CollectionSource<T>,
    private readonly keyOf: (record: T) => string,
  ) {}

  /** Index range end (exclusive); some indexes may be deleted. */
  get end(): number {
    return this.source.count + this.extra.length;
  }

  get size(): number {
    return this.end - this.deleted.size;
  }

  has(index: number): boolean {
    return index >= 0 && index < this.end && !this.deleted.has(index);
  }

  /** The current record; generated ones are fresh objects, stored ones must be cloned before changing. */
  get(index: number): T | undefined {
    if (!this.has(index)) return undefined;
    const o = this.overrides.get(index);
    if (o !== undefined) return o;
    if (index >= this.source.count) return this.extra[index - this.source.count];
    return this.source.generate(index);
  }

  private normalise(key: string): string {
    return key.toLowerCase(); // SQL Server's default collation compares keys case-insensitively
  }

  private index(): Map<string, number> {
    if (this.keyIndex) return this.keyIndex;
    const map = new Map<string, number>();
    for (let i = 0; i < this.source.count; i++) {
      if (this.deleted.has(i)) continue;
      const o = this.overrides.get(i);
      const key = o !== undefined ? this.keyOf(o) : this.source.keyAt ? this.source.keyAt(i) : this.keyOf(this.source.generate(i));
      map.set(this.normalise(key), i);
    }
    this.extra.forEach((r, j) => {
      const i = this.source.count + j;
      if (!this.deleted.has(i)) map.set(this.normalise(this.keyOf(this.overrides.get(i) ?? r)), i);
    });
    this.keyIndex = map;
    return map;
  }

  indexOfKey(key: string): number | undefined {
    return this.index().get(this.normalise(key));
  }

  findByKey(key: string): { index: number; record: T } | undefined {
    const index = this.indexOfKey(key);
    if (index === undefined) return undefined;
    const record = this.get(index);
    return record === undefined ? undefined : { index, record };
  }

  /** Live indexes without generating records. */
  *liveIndexes(): Generator<number> {
    for (let i = 0; i < this.end; i++) if (!this.deleted.has(i)) yield i;
  }

  /** Live indexes from the `skip`-th live one on; without deletions that is a jump, not a walk. */
  *liveIndexesFrom(skip: number): Generator<number> {
    let i = 0;
    if (this.deleted.size === 0) i = Math.max(0, skip);
    else {
      for (let n = 0; i < this.end && n < skip; i++) if (!this.deleted.has(i)) n++;
    }
    for (; i < this.end; i++) if (!this.deleted.has(i)) yield i;
  }

  *entries(from = 0): Generator<[number, T]> {
    for (let i = from; i < this.end; i++) {
      const r = this.get(i);
      if (r !== undefined) yield [i, r];
    }
  }

  put(index: number, record: T): void {
    const before = this.get(index);
    if (before === undefined) throw new Error(`${this.name}: no record at ${index}`);
    this.version++;
    this.overrides.set(index, record);
    if (this.keyIndex && this.keyOf(before) !== this.keyOf(record)) {
      this.keyIndex.delete(this.normalise(this.keyOf(before)));
      this.keyIndex.set(this.normalise(this.keyOf(record)), index);
    }
  }

  insert(record: T): number {
    const index = this.end;
    this.version++;
    this.extra.push(record);
    this.keyIndex?.set(this.normalise(this.keyOf(record)), index);
    return index;
  }

  remove(index: number): void {
    const before = this.get(index);
    if (before === undefined) return;
    this.version++;
    this.deleted.add(index);
    this.overrides.delete(index);
    this.keyIndex?.delete(this.normalise(this.keyOf(before)));
  }

  isGenerated(index: number): boolean {
    return index < this.source.count && !this.overrides.has(index);
  }

  /** Indexes of records written through the API (changed, created), for the admin dump. */
  writtenIndexes(): number[] {
    const set = new Set<number>(this.overrides.keys());
    for (let i = this.source.count; i < this.end; i++) set.add(i);
    return [...set].filter((i) => !this.deleted.has(i)).sort((a, b) => a - b);
  }
}
