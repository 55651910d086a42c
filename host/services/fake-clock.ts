import type { Clock, TimerHandle } from '../types';

/** A clock for tests: time moves only when told; timers fire in order as time passes them. */
export interface FakeClock extends Clock {
  /** Moves time forward, firing each timer at its due time (and letting the work it starts proceed). */
  advance(ms: number): Promise<void>;
  /** Moves time forward without firing anything, as a PC that sleeps; overdue timers fire on the next `advance`. */
  jump(ms: number): void;
  /** Timers waiting to fire. */
  pending(): number;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createFakeClock(start: Date | string): FakeClock {
  let now = new Date(start).getTime();
  let next = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();

  const due = (until: number): number | undefined => {
    let found: number | undefined;
    let at = Infinity;
    for (const [id, t] of timers) {
      if (t.at <= until && (t.at < at || (t.at === at && found !== undefined && id < found))) {
        found = id;
        at = t.at;
      }
    }
    return found;
  };

  return {
    now: () => new Date(now),
    setTimer(callback, ms) {
      const id = ++next;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return { id };
    },
    clearTimer(handle: TimerHandle) {
      timers.delete(handle.id);
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        const id = due(target);
        if (id === undefined) break;
        const timer = timers.get(id);
        timers.delete(id);
        if (!timer) continue;
        now = Math.max(now, timer.at);
        timer.callback();
        await macrotask();
      }
      now = Math.max(now, target);
      await macrotask();
    },
    jump(ms) {
      now += ms;
    },
    pending: () => timers.size,
  };
}
