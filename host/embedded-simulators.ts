/*
 * The one place where host/ reaches the simulators: the brief asks demo.setup to start them embedded, so the demo
 * workspace works without accounts. DESIGN.md §1's layer table does not list simulators/ for host/; the lead
 * decides whether to allow it there (simulators import nothing of ours, so no cycle) or to inject a launcher
 * through HostOptions.demoSimulators from cli/ and electron/. Loaded on demand: most sessions never start them,
 * and they are a lot of code to load at start-up.
 */
import type { DemoSimulators } from './types';

/** Both simulators on free ports of 127.0.0.1, seeded deterministically with the demo options. */
export async function startEmbeddedSimulators(): Promise<DemoSimulators> {
  const [{ startVismaSimulator }, { startCcvSimulator }, { demoSimulatorOptions }] = await Promise.all([
    import('../simulators/visma-net/index'),
    import('../simulators/ccv-shop/index'),
    import('./demo-options'),
  ]);
  // The same data as `koppel run --demo`, so every example flow runs green in the demo workspace.
  const opts = demoSimulatorOptions();
  const visma = await startVismaSimulator({ ...opts.visma, port: 0 });
  let ccv;
  try {
    ccv = await startCcvSimulator({ ...opts.ccv, port: 0 });
  } catch (error) {
    await visma.close();
    throw error;
  }
  return {
    visma,
    ccv,
    async close() {
      await Promise.allSettled([visma.close(), ccv.close()]);
    },
  };
}
