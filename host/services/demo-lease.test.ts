import { describe, expect, it } from 'vitest';
import type { DemoSimulatorLauncher, DemoSimulators } from '../types';
import { createDemoLease } from './demo-lease';

function fakeLauncher(failFirst = false) {
  const state = { starts: 0, closes: 0 };
  const launch: DemoSimulatorLauncher = async () => {
    state.starts++;
    if (failFirst && state.starts === 1) throw new Error('port in use');
    const sims: DemoSimulators = {
      visma: { tokenUrl: 't', apiUrl: 'a', salesOrderUrl: 's', credentials: { clientId: 'c', clientSecret: 'x', tenantId: 'g' } },
      ccv: { url: `u${state.starts}`, credentials: { publicKey: 'p', secretKey: 'k' } },
      close: async () => {
        state.closes++;
      },
    };
    return sims;
  };
  return { launch, state };
}

describe('demo simulator lease', () => {
  it('starts the simulators once for all holders and stops them when the last one lets go', async () => {
    const { launch, state } = fakeLauncher();
    const a = createDemoLease(launch);
    const b = createDemoLease(launch);
    const [sa, sb, sa2] = await Promise.all([a.acquire(), b.acquire(), a.acquire()]);
    expect(sa).toBe(sb);
    expect(sa2).toBe(sa);
    expect(state.starts).toBe(1);
    await a.release();
    expect(state.closes).toBe(0);
    await b.release();
    expect(state.closes).toBe(1);
    await b.release();
    expect(state.closes).toBe(1);
    // A new holder after that starts fresh ones.
    const c = createDemoLease(launch);
    expect((await c.acquire()).ccv.url).toBe('u2');
    await c.release();
  });

  it('tries again after a failed start', async () => {
    const { launch, state } = fakeLauncher(true);
    const lease = createDemoLease(launch);
    await expect(lease.acquire()).rejects.toThrow('port in use');
    expect((await lease.acquire()).ccv.url).toBe('u2');
    expect(state.starts).toBe(2);
    await lease.release();
    expect(state.closes).toBe(1);
  });
});
