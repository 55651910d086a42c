// Every example flow runs green through the CLI against the demo simulators (the same options `--demo` uses),
// a second run creates nothing new, and a dry run writes nothing and lists what it would do.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { main } from '../../cli/main';
import type { Io } from '../../cli/io';
import { demoSimulatorOptions } from '../../host/demo-options';
import { startVismaSimulator, type VismaSimHandle } from '../../simulators/visma-net/index';
import { startCcvSimulator, type CcvSimHandle } from '../../simulators/ccv-shop/index';

let visma: VismaSimHandle;
let ccv: CcvSimHandle;
let home: string;

beforeAll(async () => {
  const opts = demoSimulatorOptions();
  visma = await startVismaSimulator({ ...opts.visma, port: 0 });
  ccv = await startCcvSimulator({ ...opts.ccv, port: 0 });
  home = mkdtempSync(path.join(tmpdir(), 'koppel-demo-'));
});
afterAll(async () => {
  await Promise.all([visma.close(), ccv.close()]);
  rmSync(home, { recursive: true, force: true });
});

async function koppel(args: string[]) {
  let out = '';
  let err = '';
  let code = 0;
  const io: Io = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    exit: (c) => void (code = Math.max(code, c)),
    isTTY: false,
    env: { KOPPEL_HOME: home, KOPPEL_DEMO_VISMA_URL: visma.url, KOPPEL_DEMO_CCV_URL: ccv.url },
  };
  const returned = await main(['node', 'koppel', ...args], io);
  return { out, err, code: Math.max(code, returned) };
}

const totalSchema = z.looseObject({ total: z.number() });
async function total(url: string): Promise<number> {
  const res = await fetch(url);
  return totalSchema.parse(await res.json()).total;
}
/** Records the tests wrote into Visma.net, and everything the shop holds. */
const vismaWritten = (collection: string) => total(`${visma.url}/__sim/store/${collection}?written=1&limit=1`);
const shopTotal = (collection: string) => total(`${ccv.url}/__sim/store/${collection}?limit=1`);

const logSchema = z.array(z.looseObject({ method: z.string() }));
async function writes(): Promise<number> {
  const v = logSchema.parse(await (await fetch(`${visma.url}/__sim/requests`)).json());
  const cBody = z.looseObject({ items: logSchema }).parse(await (await fetch(`${ccv.url}/__sim/requests`)).json());
  return [...v, ...cBody.items].filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method) && !String(r.path ?? '').includes('/connect/token')).length;
}
async function clearLogs(): Promise<void> {
  await Promise.all([fetch(`${visma.url}/__sim/requests`, { method: 'DELETE' }), fetch(`${ccv.url}/__sim/requests`, { method: 'DELETE' })]);
}

const flow = (name: string) => path.join('flows-examples', `${name}.flow.json`);

/** Flow, and the count that must grow on its first run. */
const cases: [string, () => Promise<number>][] = [
  ['products', () => shopTotal('products')],
  ['stock', () => shopTotal('products')],
  ['customers', () => vismaWritten('customers')],
  ['orders-sales-orders', () => vismaWritten('salesOrders')],
  ['orders-sales-invoices', () => vismaWritten('customerInvoices')],
  ['orders-financial', () => vismaWritten('journalTransactions')],
];

describe('example flows against the demo simulators', () => {
  it.each(cases)('%s: dry run writes nothing, run succeeds, rerun creates nothing', async (name, count) => {
    const before = await count();
    await clearLogs();
    const dry = await koppel(['run', flow(name), '--demo', '--dry-run']);
    expect(dry.err + dry.out).not.toMatch(/failed records/);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/dry run: nothing was written/);
    expect(await writes()).toBe(0);
    expect(await count()).toBe(before);
    if (name !== 'stock') expect(dry.out).toMatch(/planned changes \(\d+\):\n\s+(create|update) /);

    const first = await koppel(['run', flow(name), '--demo']);
    expect(first.out).toMatch(/succeeded/);
    expect(first.code).toBe(0);
    const after = await count();
    if (name !== 'stock') expect(after).toBeGreaterThan(before);

    const second = await koppel(['run', flow(name), '--demo']);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/created 0,/);
    expect(await count()).toBe(after);
  });
});
