// Public API of the CCV Shop REST API v1 simulator.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultConfig } from './config';
import { SimCore } from './core';
import { CcvServer } from './server';
import type { SeedSkus } from './seed/products';
import { DEFAULT_SIZES } from './state';

export type { SeedSkus } from './seed/products';

export interface CcvSimOptions {
  port?: number;
  host?: string; // default 0 / '127.0.0.1'
  seed?: number; // default 1
  sizes?: Partial<Record<'products' | 'orders' | 'users' | 'categories', number>>;
  /** Seed these product numbers / combination SKUs instead of SKU-nnnnnn (a shop already synced with its ERP). */
  skus?: SeedSkus;
  latencyMs?: number;
  rateLimit?: { getPerMinute: number; writePerMinute: number } | false; // default 150 / 100
  /** Rate-limit windows run this many times faster (60: a minute lasts 1 s); budgets keep their counts. Default 1. */
  timeScale?: number;
  now?: () => number;
  quiet?: boolean;
}

export interface CcvSimHandle {
  url: string; // http://127.0.0.1:PORT  (the shop base; API at url + '/api/rest/v1/')
  apiRoot: string; // url + '/api/rest/v1/'
  credentials: { publicKey: string; secretKey: string }; // demo: 'demo_public_key' / 'demo_secret_key'
  close(): Promise<void>;
}

export async function startCcvSimulator(opts: CcvSimOptions = {}): Promise<CcvSimHandle> {
  const config = defaultConfig();
  if (opts.latencyMs !== undefined) config.latencyMs = opts.latencyMs;
  if (opts.timeScale !== undefined) {
    if (!(Number.isFinite(opts.timeScale) && opts.timeScale > 0 && opts.timeScale <= 1_000_000)) {
      throw new Error(`ccv-sim: timeScale must be a positive number up to 1000000, got ${opts.timeScale}`);
    }
    config.timeScale = opts.timeScale;
  }
  if (opts.rateLimit === false) config.rateLimit.enabled = false;
  else if (opts.rateLimit) {
    config.rateLimit.getPerMinute = opts.rateLimit.getPerMinute;
    config.rateLimit.writePerMinute = opts.rateLimit.writePerMinute;
  }
  const core = new SimCore(config, { seed: opts.seed ?? 1, sizes: { ...DEFAULT_SIZES, ...opts.sizes }, ...(opts.skus ? { skus: opts.skus } : {}) }, opts.now ?? Date.now);
  const host = opts.host ?? '127.0.0.1';
  let url = '';
  const quiet = opts.quiet ?? false;
  const app = new CcvServer(core, () => url, quiet);
  const server = createServer((req, res) => {
    app.handle(req, res).catch((e: unknown) => {
      if (!quiet) process.stderr.write(`ccv-sim: ${e instanceof Error ? e.message : String(e)}\n`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? (addr satisfies AddressInfo).port : (opts.port ?? 0);
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!quiet) process.stderr.write(`ccv-sim: CCV Shop API at ${url}/api/rest/v1/ (admin ${url}/__sim/)\n`);
  return {
    url,
    apiRoot: `${url}/api/rest/v1/`,
    credentials: { ...config.credentials },
    close: async () => {
      await core.hooks.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
