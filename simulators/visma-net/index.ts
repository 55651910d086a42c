// Public entry point: a local HTTP simulator of Visma Connect, the Visma.net ERP main API and the SalesOrders API V3.
import { createServer, type Server } from 'node:http';
import { TokenStore } from './auth';
import { Faults } from './faults';
import { DEMO_CREDENTIALS, defaultConfig, type VismaSimHandle, type VismaSimOptions } from './options';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import { createRouter, handleRequest } from './server';
import { SimStats } from './stats';
import type { SimState } from './state';
import { Store } from './store';

export type { SimConfig, SizedCollection, VismaSimHandle, VismaSimOptions } from './options';
export { DEMO_CREDENTIALS } from './options';
export { generateItem as seededItem } from './seed-inventory';
export { COST_ITEMS } from './seed-cost-items';

export async function startVismaSimulator(opts: VismaSimOptions = {}): Promise<VismaSimHandle> {
  const now = opts.now ?? Date.now;
  const seed = opts.seed ?? 1;
  if (opts.timeScale !== undefined && !(Number.isFinite(opts.timeScale) && opts.timeScale > 0 && opts.timeScale <= 1_000_000)) {
    throw new Error(`visma simulator: timeScale must be a positive number up to 1000000, got ${opts.timeScale}`);
  }
  const config = defaultConfig(opts);
  const ctx = { config, now, store: Store.create(seed, opts.sizes, opts.costItems ?? false), baseUrl: '' };
  const state: SimState = {
    ctx,
    log: new RequestLog(() => config.requestLogLimit),
    faults: new Faults(seed),
    rate: new RateLimiter(() => config.rateLimitPerHour, now, () => config.timeScale),
    stats: new SimStats(now),
    tokens: new TokenStore(),
    quiet: opts.quiet ?? false,
  };
  const router = createRouter();
  const server: Server = createServer((req, res) => {
    handleRequest(state, router, req, res).catch((e: unknown) => {
      if (!state.quiet) console.error('[visma-sim] request failed', e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('visma simulator: server did not bind to a TCP port');
  const port = addr.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  ctx.baseUrl = url;
  const prune = setInterval(() => state.tokens.prune(now()), 60_000);
  prune.unref();
  if (!state.quiet) console.log(`[visma-sim] Visma.net simulator on ${url} (seed ${seed})`);
  return {
    url,
    tokenUrl: `${url}/connect/token`,
    apiUrl: url,
    salesOrderUrl: url,
    credentials: { ...DEMO_CREDENTIALS },
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(prune);
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
