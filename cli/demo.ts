import { startVismaSimulator, DEMO_CREDENTIALS as VISMA_DEMO } from '../simulators/visma-net/index';
import { startCcvSimulator } from '../simulators/ccv-shop/index';
import { VismaClient } from '../connectors/visma-net/index';
import { CcvClient } from '../connectors/ccv-shop/index';
import type { FlowDocument } from '../engine/index';

export const DEFAULT_DEMO_VISMA_URL = 'http://127.0.0.1:4010';
export const DEFAULT_DEMO_CCV_URL = 'http://127.0.0.1:4020';
import { demoSimulatorOptions } from '../host/demo-options';
const CCV_DEMO = { publicKey: 'demo_public_key', secretKey: 'demo_secret_key' };

export interface DemoTargets {
  vismaUrl: string;
  ccvUrl: string;
  /** Simulators this process started because nothing answered at the URLs. */
  started: string[];
  close(): Promise<void>;
}

type Probe = 'simulator' | 'nothing' | 'other';

/** Is a Koppel simulator answering at `url`? Its admin endpoint needs no auth. */
async function probe(url: string): Promise<Probe> {
  try {
    const res = await fetch(new URL('/__sim/requests?limit=1', url), { signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return res.ok ? 'simulator' : 'other';
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error && 'code' in error.cause ? String(error.cause.code) : '';
    return cause === 'ECONNREFUSED' ? 'nothing' : 'other';
  }
}

function portOf(url: string, name: string): number {
  const parsed = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
    throw new Error(`${name} (${url}) is not on this machine; the demo only starts simulators on 127.0.0.1.`);
  }
  return Number(parsed.port || 80);
}

/**
 * `--demo`: use the simulators at KOPPEL_DEMO_VISMA_URL / KOPPEL_DEMO_CCV_URL, and start embedded ones on those
 * ports when nothing answers there.
 */
export async function demoTargets(env: Readonly<Record<string, string | undefined>>): Promise<DemoTargets> {
  const vismaUrl = env.KOPPEL_DEMO_VISMA_URL || DEFAULT_DEMO_VISMA_URL;
  const ccvUrl = env.KOPPEL_DEMO_CCV_URL || DEFAULT_DEMO_CCV_URL;
  const closers: (() => Promise<void>)[] = [];
  const started: string[] = [];
  const close = async () => {
    await Promise.allSettled(closers.map((c) => c()));
  };
  try {
    const [v, c] = await Promise.all([probe(vismaUrl), probe(ccvUrl)]);
    for (const [state, url, name] of [
      [v, vismaUrl, 'KOPPEL_DEMO_VISMA_URL'],
      [c, ccvUrl, 'KOPPEL_DEMO_CCV_URL'],
    ] as const) {
      if (state === 'other') throw new Error(`Something that is not a Koppel simulator answers at ${url} (${name}). Stop it, or point ${name} at another port.`);
    }
    const opts = demoSimulatorOptions();
    if (v === 'nothing') {
      const sim = await startVismaSimulator({ ...opts.visma, port: portOf(vismaUrl, 'KOPPEL_DEMO_VISMA_URL') });
      closers.push(() => sim.close());
      started.push(`Visma.net simulator on ${sim.url}`);
    }
    if (c === 'nothing') {
      const sim = await startCcvSimulator({ ...opts.ccv, port: portOf(ccvUrl, 'KOPPEL_DEMO_CCV_URL') });
      closers.push(() => sim.close());
      started.push(`CCV Shop simulator on ${sim.url}`);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { vismaUrl: vismaUrl.replace(/\/$/, ''), ccvUrl: ccvUrl.replace(/\/$/, ''), started, close };
}

/** Every slot of the flow filled with the demo simulator of its type, with the demo credentials. */
export function demoClients(flow: FlowDocument, targets: DemoTargets, opts: { pacing?: boolean } = {}): Record<string, unknown> {
  // Benchmarks measure Koppel, not CCV Shop's per-minute budgets: they can turn the client-side pacing off.
  const budgets = opts.pacing === false ? { budgets: { get: 0, write: 0 } } : {};
  const clients: Record<string, unknown> = {};
  for (const [slot, spec] of Object.entries(flow.connections)) {
    clients[slot] =
      spec.type === 'visma-net'
        ? new VismaClient({
            clientId: VISMA_DEMO.clientId,
            clientSecret: VISMA_DEMO.clientSecret,
            tenantId: VISMA_DEMO.tenantId,
            tokenUrl: `${targets.vismaUrl}/connect/token`,
            apiUrl: targets.vismaUrl,
            salesOrderUrl: targets.vismaUrl,
          })
        : new CcvClient({ baseUrl: targets.ccvUrl, publicKey: CCV_DEMO.publicKey, secretKey: CCV_DEMO.secretKey, ...budgets });
  }
  return clients;
}
