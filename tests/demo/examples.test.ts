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

describe('the example flows against a plain `koppel sim`', () => {
  it('the order flow finds every SKU of the shop in Visma.net and posts', async () => {
    const { spawn } = await import('node:child_process');
    const { createInterface } = await import('node:readline');
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
    const child = spawn(process.execPath, [path.join(root, 'bin/koppel.mjs'), 'sim', '--visma-port', '0', '--ccv-port', '0', '--no-rate-limit'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let urls: { visma: string; ccv: string } | undefined;
      for await (const line of createInterface({ input: child.stdout })) {
        const ready = z.object({ visma: z.object({ apiUrl: z.string() }), ccv: z.object({ url: z.string() }) }).safeParse(JSON.parse(line));
        if (ready.success) {
          urls = { visma: ready.data.visma.apiUrl, ccv: ready.data.ccv.url };
          break;
        }
      }
      if (!urls) throw new Error('koppel sim did not start');
      const own = mkdtempSync(path.join(tmpdir(), 'koppel-sim-'));
      try {
        let out = '';
        const io: Io = { out: (t) => void (out += t), err: () => undefined, exit: () => undefined, isTTY: false, env: { KOPPEL_HOME: own, KOPPEL_DEMO_VISMA_URL: urls.visma, KOPPEL_DEMO_CCV_URL: urls.ccv } };
        const code = await main(['node', 'koppel', 'run', 'flows-examples/orders-sales-orders.flow.json', '--demo', '--json'], io);
        const finished = out.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((e) => e.type === 'run.finished');
        expect(finished?.status, out.slice(-2000)).toBe('succeeded');
        expect(finished?.counts.created).toBeGreaterThan(0);
        expect(code).toBe(0);
      } finally {
        rmSync(own, { recursive: true, force: true });
      }
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});

