/**
 * `npm run bench`: syncs the product flow against the simulators (in a child process, so this process's CPU time
 * is Koppel's own: engine, nodes and connectors, without the simulated APIs) and prints records per second,
 * requests made against the minimum needed, CPU time per record and peak memory, at 10,000 and 100,000 items.
 * Sizes: BENCH_SIZES=10000,100000 (default).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlow, runFlow, openLedger } from '../engine/index';
import { catalog } from '../nodes/catalog';
import { demoClients } from '../cli/demo';
import { z } from 'zod';

const readySchema = z.object({ visma: z.object({ apiUrl: z.string() }), ccv: z.object({ url: z.string() }) });
// Both request logs keep a window of recent entries, each numbered from the simulator's start (id / seq).
const entrySchema = z.looseObject({ method: z.string(), id: z.number().optional(), seq: z.number().optional() });
const requestLogSchema = z.union([z.array(entrySchema), z.looseObject({ items: z.array(entrySchema) })]);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Sims {
  vismaUrl: string;
  ccvUrl: string;
  child: ChildProcess;
}

async function startSims(items: number): Promise<Sims> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin/koppel.mjs'), 'sim', '--visma-port', '0', '--ccv-port', '0', '--items', String(items), '--products', '0', '--orders', '0', '--no-rate-limit'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const ready = readySchema.safeParse(JSON.parse(line));
    if (ready.success) return { vismaUrl: ready.data.visma.apiUrl, ccvUrl: ready.data.ccv.url, child };
  }
  throw new Error('The simulators did not start.');
}

async function requestCount(url: string): Promise<{ total: number; byMethod: Record<string, number> }> {
  const res = await fetch(`${url}/__sim/requests`);
  const body = requestLogSchema.parse(await res.json());
  const entries = Array.isArray(body) ? body : body.items;
  const last = entries.at(-1);
  const total = last ? (last.id ?? last.seq ?? entries.length) : 0;
  const byMethod: Record<string, number> = {};
  for (const e of entries) byMethod[e.method] = (byMethod[e.method] ?? 0) + 1;
  return { total, byMethod };
}

async function bench(items: number): Promise<void> {
  const sims = await startSims(items);
  try {
    const parsed = parseFlow(await readFile(path.join(root, 'flows-examples/products.flow.json'), 'utf8'), catalog);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const flow = parsed.flow;
    const ledger = openLedger(':memory:');
    const clients = demoClients(flow, { vismaUrl: sims.vismaUrl, ccvUrl: sims.ccvUrl, started: [], close: async () => {} }, { pacing: false });

    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    global.gc?.();
    const baseHeap = process.memoryUsage().heapUsed;
    const timer = setInterval(sample, 25);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const summary = await runFlow({ flow, catalog, clients, ledger });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(timer);
    sample();

    const visma = await requestCount(sims.vismaUrl);
    const ccv = await requestCount(sims.ccvUrl);
    const written = summary.counts.created + summary.counts.updated;
    const vismaPages = Math.ceil(items / 500);
    // The least a first sync can do: one token, the item pages, one settings read, and one create per product.
    const minimum = 1 + vismaPages + 1 + written;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      [
        `items ${items}: ${summary.status}, created ${summary.counts.created}, updated ${summary.counts.updated}, unchanged ${summary.counts.skipped}, failed ${summary.counts.failed}`,
        `  wall ${(wall / 1000).toFixed(1)} s, ${(summary.counts.in / (wall / 1000)).toFixed(0)} records/s`,
        `  requests: Visma.net ${visma.total}, CCV Shop ${ccv.total} (last ones by method: ${JSON.stringify(ccv.byMethod)}); total ${visma.total + ccv.total} vs minimum ${minimum}`,
        `  Koppel CPU (engine + nodes + connectors, no API time): ${(cpuMs / Math.max(1, summary.counts.in)).toFixed(3)} ms/record`,
        `  peak memory: rss ${mb(peakRss)}, heap ${mb(peakHeap)} (heap at start ${mb(baseHeap)})`,
      ].join('\n'),
    );
    ledger.close();
  } finally {
    sims.child.kill('SIGTERM');
  }
}

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
for (const n of sizes) await bench(n);
