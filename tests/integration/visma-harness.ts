import { z } from 'zod';
import { VismaClient, type VismaConfig, type VismaLogLine } from '../../connectors/visma-net';
import { startVismaSimulator, type VismaSimHandle, type VismaSimOptions } from '../../simulators/visma-net';
import { START, VirtualClock } from './virtual-clock';

/** One entry of `GET /__sim/requests` (only what the tests read; the rest is kept). */
export const vismaLogEntry = z.looseObject({
  method: z.string(),
  path: z.string(),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  headers: z.record(z.string(), z.string()),
  body: z.unknown().optional(),
  status: z.number(),
  fault: z.string().optional(),
});
export type VismaLogEntry = z.infer<typeof vismaLogEntry>;

const storeDump = z.looseObject({ total: z.number(), records: z.array(z.looseObject({})) });

export interface VismaRig {
  sim: VismaSimHandle;
  clock: VirtualClock;
  /** How far the simulator's clock runs ahead of the connector's (0 = the same time line). */
  serverAheadMs: number;
  /** A connector client on the shared virtual clock; `overrides` win over the defaults. */
  client(overrides?: Partial<VismaConfig>): VismaClient;
  /** Log lines of every client made by `client()`. */
  logs: VismaLogLine[];
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  requests(): Promise<VismaLogEntry[]>;
  clearRequests(): Promise<void>;
  /** Records of `/__sim/store/<collection>` (all of them, or only those written through the API). */
  store(collection: string, opts?: { written?: boolean; key?: string }): Promise<{ total: number; records: Record<string, unknown>[] }>;
  config(patch: Record<string, unknown>): Promise<void>;
  /** Seeded data, empty log, no faults, fresh rate windows and the start configuration; no server skew. */
  reset(): Promise<void>;
  faults(spec: Record<string, unknown> | null): Promise<void>;
  close(): Promise<void>;
}

export async function startVismaRig(options: Omit<VismaSimOptions, 'now' | 'quiet'> = {}, start = START): Promise<VismaRig> {
  const clock = new VirtualClock(start);
  const skew = { ms: 0 };
  const sim = await startVismaSimulator({ ...options, now: () => clock.now() + skew.ms, quiet: true });
  const logs: VismaLogLine[] = [];
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
  const initialConfig = z.looseObject({ maxPageSize: z.record(z.string(), z.number()) }).parse(await expectOk('GET', 'config'));
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
      new VismaClient({
        clientId: sim.credentials.clientId,
        clientSecret: sim.credentials.clientSecret,
        tenantId: sim.credentials.tenantId,
        tokenUrl: sim.tokenUrl,
        apiUrl: sim.apiUrl,
        salesOrderUrl: sim.salesOrderUrl,
        clock,
        // The simulator keeps time in UTC (its `timeZoneOffsetMinutes` is 0); Visma does not document it ([I]).
        filterTimeZone: 'utc',
        random: () => 0.5,
        logger: (line) => logs.push(line),
        ...overrides,
      }),
    admin,
    requests: async () => z.array(vismaLogEntry).parse(await expectOk('GET', 'requests')),
    clearRequests: async () => {
      await expectOk('DELETE', 'requests');
    },
    store: async (collection, opts = {}) => {
      const q = new URLSearchParams({ limit: '1000' });
      if (opts.written) q.set('written', '1');
      if (opts.key !== undefined) q.set('key', opts.key);
      return storeDump.parse(await expectOk('GET', `store/${collection}?${q.toString()}`));
    },
    config: async (patch) => {
      await expectOk('POST', 'config', patch);
    },
    reset: async () => {
      skew.ms = 0;
      await expectOk('POST', 'reset');
      // `maxPageSize` is merged key by key: put every key back to its start value (or the default).
      const current = z.looseObject({ maxPageSize: z.record(z.string(), z.number()) }).parse(await expectOk('GET', 'config'));
      const fallback = initialConfig.maxPageSize['default'] ?? 1000;
      const maxPageSize = Object.fromEntries(Object.keys(current.maxPageSize).map((k) => [k, initialConfig.maxPageSize[k] ?? fallback]));
      await expectOk('POST', 'config', { ...initialConfig, maxPageSize });
      await expectOk('DELETE', 'requests');
    },
    faults: async (spec) => {
      if (spec === null) await expectOk('DELETE', 'faults');
      else await expectOk('POST', 'faults', spec);
    },
    close: () => sim.close(),
  };
}

/** API calls in a request log (no token requests). */
export function apiCalls(log: VismaLogEntry[]): VismaLogEntry[] {
  return log.filter((e) => e.path !== '/connect/token');
}

export function tokenCalls(log: VismaLogEntry[]): VismaLogEntry[] {
  return log.filter((e) => e.path === '/connect/token');
}
