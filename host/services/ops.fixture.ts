// Test-only: nodes with a real id map, hosts on a fake clock, and helpers to wait for runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { createCatalog, defineNode, type FlowDocument } from '../../engine/index';
import type { Item, NodeCatalog } from '../../engine/types';
import type { RunEvent } from '../../engine/run/events';
import { createMemorySecrets } from '../adapters/memory-secrets';
import { createMemorySettings } from '../adapters/memory-settings';
import { createHost } from '../index';
import { testCatalog } from '../testing/fixtures';
import type { HostOptions, KoppelHost, SecretStore, SettingsStore } from '../types';
import { createFakeClock, type FakeClock } from './fake-clock';

/** What a fake target system holds: target id per key, and how often each key was created. */
export interface FakeTarget {
  records: Map<string, { id: string; price: number }>;
  creations: Map<string, number>;
}
const targets = new Map<string, FakeTarget>();
export function fakeTarget(name: string): FakeTarget {
  let t = targets.get(name);
  if (!t) targets.set(name, (t = { records: new Map(), creations: new Map() }));
  return t;
}

/** Emits products K1 {price 10}, K2 {amount 20} (no price: another shop field), K3 {price 30}. */
export const productsNode = defineNode({
  type: 'test.products',
  version: 1,
  title: 'Products',
  category: 'transform',
  description: 'Three test products.',
  icon: 'list',
  inputs: [{ name: 'in', title: 'Start' }],
  outputs: [{ name: 'out', title: 'Products' }],
  params: z.strictObject({}),
  async *run(_ctx, inputs) {
    for await (const _ of inputs.in ?? []) void _;
    const items: Item[] = [
      { key: 'K1', json: { sku: 'K1', price: 10 } },
      { key: 'K2', json: { sku: 'K2', amount: 20 } },
      { key: 'K3', json: { sku: 'K3', price: 30 } },
    ];
    yield { port: 'out', items };
  },
});

/** The mapping: `price` is the first of `fields` the record has. */
export const priceMapNode = defineNode({
  type: 'test.price-map',
  version: 1,
  title: 'Map price',
  category: 'transform',
  description: 'Takes the price from the first field that has one.',
  icon: 'map',
  inputs: [{ name: 'in', title: 'In' }],
  outputs: [{ name: 'out', title: 'Out' }],
  params: z.strictObject({ fields: z.array(z.string()).default(['price']) }),
  async *run(ctx, inputs) {
    for await (const batch of inputs.in ?? []) {
      yield {
        port: 'out',
        items: batch.map((item) => {
          const field = ctx.params.fields.find((f) => typeof item.json[f] === 'number');
          const price = field === undefined ? null : (item.json[field] ?? null);
          return { key: item.key, json: { sku: item.key, price } };
        }),
      };
    }
  },
});

/** Writes to a fake target through the id map: create once, then update or skip; a record without a price fails. */
export const upsertNode = defineNode({
  type: 'test.upsert',
  version: 1,
  title: 'Upsert product',
  category: 'ccv',
  description: 'Creates or updates test products.',
  icon: 'upload',
  writes: true,
  inputs: [{ name: 'in', title: 'Products' }],
  outputs: [
    { name: 'out', title: 'Written' },
    { name: 'error', title: 'Failed' },
  ],
  params: z.strictObject({ target: z.string().default('shop') }),
  async *run(ctx, inputs) {
    const target = fakeTarget(ctx.params.target);
    for await (const batch of inputs.in ?? []) {
      const written = [];
      for (const item of batch) {
        const price = item.json.price;
        if (typeof price !== 'number') {
          ctx.outcome({ key: item.key, action: 'failed', reason: 'price missing: map a price for this product', source: item.json });
          continue;
        }
        const hash = JSON.stringify(item.json);
        const known = ctx.ledger.getMapping('product', item.key);
        if (known && known.hash === hash) {
          ctx.outcome({ key: item.key, action: 'skipped', target: 'product', targetId: known.targetId, reason: 'unchanged' });
        } else if (ctx.dryRun) {
          ctx.outcome({ key: item.key, action: known ? 'updated' : 'created', target: 'product' });
        } else if (known) {
          target.records.set(item.key, { id: known.targetId, price });
          ctx.ledger.setMapping('product', item.key, known.targetId, hash);
          ctx.outcome({ key: item.key, action: 'updated', target: 'product', targetId: known.targetId, sent: item.json });
        } else {
          const intent = ctx.ledger.beginWrite('product', item.key, hash);
          const id = `P-${item.key}`;
          target.records.set(item.key, { id, price });
          target.creations.set(item.key, (target.creations.get(item.key) ?? 0) + 1);
          ctx.ledger.completeWrite(intent, id);
          ctx.outcome({ key: item.key, action: 'created', target: 'product', targetId: id, source: item.json, sent: item.json });
        }
        written.push(item);
      }
      if (written.length > 0) yield { port: 'out', items: written };
    }
  },
});

export function opsCatalog(): NodeCatalog {
  return createCatalog([...testCatalog().list(), productsNode, priceMapNode, upsertNode]);
}

/** trigger → products → price map (fields) → upsert into fake target `target`. */
export function productsFlow(opts: { id?: string; fields?: string[]; target?: string; payloadLogging?: 'off' | 'redacted' | 'full' } = {}): FlowDocument {
  return {
    koppel: 2,
    id: opts.id ?? 'products',
    name: 'Products to shop',
    description: '',
    connections: {},
    nodes: [
      { id: 'start', type: 'trigger.manual', version: 1, params: {} },
      { id: 'products', type: 'test.products', version: 1, params: {} },
      { id: 'map', type: 'test.price-map', version: 1, params: { fields: opts.fields ?? ['price'] } },
      { id: 'upsert', type: 'test.upsert', version: 1, params: { target: opts.target ?? 'shop' } },
    ],
    edges: [
      { from: { node: 'start', port: 'out' }, to: { node: 'products', port: 'in' } },
      { from: { node: 'products', port: 'out' }, to: { node: 'map', port: 'in' } },
      { from: { node: 'map', port: 'out' }, to: { node: 'upsert', port: 'in' } },
    ],
    tables: {},
    settings: { batchSize: 100, payloadLogging: opts.payloadLogging ?? 'full', stopOnError: false },
    layout: { nodes: {} },
  };
}

export interface OpsHost {
  host: KoppelHost;
  home: string;
  settings: SettingsStore;
  secrets: SecretStore;
  clock: FakeClock;
  events: RunEvent[];
  /** Resolves with the run's events once it finished. */
  finished(runId: string): Promise<RunEvent[]>;
  /** Run ids in the order they started. */
  started(): string[];
  cleanup(): Promise<void>;
}

/** A host on a fresh KOPPEL_HOME and a fake clock, with in-memory settings and secrets, recording every run event. */
export async function startOpsHost(opts: Partial<Omit<HostOptions, 'clock'>> & { clock?: FakeClock; start?: string; home?: string } = {}): Promise<OpsHost> {
  const clock = opts.clock ?? createFakeClock(opts.start ?? '2026-03-02T09:00:00.000Z');
  const home = opts.home ?? mkdtempSync(path.join(tmpdir(), 'koppel-ops-'));
  const settings = opts.settings ?? createMemorySettings();
  const secrets = opts.secrets ?? createMemorySecrets();
  const host = await createHost({ mode: 'web', env: {}, catalog: opsCatalog(), scheduler: { maxSleepMs: 60 * 60_000 }, ...opts, clock, home, settings, secrets });
  const events: RunEvent[] = [];
  const waiters: { runId: string; resolve: (events: RunEvent[]) => void }[] = [];
  host.onRunEvent((event) => {
    events.push(event);
    if (event.type !== 'run.finished') return;
    for (const w of waiters) if (w.runId === event.runId) w.resolve(events.filter((e) => e.runId === event.runId));
  });
  return {
    host,
    home,
    settings,
    secrets,
    clock,
    events,
    finished: (runId) =>
      new Promise((resolve) => {
        if (events.some((e) => e.runId === runId && e.type === 'run.finished')) resolve(events.filter((e) => e.runId === runId));
        else waiters.push({ runId, resolve });
      }),
    started: () => events.filter((e) => e.type === 'run.started').map((e) => e.runId),
    async cleanup() {
      await host.close();
      if (opts.home === undefined) rmSync(home, { recursive: true, force: true });
    },
  };
}
