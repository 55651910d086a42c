// Test-only node definitions for the executor tests (not part of the catalogue).
import { setImmediate as tick } from 'node:timers/promises';
import { z } from 'zod';
import { failItem } from '../item';
import { contentHash } from '../hash';
import { defineNode } from '../types';
import type { AnyNodeDefinition, Batch, Item } from '../types';

export const trigger = defineNode({
  type: 'test.trigger',
  version: 1,
  title: 'Trigger',
  category: 'trigger',
  description: '',
  icon: 'play',
  inputs: [],
  outputs: [{ name: 'out', title: 'Out' }],
  params: z.strictObject({}),
  async *run() {
    yield { port: 'out', items: [{ key: 'start', json: {} }] };
  },
});

/** What a fake node saw; tests read it afterwards. */
export interface Probe {
  produced: number;
  consumed: number;
  maxGap: number;
  batches: Batch[];
  items: Item[];
}
export const newProbe = (): Probe => ({ produced: 0, consumed: 0, maxGap: 0, batches: [], items: [] });

/** Emits `count` records per start record, `batch` per batch, keys `<prefix><i>`; `probe.produced` counts them. */
export function source(probe: Probe, type = 'test.source'): AnyNodeDefinition {
  return defineNode({
    type,
    version: 1,
    title: 'Source',
    category: 'visma',
    description: '',
    icon: 'x',
    inputs: [{ name: 'in', title: 'In' }],
    outputs: [{ name: 'out', title: 'Out' }],
    params: z.strictObject({ count: z.number(), batch: z.number().default(10), prefix: z.string().default('k') }),
    async *run(ctx, inputs) {
      for await (const _start of inputs.in ?? []) {
        for (let i = 0; i < ctx.params.count; i += ctx.params.batch) {
          const items: Item[] = [];
          for (let j = i; j < Math.min(i + ctx.params.batch, ctx.params.count); j++) items.push({ key: `${ctx.params.prefix}${j}`, json: { i: j } });
          probe.produced += items.length;
          yield { port: 'out', items };
        }
      }
    },
  });
}

/** Reads everything; `slow` yields to the event loop per batch so upstream runs ahead as far as it may. */
export function sink(probe: Probe, opts: { type?: string; slow?: boolean; keepItems?: boolean; onBatch?: (n: number) => void } = {}): AnyNodeDefinition {
  return defineNode({
    type: opts.type ?? 'test.sink',
    version: 1,
    title: 'Sink',
    category: 'ccv',
    description: '',
    icon: 'x',
    inputs: [{ name: 'in', title: 'In' }],
    outputs: [{ name: 'out', title: 'Out' }],
    params: z.strictObject({}),
    async *run(_ctx, inputs) {
      let n = 0;
      for await (const batch of inputs.in ?? []) {
        if (opts.slow) await tick();
        probe.consumed += batch.length;
        probe.maxGap = Math.max(probe.maxGap, probe.produced - probe.consumed);
        if (opts.keepItems !== false) {
          probe.batches.push(batch);
          probe.items.push(...batch);
        }
        n += 1;
        opts.onBatch?.(n);
      }
      yield* [];
    },
  });
}

/** Sends records whose `i` is in `failWhen` (or all, with `all`) to `error` with a reason. */
export const failer = defineNode({
  type: 'test.failer',
  version: 1,
  title: 'Failer',
  category: 'logic',
  description: '',
  icon: 'x',
  inputs: [{ name: 'in', title: 'In' }],
  outputs: [
    { name: 'out', title: 'Out' },
    { name: 'error', title: 'Error' },
  ],
  params: z.strictObject({ odd: z.boolean().default(false), all: z.boolean().default(false) }),
  async *run(ctx, inputs) {
    for await (const batch of inputs.in ?? []) {
      const ok: Item[] = [];
      const bad: Item[] = [];
      for (const item of batch) {
        const i = typeof item.json.i === 'number' ? item.json.i : 0;
        if (ctx.params.all || (ctx.params.odd && i % 2 === 1)) bad.push(failItem(item, `number ${i} is not allowed`, { nodeId: ctx.nodeId }));
        else ok.push(item);
      }
      if (ok.length) yield { port: 'out', items: ok };
      if (bad.length) yield { port: 'error', items: bad };
    }
  },
});

/** Passes `after` batches on, then throws. */
export const crasher = defineNode({
  type: 'test.crasher',
  version: 1,
  title: 'Crasher',
  category: 'logic',
  description: '',
  icon: 'x',
  inputs: [{ name: 'in', title: 'In' }],
  outputs: [{ name: 'out', title: 'Out' }],
  params: z.strictObject({ after: z.number() }),
  async *run(ctx, inputs) {
    let n = 0;
    for await (const batch of inputs.in ?? []) {
      if (n === ctx.params.after) throw new Error('the test node broke');
      n += 1;
      yield { port: 'out', items: batch };
    }
  },
});

/** Yields on a port it does not declare. */
export const liar = defineNode({
  type: 'test.liar',
  version: 1,
  title: 'Liar',
  category: 'logic',
  description: '',
  icon: 'x',
  inputs: [{ name: 'in', title: 'In' }],
  outputs: [{ name: 'out', title: 'Out' }],
  params: z.strictObject({}),
  async *run(_ctx, inputs) {
    for await (const batch of inputs.in ?? []) yield { port: 'elsewhere', items: batch };
  },
});

/** Two input ports read side by side; emits what came in on each, tagged with the port. */
export const joiner = defineNode({
  type: 'test.join',
  version: 1,
  title: 'Join',
  category: 'logic',
  description: '',
  icon: 'x',
  inputs: [
    { name: 'a', title: 'A' },
    { name: 'b', title: 'B' },
  ],
  outputs: [{ name: 'out', title: 'Out' }],
  params: z.strictObject({}),
  async *run(_ctx, inputs) {
    const read = async (port: 'a' | 'b'): Promise<Item[]> => {
      const got: Item[] = [];
      for await (const batch of inputs[port] ?? []) got.push(...batch.map((it) => ({ key: it.key, json: { ...it.json, port } })));
      return got;
    };
    const [a, b] = await Promise.all([read('a'), read('b')]);
    yield { port: 'out', items: [...a, ...b] };
  },
});

/**
 * A writing node: per record a write intent, a pause (the "HTTP call"), then the id map; reports outcomes and
 * proposes a cursor. In a dry run it only plans.
 */
export function writer(opts: { onBatch?: (n: number) => void } = {}): AnyNodeDefinition {
  return defineNode({
    type: 'test.writer',
    version: 1,
    title: 'Writer',
    category: 'ccv',
    description: '',
    icon: 'x',
    writes: true,
    inputs: [{ name: 'in', title: 'In' }],
    outputs: [{ name: 'out', title: 'Out' }],
    params: z.strictObject({}),
    async *run(ctx, inputs) {
      let n = 0;
      for await (const batch of inputs.in ?? []) {
        for (const item of batch) {
          const hash = contentHash(item.json);
          const known = ctx.ledger.getMapping('product', item.key);
          const action = known ? (known.hash === hash ? 'skipped' : 'updated') : 'created';
          if (!ctx.dryRun && action !== 'skipped') {
            const intent = ctx.ledger.beginWrite('product', item.key, hash);
            await tick();
            ctx.ledger.completeWrite(intent, `id-${item.key}`);
          }
          ctx.outcome({ key: item.key, action, target: 'product', targetId: `id-${item.key}`, source: item.json, sent: item.json });
        }
        ctx.ledger.proposeCursor('last', batch[batch.length - 1]?.key ?? '');
        n += 1;
        opts.onBatch?.(n);
        yield { port: 'out', items: batch };
      }
    },
  });
}

/** Makes a new record per record, like a mapper does. */
export const passer = defineNode({
  type: 'test.pass',
  version: 1,
  title: 'Pass',
  category: 'transform',
  description: '',
  icon: 'x',
  inputs: [{ name: 'in', title: 'In' }],
  outputs: [{ name: 'out', title: 'Out' }],
  params: z.strictObject({}),
  async *run(_ctx, inputs) {
    for await (const batch of inputs.in ?? []) yield { port: 'out', items: batch.map((it) => ({ key: it.key, json: { n: it.json.i ?? null } })) };
  },
});

/** A writer that reports failures as outcomes and also routes them to `error` (after the good ones). */
export const strictWriter = defineNode({
  type: 'test.strictWriter',
  version: 1,
  title: 'Strict writer',
  category: 'ccv',
  description: '',
  icon: 'x',
  writes: true,
  inputs: [{ name: 'in', title: 'In' }],
  outputs: [
    { name: 'out', title: 'Out' },
    { name: 'error', title: 'Error' },
  ],
  params: z.strictObject({}),
  async *run(ctx, inputs) {
    for await (const batch of inputs.in ?? []) {
      const ok: Item[] = [];
      const bad: Item[] = [];
      for (const item of batch) {
        const i = typeof item.json.i === 'number' ? item.json.i : 0;
        if (i % 3 === 0) {
          ctx.outcome({ key: item.key, action: 'failed', reason: 'rejected by the shop (422)' });
          bad.push(failItem(item, 'rejected by the shop (422)', { nodeId: ctx.nodeId }));
        } else {
          ctx.outcome({ key: item.key, action: 'created' });
          ok.push(item);
        }
      }
      if (ok.length) yield { port: 'out', items: ok };
      if (bad.length) yield { port: 'error', items: bad };
    }
  },
});
