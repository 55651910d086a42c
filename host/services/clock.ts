import type { Clock, TimerHandle } from '../types';

/** The real clock: `Date` and `setTimeout`. Timers keep the process alive on purpose (the daemon waits on them). */
export function systemClock(): Clock {
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let next = 0;
  return {
    now: () => new Date(),
    setTimer(callback, ms) {
      const id = ++next;
      timers.set(
        id,
        setTimeout(() => {
          timers.delete(id);
          callback();
        }, Math.max(0, ms)),
      );
      return { id };
    },
    clearTimer(handle: TimerHandle) {
      const timer = timers.get(handle.id);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(handle.id);
    },
  };
}
