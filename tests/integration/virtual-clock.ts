import { AbortedError, type Clock } from '../../connectors/common';

/**
 * One time line shared by a simulator (`now`) and a connector (`clock`). A sleep moves time forward at once, so
 * pacing, back-off and Retry-After waits of minutes or hours take no real time, and the simulator sees exactly
 * the time the connector waited. Every sleep is recorded for assertions.
 */
export class VirtualClock implements Clock {
  private t: number;
  readonly sleeps: number[] = [];

  constructor(start: number) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new AbortedError();
    this.sleeps.push(ms);
    if (ms > 0) this.t += ms;
    // Let other requests in flight run, as a real sleep would.
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Time passing outside the connector (another process, the user, the server's clock running ahead). */
  advance(ms: number): void {
    this.t += ms;
  }

  /** Total time slept since the given index of `sleeps`. */
  sleptSince(index: number): number {
    return this.sleeps.slice(index).reduce((a, b) => a + b, 0);
  }
}

/** A fixed start well after all seeded data (both simulators seed dates up to the end of 2024). */
export const START = Date.UTC(2026, 2, 2, 9, 0, 0);
