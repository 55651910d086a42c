/**
 * A bounded queue between two nodes. `send` waits while the queue is full, which is how a slow writer slows the
 * fetcher down and memory stays flat. Several writers may share one channel (a port with several incoming
 * edges); it ends when the last writer closes. `cancel` is for a reader that stopped: queued and later values
 * are dropped and writers never wait on it again.
 */
export class Channel<T extends object> {
  private readonly queue: T[] = [];
  private readonly waitingSenders: { value: T; resolve: () => void }[] = [];
  private waitingReader: ((r: IteratorResult<T>) => void) | undefined;
  private writers = 0;
  private closed = false;
  private cancelled = false;
  private highWater = 0;
  private droppedCount = 0;

  /** `measure` sizes a value for `dropped` (a batch counts its records). */
  constructor(
    readonly capacity: number,
    private readonly measure: (value: T) => number = () => 1,
  ) {
    if (!(capacity >= 1)) throw new Error('A channel needs room for at least one value.');
  }

  /** How much was thrown away because the reader had stopped (measured with `measure`). */
  get dropped(): number {
    return this.droppedCount;
  }

  /** The most values that were ever queued at once. */
  get highWaterMark(): number {
    return this.highWater;
  }

  get size(): number {
    return this.queue.length;
  }

  addWriter(): void {
    this.writers += 1;
  }

  /** One writer is done; the channel ends when all are. */
  closeWriter(): void {
    this.writers -= 1;
    if (this.writers <= 0) this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.queue.length === 0) this.wakeReader({ done: true, value: undefined });
  }

  cancel(): void {
    this.cancelled = true;
    this.closed = true;
    for (const v of this.queue.splice(0)) this.droppedCount += this.measure(v);
    for (const s of this.waitingSenders.splice(0)) {
      this.droppedCount += this.measure(s.value);
      s.resolve();
    }
    this.wakeReader({ done: true, value: undefined });
  }

  send(value: T): Promise<void> {
    if (this.cancelled) this.droppedCount += this.measure(value);
    if (this.cancelled || this.closed) return Promise.resolve();
    if (this.waitingReader) {
      this.wakeReader({ done: false, value });
      return Promise.resolve();
    }
    if (this.queue.length < this.capacity) {
      this.queue.push(value);
      this.highWater = Math.max(this.highWater, this.queue.length);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waitingSenders.push({ value, resolve }));
  }

  private wakeReader(result: IteratorResult<T>): void {
    const reader = this.waitingReader;
    if (!reader) return;
    this.waitingReader = undefined;
    reader(result);
  }

  private next(): Promise<IteratorResult<T>> {
    const value = this.queue.shift();
    if (value !== undefined) {
      const sender = this.waitingSenders.shift();
      if (sender) {
        this.queue.push(sender.value);
        sender.resolve();
      }
      return Promise.resolve({ done: false, value });
    }
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => {
      this.waitingReader = resolve;
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => this.next(),
      return: () => {
        this.cancel();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }
}
