import { describe, expect, it } from 'vitest';
import { createExpressionCompiler, memoryNodeLedger } from '../../engine';
import type { Batch, Item, NodeContext, NodeLedger, PortBatch, RecordOutcome } from '../../engine';
import { RecordProblem, writeBatches, type ErrorRules, type Planned } from './batch-writer';

class Unreachable extends Error {}
class Refused extends Error {}
class Lost extends Error {}
const rules: ErrorRules = { fatal: (e) => e instanceof Unreachable, ofRecord: (e) => e instanceof Refused || e instanceof Lost, outcomeUnknown: (e) => e instanceof Lost };

/** A ledger that logs its writes, so the order of intents, sends and completions can be checked. */
function loggingLedger(log: string[]): NodeLedger {
  const inner = memoryNodeLedger();
  let depth = 0;
  return {
    ...inner,
    beginWrite: (scope, key, hash, fields) => (log.push(`begin ${key}`), inner.beginWrite(scope, key, hash, fields)),
    completeWrite: (intent, id) => (log.push(`complete ${intent.key}`), inner.completeWrite(intent, id)),
    abandonWrite: (intent) => (log.push(`abandon ${intent.key}`), inner.abandonWrite(intent)),
    transaction: (fn) => {
      if (depth++ === 0) log.push('commit{');
      try {
        return fn();
      } finally {
        if (--depth === 0) log.push('}');
      }
    },
  };
}

async function run(batches: Batch[], plan: (item: Item, ledger: NodeLedger) => Promise<Planned>, ledger: NodeLedger) {
  const outcomes: RecordOutcome[] = [];
  const ctx: NodeContext<unknown> = {
    runId: 'r',
    flowId: 'f',
    nodeId: 'write',
    nodeName: 'Write',
    params: {},
    dryRun: false,
    signal: new AbortController().signal,
    client: undefined,
    tables: {},
    settings: { batchSize: 100, payloadLogging: 'redacted', stopOnError: false },
    expr: createExpressionCompiler({ tables: {} }),
    ledger,
    log: () => undefined,
    outcome: (o) => void outcomes.push(o),
  };
  async function* input() {
    yield* batches;
  }
  const ports: PortBatch[] = [];
  let error: unknown;
  try {
    for await (const b of writeBatches(ctx, input(), (item) => plan(item, ledger), { target: 'thing', service: 'The shop', errors: rules, concurrency: 3 })) ports.push(b);
  } catch (e) {
    error = e;
  }
  return { outcomes, ports, error };
}

const item = (key: string): Item => ({ key, json: { key } });
const write = (key: string, send: () => Promise<string>): Planned => ({
  kind: 'write',
  scope: 's',
  key,
  hash: `h-${key}`,
  send: async () => ({ action: 'created', targetId: await send() }),
});

describe('writeBatches', () => {
  it('commits the intents of a batch before the first write is sent, and what landed after the last, one commit each', async () => {
    const log: string[] = [];
    const ledger = loggingLedger(log);
    const r = await run([[item('a'), item('b'), item('c')]], async (i) => write(i.key, async () => (log.push(`send ${i.key}`), `id-${i.key}`)), ledger);
    expect(r.error).toBeUndefined();
    expect(log).toEqual(['commit{', 'begin a', 'begin b', 'begin c', '}', 'send a', 'send b', 'send c', 'commit{', 'complete a', 'complete b', 'complete c', '}']);
    expect(r.outcomes.map((o) => [o.key, o.action, o.targetId])).toEqual([['a', 'created', 'id-a'], ['b', 'created', 'id-b'], ['c', 'created', 'id-c']]);
    expect(ledger.getMapping('s', 'b')?.targetId).toBe('id-b');
  });

  it('plans a key that comes twice in a batch again after its first write, so it sees the id map', async () => {
    const ledger = loggingLedger([]);
    const sends: string[] = [];
    const r = await run(
      [[item('a'), item('b'), item('a')]],
      async (i, l) => {
        const known = l.getMapping('s', i.key);
        if (known) return { kind: 'done', result: { action: 'skipped', targetId: known.targetId, reason: 'known' } };
        return write(i.key, async () => (sends.push(i.key), `id-${i.key}`));
      },
      ledger,
    );
    expect(sends).toEqual(['a', 'b']);
    expect(r.outcomes.map((o) => [o.key, o.action])).toEqual([['a', 'created'], ['b', 'created'], ['a', 'skipped']]);
  });

  it('sends a refused record to error with the reason and goes on; a lost answer keeps its intent for the next run', async () => {
    const ledger = loggingLedger([]);
    const r = await run(
      [[item('ok'), item('bad'), item('lost'), item('data')]],
      async (i) => {
        if (i.key === 'data') throw new RecordProblem("field 'price' is not a number", 'price');
        return write(i.key, async () => {
          if (i.key === 'bad') throw new Refused('the shop refused it');
          if (i.key === 'lost') throw new Lost('no answer');
          return 'id-ok';
        });
      },
      ledger,
    );
    expect(r.error).toBeUndefined();
    expect(r.outcomes.map((o) => [o.key, o.action])).toEqual([['ok', 'created'], ['bad', 'failed'], ['lost', 'failed'], ['data', 'failed']]);
    expect(r.outcomes.find((o) => o.key === 'data')?.reason).toBe("field 'price' is not a number");
    expect(r.outcomes.find((o) => o.key === 'bad')?.reason).toBe("Thing 'bad': the shop refused it");
    expect(ledger.pendingWrite('s', 'bad')).toBeUndefined();
    expect(ledger.pendingWrite('s', 'lost')).toBeDefined();
    const errors = r.ports.filter((p) => p.port === 'error').flatMap((p) => p.items.map((i) => i.key));
    expect(errors).toEqual(['bad', 'lost', 'data']);
  });

  it('stops on a connection failure: what landed is kept and passed on, what was not sent leaves no intent', async () => {
    const log: string[] = [];
    const ledger = loggingLedger(log);
    const r = await run(
      [[item('a'), item('b'), item('c'), item('d'), item('e')], [item('f')]],
      async (i) =>
        write(i.key, async () => {
          if (i.key === 'b') throw new Unreachable('connection refused');
          return `id-${i.key}`;
        }),
      ledger,
    );
    expect(r.error).toBeInstanceOf(Error);
    expect(String(r.error)).toContain("The shop could not be reached for thing 'b', so 'Write' stopped: connection refused");
    expect(ledger.getMapping('s', 'a')?.targetId).toBe('id-a');
    for (const key of ['b', 'd', 'e', 'f']) expect(ledger.pendingWrite('s', key), key).toBeUndefined();
    expect(log).not.toContain('begin f');
    expect(r.ports.flatMap((p) => p.items.map((i) => i.key))).toEqual(expect.arrayContaining(['a']));
  });
});
