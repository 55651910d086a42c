import { z } from 'zod';
import { CcvClient, type CcvConfig } from '../../connectors/ccv-shop';
import { startCcvSimulator, type CcvSimHandle, type CcvSimOptions } from '../../simulators/ccv-shop';
import { START, VirtualClock } from './virtual-clock';

/** One entry of `GET /__sim/requests` (what the tests read; the rest is kept). */
export const ccvLogEntry = z.looseObject({
  method: z.string(),
  path: z.string(),
  rawQuery: z.string(),
  headers: z.record(z.string(), z.unknown()),
  body: z.unknown().optional(),
  status: z.number(),
  fault: z.string().nullable(),
});
export type CcvLogEntry = z.infer<typeof ccvLogEntry>;

const storeDump = z.looseObject({ total: z.number(), items: z.array(z.looseObject({})) });

export interface CcvRig {
  sim: CcvSimHandle;
  clock: VirtualClock;
  /** How far the simulator's clock runs ahead of the connector's (0 = one time line). */
  serverAheadMs: number;
  client(overrides?: Partial<CcvConfig>): CcvClient;
  /** Connector log lines of every client made by `client()`. */
  logs: string[];
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  requests(): Promise<CcvLogEntry[]>;
  clearRequests(): Promise<void>;
  store(collection: string): Promise<{ total: number; items: Record<string, unknown>[] }>;
  config(patch: Record<string, unknown>): Promise<void>;
  faults(spec: Record<string, unknown> | null): Promise<void>;
  /** Start state: data, config, log, faults and rate windows (the simulator's own reset); no skew. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startCcvRig(options: Omit<CcvSimOptions, 'now' | 'quiet'> = {}, start = START): Promise<CcvRig> {
  const clock = new VirtualClock(start);
  const skew = { ms: 0 };
  const sim = await startCcvSimulator({ ...options, now: () => clock.now() + skew.ms, quiet: true });
  const logs: string[] = [];
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}/__sim/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    return { status: res.status, json };
  };
  const expectOk = async (method: string, path: string, body?: unknown) => {
    const r = await admin(method, path, body);
    if (r.status >= 300) throw new Error(`admin ${method} ${path} failed: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  return {
    sim,
    clock,
    get serverAheadMs() {
      return skew.ms;
    },
    set serverAheadMs(ms: number) {
      skew.ms = ms;
    },
    logs,
    client: (overrides = {}) =>
      new CcvClient({
        baseUrl: sim.url,
        publicKey: sim.credentials.publicKey,
        secretKey: sim.credentials.secretKey,
        clock,
        random: () => 0.5,
        logger: { debug: (m) => logs.push(m), info: (m) => logs.push(m), warn: (m) => logs.push(m) },
        ...overrides,
      }),
    admin,
    requests: async () => z.object({ items: z.array(ccvLogEntry) }).parse(await expectOk('GET', 'requests')).items,
    clearRequests: async () => {
      await expectOk('DELETE', 'requests');
    },
    store: async (collection) => storeDump.parse(await expectOk('GET', `store/${collection}?limit=100000`)),
    config: async (patch) => {
      await expectOk('POST', 'config', patch);
    },
    faults: async (spec) => {
      if (spec === null) await expectOk('DELETE', 'faults');
      else await expectOk('POST', 'faults', spec);
    },
    reset: async () => {
      skew.ms = 0;
      await expectOk('POST', 'reset');
    },
    close: () => sim.close(),
  };
}

/** The query of a logged request as name → value (the simulator keeps the raw string too). */
export function queryOf(e: CcvLogEntry): URLSearchParams {
  return new URLSearchParams(e.rawQuery);
}
