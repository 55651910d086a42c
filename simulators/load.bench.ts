/**
 * Load script for the simulators: how much CPU the simulator process spends per request, per request type.
 *
 *   node --import tsx simulators/load.bench.ts [--items 10000] [--products 0] [--records <n>] [--updates <n>]
 *        [--concurrency 4] [--warmup 1000] [--only visma|ccv] [--cpu-prof <dir>]
 *
 * It starts `koppel sim` in a child process (both simulators, rate limits off), like bench/products.bench.ts does,
 * and drives it with the request mix of the product benchmark:
 *   - Visma.net: one token call, then every inventory page with pageSize=500 (the product flow's expands), and a
 *     few pages with the default expands (all true);
 *   - CCV Shop, per record: GET /api/rest/v1/products/?productnumber=X (a miss), then POST /api/rest/v1/products/
 *     (in batches: the batch's GETs, then its POSTs, so each phase is measured on its own), then for `--updates`
 *     of them a GET (a hit) and a PATCH /api/rest/v1/products/{id}/; with `--products` seeded products also
 *     GET + PATCH of seeded ones.
 * Every CCV request is HMAC-signed as in reference/ccv-shop/README.md §2.1 (own code here, not the simulator's).
 *
 * CPU is the simulator process's user+system time per phase: `cpuMs` of GET /__sim/stats when the simulator has it,
 * else /proc/<pid>/stat (Linux, 10 ms ticks). Both simulators share the process, and the phases run one at a time.
 * `--cpu-prof <dir>` runs the child with `node --cpu-prof` and leaves the .cpuprofile in that directory.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : process.argv[i + 1];
  return v === undefined ? fallback : Number(v);
}
function textFlag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const items = flag('items', 10_000);
const seededProducts = flag('products', 0);
const records = flag('records', items);
const updates = flag('updates', Math.min(records, 5000));
const concurrency = flag('concurrency', 4);
/** Unmeasured requests of each kind first, so the figures are the steady state, not the JIT warming up. */
const warmup = flag('warmup', 1000);
const profDir = textFlag('cpu-prof');
/** `visma` or `ccv`: run only that simulator's phases (for a profile of one of them). */
const only = textFlag('only');
const BATCH = 500;

interface Ready {
  visma: { tokenUrl: string; apiUrl: string; credentials: { clientId: string; clientSecret: string; tenantId: string } };
  ccv: { url: string; credentials: { publicKey: string; secretKey: string } };
}

function isReady(v: unknown): v is Ready {
  return typeof v === 'object' && v !== null && 'visma' in v && 'ccv' in v;
}

const nodeArgs = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
const child = spawn(
  process.execPath,
  [...nodeArgs, path.join(root, 'bin/koppel.mjs'), 'sim', '--visma-port', '0', '--ccv-port', '0', '--items', String(items),
    '--products', String(seededProducts), '--orders', '0', '--no-rate-limit'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
let ready: Ready | undefined;
if (!child.stdout) throw new Error('no stdout from the child');
for await (const line of createInterface({ input: child.stdout })) {
  const parsed: unknown = JSON.parse(line);
  if (isReady(parsed)) {
    ready = parsed;
    break;
  }
}
if (!ready) throw new Error('The simulators did not start.');
const sims = ready;
const pid = child.pid ?? 0;

const TICK_MS = 10; // CLK_TCK 100 on Linux
function procCpuMs(): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function statsCpuMs(base: string): Promise<number | undefined> {
  const res = await fetch(`${base}/__sim/stats`);
  if (!res.ok) {
    await res.arrayBuffer();
    return undefined;
  }
  const body: unknown = await res.json();
  return typeof body === 'object' && body !== null && 'cpuMs' in body && typeof body.cpuMs === 'number' ? body.cpuMs : undefined;
}

const hasStats = (await statsCpuMs(sims.ccv.url)) !== undefined;
const cpuNow = async (): Promise<number> => (hasStats ? ((await statsCpuMs(sims.ccv.url)) ?? 0) : procCpuMs());

interface PhaseResult {
  name: string;
  requests: number;
  cpuMs: number;
  wallMs: number;
  /** CPU ms per request of the last run of the phase (for CCV: the last batch, at the largest store). */
  lastPerReq: number;
}
const results = new Map<string, PhaseResult>();

async function measure(name: string, count: number, run: () => Promise<void>): Promise<void> {
  const c0 = await cpuNow();
  const t0 = performance.now();
  await run();
  const wall = performance.now() - t0;
  const cpu = (await cpuNow()) - c0;
  const r = results.get(name) ?? { name, requests: 0, cpuMs: 0, wallMs: 0, lastPerReq: 0 };
  r.lastPerReq = cpu / count;
  r.requests += count;
  r.cpuMs += cpu;
  r.wallMs += wall;
  results.set(name, r);
}

/** Runs `n` tasks with at most `concurrency` in flight. */
async function pool(n: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

// ---- Visma.net ----
const tokenRes = await fetch(sims.visma.tokenUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sims.visma.credentials.clientId, client_secret: sims.visma.credentials.clientSecret, tenant_id: sims.visma.credentials.tenantId, scope: 'vismanet_erp_service_api:read' }),
});
const tokenBody: unknown = await tokenRes.json();
if (typeof tokenBody !== 'object' || tokenBody === null || !('access_token' in tokenBody) || typeof tokenBody.access_token !== 'string') throw new Error('no token');
const bearer = tokenBody.access_token;

const FLOW_EXPANDS = 'expandAccountInformation=false&expandAttachment=false&expandAttribute=false&expandCrossReference=true&expandInventoryUnits=false&expandNote=false&expandSalesCategories=false&expandSupplierDetails=false&expandWarehouseDetail=true';
async function vismaPage(n: number, expands: string): Promise<void> {
  const res = await fetch(`${sims.visma.apiUrl}/v1/inventory?pageNumber=${n}&pageSize=500${expands ? `&${expands}` : ''}`, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`visma page ${n}: ${res.status}`);
  await res.arrayBuffer();
}
const pages = only === 'ccv' ? 0 : Math.ceil(items / 500);
if (pages > 0 && warmup > 0) {
  const n = Math.min(pages, Math.max(1, Math.round(warmup / 200)));
  for (let i = 0; i < n; i++) {
    await vismaPage(i + 1, FLOW_EXPANDS);
    await vismaPage(i + 1, '');
  }
}
if (only !== 'ccv') await measure('token', 1, async () => {
  const r = await fetch(sims.visma.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sims.visma.credentials.clientId, client_secret: sims.visma.credentials.clientSecret, tenant_id: sims.visma.credentials.tenantId }),
  });
  await r.arrayBuffer();
});
if (pages > 0) await measure('visma page 500 (flow expands)', pages, () => pool(pages, (i) => vismaPage(i + 1, FLOW_EXPANDS)));
const allPages = Math.min(pages, 20);
if (allPages > 0) await measure('visma page 500 (all expands)', allPages, () => pool(allPages, (i) => vismaPage(i + 1, '')));

// ---- CCV Shop ----
const { publicKey, secretKey } = sims.ccv.credentials;
function xDate(): string {
  return `${new Date().toISOString().slice(0, 19)}Z`;
}
async function ccv(method: string, uri: string, body?: unknown): Promise<{ status: number; text: string }> {
  const data = body === undefined ? '' : JSON.stringify(body);
  const date = xDate();
  const hash = createHmac('sha512', secretKey).update(`${publicKey}|${method}|${uri}|${data}|${date}`).digest('hex');
  const res = await fetch(`${sims.ccv.url}${uri}`, {
    method,
    headers: { 'x-public': publicKey, 'x-date': date, 'x-hash': hash, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: data }),
  });
  return { status: res.status, text: await res.text() };
}

function idFromList(text: string): number | undefined {
  const body: unknown = JSON.parse(text);
  if (typeof body !== 'object' || body === null || !('items' in body) || !Array.isArray(body.items)) return undefined;
  const first: unknown = body.items[0];
  return typeof first === 'object' && first !== null && 'id' in first && typeof first.id === 'number' ? first.id : undefined;
}

const pkgs = await ccv('GET', '/api/rest/v1/packages/');
const packageId = idFromList(pkgs.text);
if (packageId === undefined) throw new Error(`no package id: ${pkgs.text.slice(0, 200)}`);

const numberOf = (i: number): string => (i % 50 === 7 ? `PK/${i}` : `ART-${String(i).padStart(6, '0')}`);
const lookupUri = (pn: string): string => `/api/rest/v1/products/?productnumber=${encodeURIComponent(pn)}&start=0&size=25`;
const createBody = (i: number): Record<string, unknown> => ({
  productnumber: numberOf(i),
  name: `Notitieboek klassiek ${i}`,
  description: `<p>Notitieboek klassiek ${i}. Gemaakt van duurzame materialen.</p><ul><li>Artikel ${numberOf(i)}</li></ul>`,
  shortdescription: `Notitieboek klassiek ${i}`,
  price: 12.95 + (i % 40),
  discount: 0,
  stock: i % 120,
  eannumber: `871${String(i).padStart(9, '0')}5`,
  active: true,
  taxtariff: i % 7 === 0 ? 'low a' : 'normal',
  package_id: packageId,
});
// Warm-up: the same request kinds on other product numbers (the products stay in the shop).
await pool(only === 'visma' ? 0 : warmup, async (k) => {
  const pn = `WARM-${k}`;
  await ccv('GET', lookupUri(pn));
  const r = await ccv('POST', '/api/rest/v1/products/', { ...createBody(k), productnumber: pn });
  const created: unknown = JSON.parse(r.text);
  const id = typeof created === 'object' && created !== null && 'id' in created && typeof created.id === 'number' ? created.id : 0;
  await ccv('GET', lookupUri(pn));
  await ccv('PATCH', `/api/rest/v1/products/${id}/`, { price: 1, stock: 2 });
});
const ids = new Map<number, number>();
const ccvRecords = only === 'visma' ? 0 : records;
const ccvUpdates = only === 'visma' ? 0 : updates;


for (let from = 0; from < ccvRecords; from += BATCH) {
  const n = Math.min(BATCH, ccvRecords - from);
  await measure('ccv GET ?productnumber (miss)', n, () => pool(n, async (k) => {
    const r = await ccv('GET', lookupUri(numberOf(from + k)));
    if (r.status !== 200) throw new Error(`GET: ${r.status} ${r.text}`);
  }));
  await measure('ccv POST products', n, () => pool(n, async (k) => {
    const r = await ccv('POST', '/api/rest/v1/products/', createBody(from + k));
    if (r.status !== 201) throw new Error(`POST: ${r.status} ${r.text}`);
    const created: unknown = JSON.parse(r.text);
    if (typeof created === 'object' && created !== null && 'id' in created && typeof created.id === 'number') ids.set(from + k, created.id);
  }));
}
const found = new Map<number, number>();
for (let from = 0; from < ccvUpdates; from += BATCH) {
  const n = Math.min(BATCH, ccvUpdates - from);
  await measure('ccv GET ?productnumber (hit)', n, () => pool(n, async (k) => {
    const r = await ccv('GET', lookupUri(numberOf(from + k)));
    const id = idFromList(r.text);
    if (r.status !== 200 || id === undefined || id !== ids.get(from + k)) throw new Error(`GET hit ${numberOf(from + k)}: ${r.status} ${r.text.slice(0, 300)}`);
    found.set(from + k, id);
  }));
  await measure('ccv PATCH products/{id}', n, () => pool(n, async (k) => {
    const i = from + k;
    const r = await ccv('PATCH', `/api/rest/v1/products/${found.get(i) ?? 0}/`, { price: 14.95 + (i % 30), stock: (i * 7) % 100, name: `Notitieboek premium ${i}`, shortdescription: `Notitieboek premium ${i}` });
    if (r.status !== 204) throw new Error(`PATCH: ${r.status} ${r.text}`);
  }));
}
if (seededProducts > 0 && only !== 'visma') {
  const n = Math.min(seededProducts, 2000);
  const step = Math.max(1, Math.floor(seededProducts / n));
  const seededIds = new Map<number, number>();
  await measure('ccv GET ?productnumber (seeded hit)', n, () => pool(n, async (k) => {
    const sku = `SKU-${String(k * step + 1).padStart(6, '0')}`;
    const r = await ccv('GET', lookupUri(sku));
    const id = idFromList(r.text);
    if (r.status !== 200 || id === undefined) throw new Error(`GET seeded ${sku}: ${r.status} ${r.text.slice(0, 300)}`);
    seededIds.set(k, id);
  }));
  await measure('ccv PATCH products/{id} (seeded)', n, () => pool(n, async (k) => {
    const r = await ccv('PATCH', `/api/rest/v1/products/${seededIds.get(k) ?? 0}/`, { price: 9.95, stock: k % 50 });
    if (r.status !== 204) throw new Error(`PATCH seeded: ${r.status} ${r.text}`);
  }));
}

console.log(`simulators: items ${items}, seeded products ${seededProducts}, created ${records} (+${only === 'visma' ? 0 : warmup} warm-up), updated ${updates}, concurrency ${concurrency}, CPU from ${hasStats ? '/__sim/stats cpuMs' : '/proc stat'}`);
console.log(['phase'.padEnd(40), 'requests'.padStart(9), 'CPU ms'.padStart(10), 'CPU ms/req'.padStart(11), 'last batch'.padStart(11), 'req/s'.padStart(8)].join(' '));
for (const r of results.values()) {
  console.log([r.name.padEnd(40), String(r.requests).padStart(9), r.cpuMs.toFixed(0).padStart(10), (r.cpuMs / r.requests).toFixed(3).padStart(11), r.lastPerReq.toFixed(3).padStart(11), (r.requests / (r.wallMs / 1000)).toFixed(0).padStart(8)].join(' '));
}
child.kill('SIGTERM');
await new Promise<void>((resolve) => child.once('exit', () => resolve()));
