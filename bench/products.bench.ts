/**
 * `npm run bench`: the product flow (flows-examples/products.flow.json) against both simulators, at the vendors'
 * real rate limits (CCV Shop 150 GET + 100 writes a minute per resource, Visma.net 15,000 calls an hour) on a time
 * scale (BENCH_TIME_SCALE, default 60: a minute lasts a second), so a run is short but has the shape of a real one.
 *
 * Per size (BENCH_SIZES, default 10000,100000) three runs, each as a new process would make it (fresh clients, the
 * same ledger file): a first sync into an empty shop, a run after 10% of the items changed in Visma.net, and an
 * unchanged re-run. Printed per run: requests against the least the run needs, wall time against the rate-limit
 * floor (the time the busiest budget needs for the requests it served), Koppel's own CPU per record (engine,
 * nodes, connectors; the simulators run in a child process), peak RSS, and 429 answers (must be 0).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { VismaClient } from '../connectors/visma-net/index';
import { CcvClient } from '../connectors/ccv-shop/index';
import { openLedger, parseFlow, runFlow } from '../engine/index';
import type { FlowDocument, Ledger, RunSummary } from '../engine/index';
import { catalog } from '../nodes/catalog';
import { DEMO_CREDENTIALS as VISMA_DEMO } from '../simulators/visma-net/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scale = Number(process.env.BENCH_TIME_SCALE ?? 60);
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const VISMA_PAGE = 500;
const CCV_WINDOW_MS = 60_000;
const CCV_DEMO = { publicKey: 'demo_public_key', secretKey: 'demo_secret_key' };

const readySchema = z.object({ visma: z.object({ apiUrl: z.string() }), ccv: z.object({ url: z.string() }) });
const statsSchema = z.looseObject({
  requests: z.number(),
  limited: z.number(),
  cpuMs: z.number(),
  endpoints: z.record(z.string(), z.looseObject({ count: z.number() })),
  budgets: z.record(z.string(), z.looseObject({ limit: z.number(), windowMs: z.number(), counted: z.number() })),
});
type Stats = z.infer<typeof statsSchema>;

interface Sims {
  vismaUrl: string;
  ccvUrl: string;
  child: ChildProcess;
}

async function startSims(items: number): Promise<Sims> {
  const args = ['sim', '--visma-port', '0', '--ccv-port', '0', '--items', String(items), '--products', '0', '--orders', '0', '--time-scale', String(scale)];
  const child = spawn(process.execPath, [path.join(root, 'bin/koppel.mjs'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: child.stdout! })) {
    const ready = readySchema.safeParse(JSON.parse(line));
    if (ready.success) return { vismaUrl: ready.data.visma.apiUrl, ccvUrl: ready.data.ccv.url, child };
  }
  throw new Error('The simulators did not start.');
}

async function stats(url: string): Promise<Stats> {
  const res = await fetch(`${url}/__sim/stats`);
  return statsSchema.parse(await res.json());
}

async function resetStats(url: string): Promise<void> {
  await (await fetch(`${url}/__sim/stats`, { method: 'DELETE' })).body?.cancel();
}

/** Clients as a new Koppel process would make them, with the CCV budgets on the simulators' time scale. */
function clients(sims: Sims) {
  const visma = new VismaClient({ ...VISMA_DEMO, tokenUrl: `${sims.vismaUrl}/connect/token`, apiUrl: sims.vismaUrl, salesOrderUrl: sims.vismaUrl, pageSize: VISMA_PAGE });
  const shop = new CcvClient({ baseUrl: sims.ccvUrl, ...CCV_DEMO, budgets: { windowMs: CCV_WINDOW_MS / scale } });
  return { visma, shop };
}

/** The time the busiest rate-limit budget needs for what it served: a sliding or fixed window lets `limit` through, then `limit` per window. */
function floorMs(all: Stats[]): { ms: number; budget: string } {
  let best = { ms: 0, budget: '-' };
  for (const s of all) {
    for (const [name, b] of Object.entries(s.budgets)) {
      const ms = b.counted > b.limit ? ((b.counted - b.limit) / b.limit) * b.windowMs : 0;
      if (ms > best.ms) best = { ms, budget: name };
    }
  }
  return best;
}

interface Scenario {
  name: string;
  /** The least the run needs: Visma token + item pages, the shop's VAT setting (2), packages and product list when creating, one write per changed record. */
  minimum: (summary: RunSummary) => number;
}

async function runOnce(flow: FlowDocument, sims: Sims, ledger: Ledger, scenario: Scenario): Promise<string> {
  await Promise.all([resetStats(sims.vismaUrl), resetStats(sims.ccvUrl)]);
  const c = clients(sims);
  let peakRss = 0;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
  global.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // As `koppel run` does: every event and record outcome goes into the ledger.
  let recorder: ReturnType<Ledger['recorder']> | undefined;
  const summary = await runFlow({
    flow,
    catalog,
    clients: { visma: c.visma, shop: c.shop },
    ledger,
    onEvent: (event) => {
      if (event.type === 'run.started') recorder = ledger.recorder(event.runId, flow);
      recorder?.onEvent(event);
    },
  });
  recorder?.flush();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  await Promise.all([c.visma.close(), c.shop.close()]);

  const [v, s] = await Promise.all([stats(sims.vismaUrl), stats(sims.ccvUrl)]);
  const floor = floorMs([v, s]);
  const records = summary.nodes.items?.counts.out ?? 0;
  const written = summary.counts.created + summary.counts.updated;
  const requests = v.requests + s.requests;
  const minimum = scenario.minimum(summary);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const byEndpoint = Object.entries({ ...v.endpoints, ...s.endpoints })
    .filter(([, e]) => e.count > 0)
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, 4)
    .map(([k, e]) => `${k} ${e.count}`)
    .join(', ');
  return [
    `  ${scenario.name}: ${summary.status}; read ${records}, created ${summary.counts.created}, updated ${summary.counts.updated}, unchanged ${summary.counts.skipped}, failed ${summary.counts.failed}`,
    `    requests ${requests} vs minimum ${minimum} (${(requests / Math.max(1, minimum)).toFixed(3)}x); 429 answers ${v.limited + s.limited}; most: ${byEndpoint}`,
    `    wall ${(wall / 1000).toFixed(1)} s vs rate-limit floor ${(floor.ms / 1000).toFixed(1)} s (${floor.budget})${floor.ms > 0 ? ` = ${(wall / floor.ms).toFixed(3)}x` : ''}; ${written > 0 ? `${(written / (wall / 1000)).toFixed(0)} writes/s` : 'nothing written'}`,
    `    Koppel CPU ${records > 0 ? `${(cpuMs / records).toFixed(3)} ms/record (user ${(cpu.user / 1000 / records).toFixed(3)}, system ${(cpu.system / 1000 / records).toFixed(3)})` : `${cpuMs.toFixed(0)} ms`} (simulators: ${((v.cpuMs + s.cpuMs) / Math.max(1, records)).toFixed(3)} ms/record); peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
  ].join('\n');
}

/** Changes the description of every tenth active item through the Visma.net API; returns how many. */
async function changeTenPercent(sims: Sims): Promise<number> {
  const { visma } = clients(sims);
  const numbers: string[] = [];
  let i = 0;
  for await (const item of visma.inventory.iterate({ pageSize: VISMA_PAGE })) {
    if (item.status === 'Active' && item.type !== 'NonStockItem' && i++ % 10 === 0 && item.inventoryNumber) numbers.push(item.inventoryNumber);
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < numbers.length) {
        const n = numbers[next++]!;
        await visma.inventory.update(n, { description: `Changed ${n}` });
      }
    }),
  );
  await visma.close();
  return numbers.length;
}

async function bench(items: number): Promise<void> {
  const sims = await startSims(items);
  const dir = mkdtempSync(path.join(tmpdir(), 'koppel-bench-'));
  const ledger = openLedger(path.join(dir, 'ledger.db'));
  try {
    const parsed = parseFlow(await readFile(path.join(root, 'flows-examples/products.flow.json'), 'utf8'), catalog);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const flow = parsed.flow;
    const pages = (n: number) => Math.max(1, Math.ceil(n / VISMA_PAGE));
    console.log(`items ${items}, time scale x${scale} (CCV 150 GET + 100 writes per resource per ${CCV_WINDOW_MS / scale / 1000} s, Visma.net 15,000 per ${3600 / scale} s):`);
    console.log(await runOnce(flow, sims, ledger, { name: 'first sync', minimum: (s) => 1 + pages(items) + 2 + 1 + 1 + s.counts.created }));
    const changed = await changeTenPercent(sims);
    console.log(await runOnce(flow, sims, ledger, { name: `${changed} items changed`, minimum: (s) => 1 + pages(changed) + 2 + s.counts.updated }));
    // The delta overlap reads the last changes again; their hash needs the shop's VAT setting (2 calls), nothing is written.
    console.log(await runOnce(flow, sims, ledger, { name: 'unchanged re-run', minimum: (s) => 1 + pages(s.nodes.items?.counts.out ?? 0) + ((s.nodes.items?.counts.out ?? 0) > 0 ? 2 : 0) }));
  } finally {
    ledger.close();
    rmSync(dir, { recursive: true, force: true });
    sims.child.kill('SIGTERM');
  }
}

for (const n of sizes) await bench(n);
