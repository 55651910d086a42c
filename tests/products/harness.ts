import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fileURLToPath } from 'node:url';
import { openLedger, parseFlow, runFlow } from '../../engine';
import type { FlowDocument, Ledger, RecordEvent, RunEvent, RunSummary } from '../../engine';
import { catalog } from '../../nodes/catalog';
import { VismaClient } from '../../connectors/visma-net/index';
import { CcvClient } from '../../connectors/ccv-shop/index';
import { startVismaSimulator } from '../../simulators/visma-net/index';
import type { VismaSimHandle } from '../../simulators/visma-net/index';
import { startCcvSimulator } from '../../simulators/ccv-shop/index';
import type { CcvSimHandle } from '../../simulators/ccv-shop/index';

/** Both simulators on 127.0.0.1 (random ports, rate limits off) and connector clients for them. */
export interface Sims {
  visma: VismaSimHandle;
  ccv: CcvSimHandle;
  vismaClient: VismaClient;
  shopClient: CcvClient;
  close(): Promise<void>;
}

export async function startSims(opts: { inventory?: number; ccvProducts?: number } = {}): Promise<Sims> {
  const visma = await startVismaSimulator({ quiet: true, rateLimit: false, sizes: { inventory: opts.inventory ?? 60, customers: 2, salesOrders: 0, customerInvoices: 0 } });
  const ccv = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { products: opts.ccvProducts ?? 0, orders: 0, users: 0 } });
  // The simulator keeps its times in UTC; saying so keeps the tests independent of this machine's time zone.
  const vismaClient = new VismaClient({ ...visma.credentials, tokenUrl: visma.tokenUrl, apiUrl: visma.apiUrl, salesOrderUrl: visma.salesOrderUrl, pageSize: 25, filterTimeZone: 'utc' });
  const shopClient = new CcvClient({ baseUrl: ccv.url, ...ccv.credentials, budgets: { get: Infinity, write: Infinity }, pageSize: 250 });
  return {
    visma,
    ccv,
    vismaClient,
    shopClient,
    close: async () => {
      await Promise.all([visma.close(), ccv.close()]);
    },
  };
}

export function loadFlow(name: string): FlowDocument {
  const path = fileURLToPath(new URL(`../../flows-examples/${name}.flow.json`, import.meta.url));
  const parsed = parseFlow(readFileSync(path, 'utf8'), catalog);
  if (!parsed.ok) throw new Error(`flows-examples/${name}.flow.json does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.flow;
}

export interface RunResult {
  summary: RunSummary;
  events: RunEvent[];
  records: RecordEvent[];
}

export async function runWith(flow: FlowDocument, sims: Sims, ledger: Ledger, opts: { dryRun?: boolean } = {}): Promise<RunResult> {
  const events: RunEvent[] = [];
  const summary = await runFlow({
    flow,
    catalog,
    ledger,
    dryRun: opts.dryRun ?? false,
    clients: { visma: sims.vismaClient, shop: sims.shopClient },
    onEvent: (e) => events.push(e),
  });
  const records = events.flatMap((e) => (e.type === 'record' ? [e] : []));
  return { summary, events, records };
}

export function memoryLedger(): Ledger {
  return openLedger(':memory:');
}

/** GET JSON from a simulator's admin endpoint. */
export async function admin(base: string, path: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(`${base}/__sim/${path}`, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} /__sim/${path} answered ${res.status}`);
  return res.status === 204 ? undefined : res.json();
}

const loggedRequest = z.looseObject({ method: z.string(), path: z.string(), status: z.number(), body: z.unknown() });
export type LoggedRequest = z.infer<typeof loggedRequest>;

/** The CCV simulator's request log since the last call (the log is cleared). */
export async function shopRequests(sims: Sims): Promise<LoggedRequest[]> {
  return z.object({ items: z.array(loggedRequest) }).parse(await admin(sims.ccv.url, 'requests?clear=1')).items;
}

export const writesOf = (log: readonly LoggedRequest[]) => log.filter((r) => r.method !== 'GET');

const shopRecord = z.record(z.string(), z.unknown());
export type ShopRecord = z.infer<typeof shopRecord>;

/** All records of one collection of the CCV simulator's store. */
export async function shopStore(sims: Sims, collection: string): Promise<ShopRecord[]> {
  const out: ShopRecord[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = z.object({ total: z.number(), items: z.array(shopRecord) }).parse(await admin(sims.ccv.url, `store/${collection}?offset=${offset}&limit=500`));
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

const stockRow = z.looseObject({ warehouse: z.string(), onHand: z.number(), soBooked: z.number(), soAllocated: z.number(), notAvailable: z.number() });
export const vismaItem = z.looseObject({
  inventoryNumber: z.string(),
  status: z.string(),
  type: z.string(),
  stockItem: z.boolean(),
  description: z.string().nullable(),
  body: z.string().nullable(),
  vatCode: z.string().nullable(),
  defaultPrice: z.number().nullable(),
  crossReferences: z.array(z.looseObject({ alternateType: z.string(), alternateID: z.string() })),
  attachments: z.array(z.looseObject({ id: z.string(), name: z.string(), revision: z.number() })),
  attributes: z.array(z.looseObject({ id: z.string(), value: z.string() })),
  salesCategories: z.array(z.number()),
  stock: z.array(stockRow),
});
export type VismaItem = z.infer<typeof vismaItem>;

/** All items of the Visma simulator's store. */
export async function vismaItems(sims: Sims): Promise<VismaItem[]> {
  const out: VismaItem[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = z.object({ total: z.number(), records: z.array(vismaItem) }).parse(await admin(sims.visma.url, `store/inventory?offset=${offset}&limit=1000`));
    out.push(...page.records);
    if (out.length >= page.total || page.records.length === 0) return out;
  }
}

const vismaLogged = z.looseObject({ method: z.string(), path: z.string(), query: z.record(z.string(), z.union([z.string(), z.array(z.string())])), status: z.number() });
export type VismaLogged = z.infer<typeof vismaLogged>;

/** The Visma simulator's request log since the last call (the log is cleared). */
export async function vismaRequests(sims: Sims): Promise<VismaLogged[]> {
  return z.array(vismaLogged).parse(await admin(sims.visma.url, 'requests?clear=1'));
}
