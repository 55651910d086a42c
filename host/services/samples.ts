import type { Batch, NodeCatalog, PortBatch } from '../../engine/types';
import type { JsonObject } from '../../engine/json';

export interface ItemSample {
  key: string;
  json: JsonObject;
}
/** node id → output port → the first items it produced. */
export type RunSamples = Record<string, Record<string, ItemSample[]>>;

export const SAMPLE_LIMIT = 20;

/**
 * A catalogue whose nodes report the first `limit` items of each output port into `samples`. Items are immutable
 * and shared, so keeping references costs no copy; past the limit nothing more is held.
 */
export function samplingCatalog(catalog: NodeCatalog, samples: RunSamples, limit = SAMPLE_LIMIT): NodeCatalog {
  const record = (nodeId: string, port: string, items: Batch): void => {
    const ports = (samples[nodeId] ??= {});
    const kept = (ports[port] ??= []);
    for (const item of items) {
      if (kept.length >= limit) return;
      kept.push({ key: item.key, json: item.json });
    }
  };
  async function* capture(source: AsyncIterable<PortBatch>, nodeId: string): AsyncIterable<PortBatch> {
    for await (const batch of source) {
      record(nodeId, batch.port, batch.items);
      yield batch;
    }
  }
  const wrapped = new Map(
    catalog.list().map((def) => [def.type, { ...def, run: (ctx: Parameters<typeof def.run>[0], inputs: Parameters<typeof def.run>[1]) => capture(def.run(ctx, inputs), ctx.nodeId) }]),
  );
  return {
    get: (type) => wrapped.get(type) ?? catalog.get(type),
    list: () => [...wrapped.values()],
  };
}
