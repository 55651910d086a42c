// Test support for the orders and customers flows: both simulators on 127.0.0.1, connector clients for them,
// the example flows, and helpers to run a flow and read what arrived in Visma.net.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CcvClient } from '../../connectors/ccv-shop/index';
import { VismaClient } from '../../connectors/visma-net/index';
import { openLedger, parseFlow, runFlow } from '../../engine/index';
import type { FlowDocument, Ledger, RecordEvent, RunEvent } from '../../engine/index';
import { catalog } from '../../nodes/catalog';
import { startCcvSimulator } from '../../simulators/ccv-shop/index';
import type { CcvSimHandle } from '../../simulators/ccv-shop/index';
import { startVismaSimulator } from '../../simulators/visma-net/index';
import type { VismaSimHandle } from '../../simulators/visma-net/index';

export interface Sims {
  visma: VismaSimHandle;
  ccv: CcvSimHandle;
  close(): Promise<void>;
}

/** Both simulators, rate limits off; the shop starts without seeded orders so tests own every order. */
export async function startSims(opts: { seededOrders?: number; vismaLatencyMs?: number } = {}): Promise<Sims> {
  const visma = await startVismaSimulator({ quiet: true, rateLimit: false, latencyMs: opts.vismaLatencyMs ?? 0 });
  const ccv = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { orders: opts.seededOrders ?? 0, users: 6, products: 10 } });
  return { visma, ccv, close: async () => void (await Promise.all([visma.close(), ccv.close()])) };
}

export function clients(s: { visma: { url: string; tokenUrl: string; credentials: { clientId: string; clientSecret: string; tenantId: string } }; ccv: { url: string; credentials: { publicKey: string; secretKey: string } } }) {
  return {
    visma: new VismaClient({ ...s.visma.credentials, tokenUrl: s.visma.tokenUrl, apiUrl: s.visma.url, salesOrderUrl: s.visma.url, retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 50 } }),
    shop: new CcvClient({ baseUrl: s.ccv.url, ...s.ccv.credentials, retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 50 } }),
  };
}

export const examplesDir = fileURLToPath(new URL('../../flows-examples/', import.meta.url));

export function loadExample(name: string): FlowDocument {
  const parsed = parseFlow(readFileSync(`${examplesDir}${name}.flow.json`, 'utf8'), catalog);
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.flow;
}

/** A copy of a flow with some node params replaced (params are merged per node id). */
export function withParams(flow: FlowDocument, params: Record<string, Record<string, unknown>>): FlowDocument {
  const parsed = parseFlow(
    { ...flow, nodes: flow.nodes.map((n) => ({ ...n, params: { ...n.params, ...(params[n.id] ?? {}) } })) },
    catalog,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.flow;
}

export interface RunResult {
  summary: Awaited<ReturnType<typeof runFlow>>;
  events: RunEvent[];
  records: RecordEvent[];
}

export async function run(flow: FlowDocument, s: Sims, ledger: Ledger, opts: { dryRun?: boolean } = {}): Promise<RunResult> {
  const events: RunEvent[] = [];
  const summary = await runFlow({ flow, catalog, clients: clients(s), ledger, dryRun: opts.dryRun ?? false, onEvent: (e) => events.push(e) });
  return { summary, events, records: events.filter((e): e is RecordEvent => e.type === 'record') };
}

export function freshLedger(): Ledger {
  return openLedger(':memory:');
}

const storeSchema = z.looseObject({ total: z.number(), records: z.array(z.looseObject({})) });

/** Records written in the Visma.net simulator since its start or reset (created or changed by the tests). */
export async function written(visma: { url: string }, collection: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${visma.url}/__sim/store/${collection}?written=1&limit=1000`);
  return storeSchema.parse(await res.json()).records;
}

const requestLogSchema = z.array(z.looseObject({ method: z.string(), path: z.string() }));

/** The simulator's request log (no secrets in it); Visma's is a list, CCV's `{items}`. */
export async function requests(base: { url: string }): Promise<z.infer<typeof requestLogSchema>> {
  const res = await fetch(`${base.url}/__sim/requests`);
  const body: unknown = await res.json();
  const list = z.union([requestLogSchema, z.looseObject({ items: requestLogSchema }).transform((b) => b.items)]);
  return list.parse(body);
}

export async function admin(base: { url: string }, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

export async function insertOrders(ccv: { url: string }, orders: readonly unknown[]): Promise<void> {
  await admin(ccv, 'POST', '/__sim/orders', { orders });
}

/** The items the example flows use for shipping and payment costs and rounding lines; the demo company does not have them. */
export async function createCostItems(visma: VismaClient): Promise<void> {
  for (const [inventoryNumber, description, salesAccount, vatCode] of [
    ['VERZENDKOSTEN', 'Verzendkosten', '8050', '01'],
    ['BETAALKOSTEN', 'Betaal- en verwerkingskosten', '8060', '01'],
    ['AFRONDING', 'Afrondingsverschil', '8095', '04'],
  ] as const) {
    await visma.inventory.create({ inventoryNumber, description, type: 'NonStockItem', itemClass: 'DIENST', vatCode, status: 'Active', salesAccount, baseUnit: 'PCS', salesUnit: 'PCS', purchaseUnit: 'PCS' });
  }
}

/** A value inside a parsed record, by key path; undefined where a step is missing. */
export function at(value: unknown, ...path: string[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, key) ? Reflect.get(cur, key) : undefined;
  }
  return cur;
}

/** Round to cents for comparing sums of amounts. */
export const cents = (n: number): number => {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r;
};
