import { InvalidArgumentError, type Command } from 'commander';
import { startVismaSimulator } from '../../simulators/visma-net/index';
import { startCcvSimulator } from '../../simulators/ccv-shop/index';
import { DEMO_SIZES, demoShopSkus } from '../../host/demo-options';
import { intOption } from "../options";
import type { Io } from "../io";

interface SimFlags {
  vismaPort: number;
  ccvPort: number;
  seed: number;
  items: number;
  customers: number;
  products: number;
  orders: number;
  users: number;
  latencyMs: number;
  vismaPerHour: number;
  ccvGetPerMinute: number;
  ccvWritePerMinute: number;
  rateLimit: boolean;
  timeScale: number;
}

/** `--time-scale`: a positive number (fractions allowed), at most 1,000,000. */
function timeScaleOption(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1_000_000) throw new InvalidArgumentError(`"${value}" is not a positive number up to 1000000.`);
  return n;
}

/** `koppel sim`: both simulators in the foreground, one JSON line when ready, clean stop on SIGINT/SIGTERM. */
export function registerSim(program: Command, io: Io): void {
  program
    .command('sim')
    .description('Start the Visma.net and CCV Shop simulators (demo data, no accounts needed)')
    .option('--visma-port <port>', 'Visma.net simulator port', intOption, 4010)
    .option('--ccv-port <port>', 'CCV Shop simulator port', intOption, 4020)
    .option('--seed <n>', 'seed of the generated data', intOption, 1)
    .option('--items <n>', 'Visma.net inventory items', intOption, DEMO_SIZES.visma.inventory)
    .option('--customers <n>', 'Visma.net customers', intOption, DEMO_SIZES.visma.customers)
    .option('--products <n>', 'CCV Shop products already in the shop', intOption, DEMO_SIZES.ccv.products)
    .option('--orders <n>', 'CCV Shop orders', intOption, DEMO_SIZES.ccv.orders)
    .option('--users <n>', 'CCV Shop customer accounts', intOption, DEMO_SIZES.ccv.users)
    .option('--latency-ms <ms>', 'latency added to every request', intOption, 0)
    .option('--visma-per-hour <n>', 'Visma.net calls per hour before 429', intOption, 15000)
    .option('--ccv-get-per-minute <n>', 'CCV Shop GETs per resource per minute', intOption, 150)
    .option('--ccv-write-per-minute <n>', 'CCV Shop writes per resource per minute', intOption, 100)
    .option('--no-rate-limit', 'turn the simulated rate limits off')
    .option('--time-scale <n>', 'run the rate-limit windows n times faster with the same budgets (60: a CCV minute lasts 1 s, a Visma.net hour 60 s)', timeScaleOption, 1)
    .action(async (flags: SimFlags) => {
      // The demo data `--demo` and the desktop demo use: the shop's products carry the seeded items' numbers and
      // Visma.net has the cost items the order flows post to, so every example flow runs against `koppel sim`.
      const sizes = { visma: { inventory: flags.items, customers: flags.customers }, ccv: { products: flags.products, orders: flags.orders, users: flags.users } };
      const visma = await startVismaSimulator({
        port: flags.vismaPort,
        seed: flags.seed,
        costItems: true,
        sizes: { inventory: flags.items, customers: flags.customers },
        latencyMs: flags.latencyMs,
        rateLimit: flags.rateLimit ? { perHour: flags.vismaPerHour } : false,
        timeScale: flags.timeScale,
        quiet: true,
      });
      const ccv = await startCcvSimulator({
        port: flags.ccvPort,
        seed: flags.seed,
        skus: demoShopSkus(flags.seed, sizes),
        sizes: { products: flags.products, orders: flags.orders, users: flags.users },
        latencyMs: flags.latencyMs,
        rateLimit: flags.rateLimit ? { getPerMinute: flags.ccvGetPerMinute, writePerMinute: flags.ccvWritePerMinute } : false,
        timeScale: flags.timeScale,
        quiet: true,
      }).catch(async (error: unknown) => {
        await visma.close();
        throw error;
      });
      io.out(
        JSON.stringify({
          ready: true,
          visma: {
            tokenUrl: visma.tokenUrl,
            apiUrl: visma.apiUrl,
            salesOrderUrl: visma.salesOrderUrl,
            admin: `${visma.url}/__sim/`,
            credentials: visma.credentials,
          },
          ccv: { url: ccv.url, apiRoot: ccv.apiRoot, admin: `${ccv.url}/__sim/`, credentials: ccv.credentials },
        }) + '\n',
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await Promise.all([visma.close(), ccv.close()]);
      io.err('koppel sim: stopped\n');
    });
}
