import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { defineNode, runNodeOnce, type Item } from '../../engine';
import { RecordProblem, writeRecords } from './record-writer';

/** A writing node over `writeRecords` whose handler reports how many writes overlap. */
function probeNode(concurrency: number, handler: (item: Item) => Promise<void>) {
  return defineNode({
    type: 'test.writer',
    version: 1,
    title: 'Test writer',
    category: 'ccv',
    description: 'test',
    icon: 'upload',
    inputs: [{ name: 'in', title: 'In' }],
    outputs: [
      { name: 'out', title: 'Out' },
      { name: 'error', title: 'Error' },
    ],
    params: z.object({}),
    async *run(ctx, inputs) {
      yield* writeRecords(ctx, inputs.in, 'thing', async (item) => {
        await handler(item);
        return { action: 'created', targetId: item.key };
      }, { concurrency });
    },
  });
}

const items = (...keys: string[]): Item[] => keys.map((key) => ({ key, json: { key } }));
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('writeRecords', () => {
  it('keeps up to `concurrency` writes in flight, in batch order, and never two of one key at once', async () => {
    let inFlight = 0;
    let most = 0;
    const perKey = new Map<string, number>();
    let sameKeyOverlap = false;
    const node = probeNode(3, async (item) => {
      inFlight++;
      most = Math.max(most, inFlight);
      const n = (perKey.get(item.key) ?? 0) + 1;
      perKey.set(item.key, n);
      if (n > 1) sameKeyOverlap = true;
      await tick();
      perKey.set(item.key, n - 1);
      inFlight--;
    });
    const result = await runNodeOnce(node, { params: {}, inputs: { in: [items('a', 'b', 'a', 'c', 'd', 'a', 'e')] } });
    expect(most).toBe(3);
    expect(sameKeyOverlap).toBe(false);
    expect(result.outputs.out?.map((i) => i.key)).toEqual(['a', 'b', 'a', 'c', 'd', 'a', 'e']);
  });

  it('sends a record problem to the error port and goes on with the rest', async () => {
    const node = probeNode(2, async (item) => {
      if (item.key === 'bad') throw new RecordProblem('price is not a number', 'price');
    });
    const result = await runNodeOnce(node, { params: {}, inputs: { in: [items('ok1', 'bad', 'ok2')] } });
    expect(result.outputs.out?.map((i) => i.key)).toEqual(['ok1', 'ok2']);
    expect(result.outputs.error?.map((i) => i.key)).toEqual(['bad']);
  });
});
