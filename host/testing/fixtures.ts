import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { CcvClient } from '../../connectors/ccv-shop/index';
import { createCatalog, defineNode, type FlowDocument } from '../../engine/index';
import type { NodeCatalog } from '../../engine/types';
import { manualTrigger } from '../../nodes/trigger/manual/definition';
import { createMemorySecrets } from '../adapters/memory-secrets';
import { createMemorySettings } from '../adapters/memory-settings';
import { createHost } from '../index';
import type { DemoSimulatorLauncher, Host, HostOptions, SecretStore, SettingsStore } from '../types';

/** Emits `count` numbered items in batches of `batch`; `prefix` makes the keys. */
export const sourceNode = defineNode({
  type: 'test.source',
  version: 1,
  title: 'Test source',
  category: 'transform',
  description: 'Emits numbered test records.',
  icon: 'list',
  inputs: [{ name: 'in', title: 'Start' }],
  outputs: [{ name: 'out', title: 'Records' }],
  params: z.strictObject({
    count: z.number().int().min(0).default(3).meta({ title: 'How many', ui: { widget: 'number' } }),
    prefix: z.string().default('SKU-').meta({ title: 'Key prefix', ui: { widget: 'text' } }),
    batch: z.number().int().min(1).default(10),
  }),
  async *run(ctx, inputs) {
    for await (const _ of inputs.in ?? []) void _;
    let items = [];
    for (let i = 1; i <= ctx.params.count; i++) {
      items.push({ key: `${ctx.params.prefix}${i}`, json: { i, name: `Item ${i}` } });
      if (items.length === ctx.params.batch) {
        yield { port: 'out', items };
        items = [];
      }
    }
    if (items.length > 0) yield { port: 'out', items };
  },
});

/** A writing node on a CCV Shop slot: reports created (or planned) outcomes, fails keys listed in `failKeys`. */
export const writerNode = defineNode({
  type: 'test.writer',
  version: 1,
  title: 'Test writer',
  category: 'ccv',
  description: 'Pretends to write records to CCV Shop.',
  icon: 'upload',
  connection: 'ccv-shop',
  writes: true,
  inputs: [{ name: 'in', title: 'Records' }],
  outputs: [
    { name: 'out', title: 'Written' },
    { name: 'error', title: 'Failed' },
  ],
  params: z.strictObject({ failKeys: z.array(z.string()).default([]), target: z.string().min(1).meta({ title: 'Target' }) }),
  async *run(ctx, inputs) {
    if (!(ctx.client instanceof CcvClient)) throw new Error('test.writer needs a CCV Shop client');
    for await (const batch of inputs.in ?? []) {
      const ok = batch.filter((item) => !ctx.params.failKeys.includes(item.key));
      for (const item of batch) {
        const failed = ctx.params.failKeys.includes(item.key);
        ctx.outcome({ key: item.key, action: failed ? 'failed' : 'created', target: ctx.params.target, ...(failed ? { reason: 'rejected by test' } : { targetId: `id-${item.key}` }), source: item.json });
      }
      if (ok.length > 0) yield { port: 'out', items: ok };
    }
  },
});

/** Waits until the run is stopped: for "stop" and "one run per flow" tests. */
export const waitNode = defineNode({
  type: 'test.wait',
  version: 1,
  title: 'Wait for stop',
  category: 'logic',
  description: 'Waits until the run is stopped.',
  icon: 'pause',
  inputs: [{ name: 'in', title: 'In' }],
  outputs: [{ name: 'out', title: 'Out' }],
  params: z.strictObject({}),
  async *run(ctx) {
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve();
      ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    yield* [];
  },
});

export function testCatalog(): NodeCatalog {
  return createCatalog([manualTrigger, sourceNode, writerNode, waitNode]);
}

/** trigger → source(count) → writer on slot 'shop'. */
export function writerFlow(opts: { id?: string; count?: number; failKeys?: string[]; name?: string } = {}): FlowDocument {
  return {
    koppel: 2,
    id: opts.id ?? 'push-products',
    name: opts.name ?? 'Push products',
    description: 'test flow',
    connections: { shop: { type: 'ccv-shop', title: 'The shop' } },
    nodes: [
      { id: 'start', type: 'trigger.manual', version: 1, params: {} },
      { id: 'source', type: 'test.source', version: 1, params: { count: opts.count ?? 3, prefix: 'SKU-', batch: 10 } },
      { id: 'write', type: 'test.writer', version: 1, connection: 'shop', params: { failKeys: opts.failKeys ?? [], target: 'product' } },
    ],
    edges: [
      { from: { node: 'start', port: 'out' }, to: { node: 'source', port: 'in' } },
      { from: { node: 'source', port: 'out' }, to: { node: 'write', port: 'in' } },
    ],
    tables: {},
    settings: { batchSize: 100, payloadLogging: 'full', stopOnError: false },
    layout: { nodes: {} },
  };
}

export function waitFlow(id = 'waits'): FlowDocument {
  return {
    koppel: 2,
    id,
    name: 'Waits',
    description: '',
    connections: {},
    nodes: [
      { id: 'start', type: 'trigger.manual', version: 1, params: {} },
      { id: 'wait', type: 'test.wait', version: 1, params: {} },
    ],
    edges: [{ from: { node: 'start', port: 'out' }, to: { node: 'wait', port: 'in' } }],
    tables: {},
    settings: { batchSize: 100, payloadLogging: 'redacted', stopOnError: false },
    layout: { nodes: {} },
  };
}

export interface TestHost {
  host: Host;
  home: string;
  settings: SettingsStore;
  secrets: SecretStore;
  cleanup(): Promise<void>;
}

/** A host on a fresh temporary KOPPEL_HOME with in-memory settings and secrets. */
export async function startTestHost(opts: Partial<HostOptions> & { catalog?: NodeCatalog; demoSimulators?: DemoSimulatorLauncher } = {}): Promise<TestHost> {
  const home = mkdtempSync(path.join(tmpdir(), 'koppel-host-'));
  const settings = opts.settings ?? createMemorySettings();
  const secrets = opts.secrets ?? createMemorySecrets();
  const host = await createHost({ mode: 'web', env: {}, catalog: testCatalog(), ...opts, home, settings, secrets });
  return {
    host,
    home,
    settings,
    secrets,
    async cleanup() {
      await host.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
