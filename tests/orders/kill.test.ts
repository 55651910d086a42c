// The orders flow run by the real CLI (`koppel run <flow> --demo`), killed with SIGKILL at random moments and
// started again, must leave exactly one sales order per shop order and one customer per e-mail in Visma.net.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, serializeFlow } from '../../engine/index';
import { goldens, shopOrder } from './golden-orders';
import { at, clients, createCostItems, insertOrders, loadExample, startSims, withParams, written } from './harness';
import type { Sims } from './harness';

const root = fileURLToPath(new URL('../../', import.meta.url));
let s: Sims;
let dir: string;
let flowFile: string;

/** Every golden order twice (other ids and numbers, same customers): 16 orders, 8 customers. */
const orders = [0, 1].flatMap((copy) => goldens.map((g) => shopOrder({ ...g.order, id: g.order.id + copy * 1000, number: g.order.number + copy * 100 })));

beforeAll(async () => {
  // A little latency so that kills land in the middle of posting, not only before or after.
  s = await startSims({ vismaLatencyMs: 5 });
  await createCostItems(clients(s).visma);
  await insertOrders(s.ccv, orders);
  dir = mkdtempSync(join(tmpdir(), 'koppel-kill-'));
  flowFile = join(dir, 'orders.flow.json');
  // Every run reads every order again (no status filter), so restarted runs meet the orders already sent.
  writeFileSync(flowFile, serializeFlow(withParams(loadExample('orders-sales-orders'), { orders: { statuses: [] } })));
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  finished: boolean;
}

/** Runs the CLI; with `killAfterMs` it is killed that long after the run started. */
function runCli(killAfterMs?: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/koppel.mjs', 'run', flowFile, '--demo', '--json'], {
      cwd: root,
      env: { ...process.env, KOPPEL_HOME: dir, KOPPEL_DEMO_VISMA_URL: s.visma.url, KOPPEL_DEMO_CCV_URL: s.ccv.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killAfterMs !== undefined && timer === undefined && out.includes('"run.started"')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, finished: out.includes('"run.finished"') });
    });
  });
}

/** A small deterministic generator, so that a failing sequence of kill moments can be repeated. */
function delays(seed: number, n: number, maxMs: number): number[] {
  let x = seed >>> 0 || 1;
  return Array.from({ length: n }, () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % maxMs;
  });
}

describe('killing the CLI during an orders run', () => {
  it('leaves exactly one sales order per shop order, however often it is killed and restarted', { timeout: 120_000 }, async () => {
    const seed = Date.now() % 100_000;
    const moments = delays(seed, 3, 800);
    const outcomes: Outcome[] = [];
    for (const ms of moments) outcomes.push(await runCli(ms));
    const last = await runCli();
    const where = `kill moments ${moments.join(', ')} ms (seed ${seed})`;
    expect(last, where).toEqual({ code: 0, signal: null, finished: true });
    expect(outcomes.some((o) => o.signal === 'SIGKILL'), where).toBe(true);

    const salesOrders = await written(s.visma, 'salesOrders');
    const refs = salesOrders.map((o) => String(o.customerRefNo)).sort();
    expect(refs, where).toEqual(orders.map((o) => `CCV-${String(o.ordernumber)}`).sort());
    const customers = await written(s.visma, 'customers');
    expect(customers, where).toHaveLength(goldens.length);
    const emails = customers.map((cu) => at(cu, 'mainContact', 'email'));
    expect(new Set(emails).size, where).toBe(goldens.length);
    // Every write a killed run began is settled by the runs after it.
    const ledger = openLedger(join(dir, 'ledger.db'));
    try {
      expect(ledger.pendingWrites(), where).toEqual([]);
    } finally {
      ledger.close();
    }
  });
});
