import type { DemoSimulatorLauncher, DemoSimulators } from '../types';

/** One running set of simulators per launcher and process, shared by every host that uses it. */
const shared = new Map<DemoSimulatorLauncher, { running: Promise<DemoSimulators>; users: number }>();

export interface DemoLease {
  /** Starts the simulators on first use; later calls get the same ones. */
  acquire(): Promise<DemoSimulators>;
  /** Lets go of them; the last host to let go stops them. */
  release(): Promise<void>;
}

export function createDemoLease(launch: DemoSimulatorLauncher): DemoLease {
  let held: Promise<DemoSimulators> | undefined;
  return {
    acquire() {
      if (held) return held;
      let entry = shared.get(launch);
      if (!entry) {
        const running = launch();
        entry = { running, users: 0 };
        shared.set(launch, entry);
        // A failed start must not stay cached: the next attempt starts afresh.
        running.catch(() => shared.delete(launch));
      }
      entry.users++;
      const mine = entry.running;
      held = mine;
      mine.catch(() => {
        if (held === mine) held = undefined;
      });
      return mine;
    },
    async release() {
      if (!held) return;
      held = undefined;
      const entry = shared.get(launch);
      if (!entry) return;
      entry.users--;
      if (entry.users > 0) return;
      shared.delete(launch);
      const sims = await entry.running.catch(() => undefined);
      await sims?.close();
    },
  };
}
