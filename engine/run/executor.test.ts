import { describe, expect, it } from 'vitest';
import { createCatalog } from '../catalog';
import { openLedger } from '../ledger/ledger';
import { itemError } from '../item';
import type { RunEvent } from './events';
import { runFlow } from './executor';
import type { RunFlowOptions } from './executor';
import { crasher, failer, joiner, liar, newProbe, sink, source, strictWriter, trigger, writer } from './fake-nodes.fixture';
import { buildFlow } from './flow-builder.fixture';

function collect(): { events: RunEvent[]; onEvent: (e: RunEvent) => void } {
  const events: RunEvent[] = [];
  return { events, onEvent: (e) => void events.push(e) };
}

const statuses = (events: RunEvent[], nodeId: string) =>
  events.flatMap((e) => (e.type === 'node.status' && e.nodeId === nodeId ? [e.status] : []));

async function run(opts: Omit<RunFlowOptions, 'ledger'> & { ledger?: RunFlowOptions['ledger'] }) {
  const ledger = opts.ledger ?? openLedger(':memory:');
  return runFlow({ ...opts, ledger });
}

describe('runFlow: a linear flow', () => {
  it('streams every record through, reports statuses, counts and ends succeeded', async () => {
    const probe = newProbe();
    const catalog = createCatalog([trigger, source(probe), sink(probe)]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 25, batch: 10 }],
        ['k', 'test.sink'],
      ],
      ['t.out -> s.in', 's.out -> k.in'],
    );
    const { events, onEvent } = collect();
    const summary = await run({ flow, catalog, onEvent, runId: 'run-1' });

    expect(summary.status).toBe('succeeded');
    expect(probe.items.map((i) => i.key)).toEqual(Array.from({ length: 25 }, (_, i) => `k${i}`));
    expect(probe.batches.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(summary.nodes.s?.counts).toMatchObject({ in: 1, out: 25 });
    expect(summary.nodes.k?.counts).toMatchObject({ in: 25, out: 0 });
    expect(summary.counts).toMatchObject({ in: 25, failed: 0 });
    expect(events[0]?.type).toBe('run.started');
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded', runId: 'run-1' });
    expect(statuses(events, 's')).toEqual(['waiting', 'running', 'done']);
    expect(events.every((e) => e.runId === 'run-1')).toBe(true);
  });
});

describe('runFlow: fan-out, merge and several inputs', () => {
  it('hands the same batch object to every edge of a port', async () => {
    const a = newProbe();
    const b = newProbe();
    const catalog = createCatalog([trigger, source(a), sink(a, { type: 'test.sinkA' }), sink(b, { type: 'test.sinkB' })]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 30, batch: 10 }],
        ['x', 'test.sinkA'],
        ['y', 'test.sinkB'],
      ],
      ['t.out -> s.in', 's.out -> x.in', 's.out -> y.in'],
    );
    const summary = await run({ flow, catalog });
    expect(summary.status).toBe('succeeded');
    expect(a.batches).toHaveLength(3);
    expect(b.batches).toHaveLength(3);
    a.batches.forEach((batch, i) => expect(b.batches[i]).toBe(batch));
  });

  it('merges several edges into one input port', async () => {
    const probe = newProbe();
    const catalog = createCatalog([trigger, source(probe, 'test.src1'), source(probe, 'test.src2'), sink(probe)]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['p', 'test.src1', { count: 7, batch: 3, prefix: 'p' }],
        ['q', 'test.src2', { count: 5, batch: 2, prefix: 'q' }],
        ['k', 'test.sink'],
      ],
      ['t.out -> p.in', 't.out -> q.in', 'p.out -> k.in', 'q.out -> k.in'],
    );
    const summary = await run({ flow, catalog });
    expect(summary.status).toBe('succeeded');
    const keys = probe.items.map((i) => i.key).sort();
    expect(keys).toEqual([...Array.from({ length: 7 }, (_, i) => `p${i}`), ...Array.from({ length: 5 }, (_, i) => `q${i}`)].sort());
  });

  it('gives a node with two inputs each port as its own stream', async () => {
    const probe = newProbe();
    const catalog = createCatalog([trigger, source(probe, 'test.src1'), source(probe, 'test.src2'), joiner, sink(probe)]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['p', 'test.src1', { count: 3, batch: 1, prefix: 'p' }],
        ['q', 'test.src2', { count: 2, batch: 1, prefix: 'q' }],
        ['j', 'test.join'],
        ['k', 'test.sink'],
      ],
      ['t.out -> p.in', 't.out -> q.in', 'p.out -> j.a', 'q.out -> j.b', 'j.out -> k.in'],
    );
    await run({ flow, catalog });
    expect(probe.items.map((i) => `${i.key}:${String(i.json.port)}`)).toEqual(['p0:a', 'p1:a', 'p2:a', 'q0:b', 'q1:b']);
  });
});

describe('runFlow: failed records and crashes', () => {
  const flowWithFailer = (params: { odd?: boolean; all?: boolean }, connectError: boolean) =>
    buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 6, batch: 6 }],
        ['f', 'test.failer', params],
        ['k', 'test.sink'],
        ['e', 'test.errs'],
      ],
      ['t.out -> s.in', 's.out -> f.in', 'f.out -> k.in', ...(connectError ? ['f.error -> e.in'] : [])],
    );

  it('routes failed records to a connected error port, with their reason, and ends partial', async () => {
    const ok = newProbe();
    const errs = newProbe();
    const catalog = createCatalog([trigger, source(ok), failer, sink(ok), sink(errs, { type: 'test.errs' })]);
    const { events, onEvent } = collect();
    const summary = await run({ flow: flowWithFailer({ odd: true }, true), catalog, onEvent });
    expect(summary.status).toBe('partial');
    expect(ok.items.map((i) => i.key)).toEqual(['k0', 'k2', 'k4']);
    expect(errs.items.map((i) => [i.key, itemError(i)?.message])).toEqual([
      ['k1', 'number 1 is not allowed'],
      ['k3', 'number 3 is not allowed'],
      ['k5', 'number 5 is not allowed'],
    ]);
    expect(summary.nodes.f?.counts).toMatchObject({ out: 3, failed: 3 });
    const failedRecords = events.filter((e) => e.type === 'record' && e.action === 'failed');
    expect(failedRecords.map((e) => (e.type === 'record' ? e.key : ''))).toEqual(['k1', 'k3', 'k5']);
    // Connected: the records are handled downstream, so they are not logged as errors.
    expect(events.filter((e) => e.type === 'log' && e.level === 'error')).toHaveLength(0);
  });

  it('counts and logs failed records when nothing is connected to error', async () => {
    const ok = newProbe();
    const catalog = createCatalog([trigger, source(ok), failer, sink(ok), sink(newProbe(), { type: 'test.errs' })]);
    const { events, onEvent } = collect();
    const summary = await run({ flow: flowWithFailer({ odd: true }, false), catalog, onEvent });
    expect(summary.status).toBe('partial');
    expect(summary.counts.failed).toBe(3);
    const logs = events.filter((e) => e.type === 'log' && e.level === 'error');
    expect(logs.map((e) => (e.type === 'log' ? [e.key, e.message] : []))).toEqual([
      ['k1', "Record 'k1' failed in 'f': number 1 is not allowed"],
      ['k3', "Record 'k3' failed in 'f': number 3 is not allowed"],
      ['k5', "Record 'k5' failed in 'f': number 5 is not allowed"],
    ]);
  });

  it('ends failed when every record failed', async () => {
    const catalog = createCatalog([trigger, source(newProbe()), failer, sink(newProbe()), sink(newProbe(), { type: 'test.errs' })]);
    const summary = await run({ flow: flowWithFailer({ all: true }, false), catalog });
    expect(summary.status).toBe('failed');
    expect(summary.counts.failed).toBe(6);
  });

  it('fails a throwing node, ends its downstream cleanly and ends the run failed', async () => {
    const probe = newProbe();
    const other = newProbe();
    const catalog = createCatalog([trigger, source(probe), crasher, sink(probe), sink(other, { type: 'test.other' })]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 50, batch: 10 }],
        ['c', 'test.crasher', { after: 2 }],
        ['k', 'test.sink'],
        ['o', 'test.other'],
      ],
      ['t.out -> s.in', 's.out -> c.in', 'c.out -> k.in', 's.out -> o.in'],
    );
    const { events, onEvent } = collect();
    const summary = await run({ flow, catalog, onEvent });
    expect(summary.status).toBe('failed');
    expect(summary.nodes.c).toMatchObject({ status: 'failed', error: "Node 'c' stopped: the test node broke" });
    expect(probe.items).toHaveLength(20);
    // The other branch does not depend on the broken node and still gets everything.
    expect(other.items).toHaveLength(50);
    expect(statuses(events, 'k').at(-1)).toBe('done');
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'failed', error: "Node 'c' stopped: the test node broke" });
  });

  it('fails a node that yields on a port it does not declare', async () => {
    const catalog = createCatalog([trigger, source(newProbe()), liar]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 3 }],
        ['l', 'test.liar'],
      ],
      ['t.out -> s.in', 's.out -> l.in'],
    );
    const summary = await run({ flow, catalog });
    expect(summary.status).toBe('failed');
    expect(summary.nodes.l?.error).toContain("output 'elsewhere'");
  });

  it('stops at the first failed record when the flow says stopOnError', async () => {
    const catalog = createCatalog([trigger, source(newProbe()), failer, sink(newProbe())]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 100, batch: 1 }],
        ['f', 'test.failer', { odd: true }],
        ['k', 'test.sink'],
      ],
      ['t.out -> s.in', 's.out -> f.in', 'f.out -> k.in'],
      { settings: { batchSize: 100, payloadLogging: 'redacted', stopOnError: true } },
    );
    const summary = await run({ flow, catalog, channelCapacity: 1 });
    expect(summary.status).toBe('failed');
    expect(summary.error).toContain("Record 'k1' failed in 'f'");
    expect(summary.nodes.s?.counts.out).toBeLessThan(100);
  });

  it('does not start a flow with problems, and says which', async () => {
    const catalog = createCatalog([trigger, sink(newProbe())]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['k', 'test.sink'],
      ],
      ['t.out -> k.nope'],
    );
    const { events, onEvent } = collect();
    const summary = await run({ flow, catalog, onEvent });
    expect(summary.status).toBe('failed');
    expect(summary.problems[0]).toMatchObject({ nodeId: 'k', field: 'edges[0].to.port' });
    expect(summary.error).toContain('The flow cannot start');
    expect(events.some((e) => e.type === 'node.status')).toBe(false);
  });

  it('skips a disabled node; its downstream gets nothing', async () => {
    const probe = newProbe();
    const catalog = createCatalog([trigger, source(probe), sink(probe)]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 5 }],
        ['k', 'test.sink'],
      ],
      ['t.out -> s.in', 's.out -> k.in'],
    );
    const disabled = { ...flow, nodes: flow.nodes.map((n) => (n.id === 's' ? { ...n, disabled: true } : n)) };
    const summary = await run({ flow: disabled, catalog });
    expect(summary.nodes.s?.status).toBe('skipped');
    expect(probe.items).toHaveLength(0);
    expect(summary.status).toBe('succeeded');
  });
});

describe('runFlow: replay, dry run, events', () => {
  it('only.keys lets just those records past the first step', async () => {
    const probe = newProbe();
    const catalog = createCatalog([trigger, source(probe), sink(probe)]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 40, batch: 10 }],
        ['k', 'test.sink'],
      ],
      ['t.out -> s.in', 's.out -> k.in'],
    );
    const summary = await run({ flow, catalog, only: { keys: ['k3', 'k31', 'nope'] } });
    expect(probe.items.map((i) => i.key)).toEqual(['k3', 'k31']);
    expect(summary.counts.in).toBe(2);
  });

  it('reports planned outcomes in a dry run and changes neither id map nor cursors', async () => {
    const ledger = openLedger(':memory:');
    const catalog = createCatalog([trigger, source(newProbe()), writer()]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 4, batch: 2 }],
        ['w', 'test.writer'],
      ],
      ['t.out -> s.in', 's.out -> w.in'],
    );
    const { events, onEvent } = collect();
    const dry = await runFlow({ flow, catalog, ledger, dryRun: true, onEvent });
    expect(dry.status).toBe('succeeded');
    const records = events.filter((e) => e.type === 'record');
    expect(records).toHaveLength(4);
    expect(records.every((e) => e.type === 'record' && e.planned && e.action === 'created')).toBe(true);
    expect(ledger.nodeLedger(flow.id, 'w', 'x', false).getMapping('product', 'k0')).toBeUndefined();
    expect(ledger.cursor(flow.id, 'w', 'last')).toBeUndefined();

    const real = await runFlow({ flow, catalog, ledger });
    expect(real.counts.created).toBe(4);
    expect(ledger.nodeLedger(flow.id, 'w', 'x', false).getMapping('product', 'k0')?.targetId).toBe('id-k0');
    expect(ledger.cursor(flow.id, 'w', 'last')).toBe('k3');
    const again = await runFlow({ flow, catalog, ledger, dryRun: true });
    expect(again.counts).toMatchObject({ created: 0, skipped: 4 });
    ledger.close();
  });

  it('throttles node.counts: with a frozen clock only the first and the final counts per node', async () => {
    const probe = newProbe();
    const catalog = createCatalog([trigger, source(probe), sink(probe)]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 200, batch: 2 }],
        ['k', 'test.sink'],
      ],
      ['t.out -> s.in', 's.out -> k.in'],
    );
    const frozen = new Date('2026-01-01T00:00:00Z');
    const { events, onEvent } = collect();
    await run({ flow, catalog, onEvent, now: () => frozen });
    const countsOf = (id: string) => events.filter((e) => e.type === 'node.counts' && e.nodeId === id);
    expect(countsOf('k')).toHaveLength(2);
    expect(countsOf('k').at(-1)).toMatchObject({ counts: { in: 200 } });

    // A clock that moves 60 ms per reading lets about every second update through.
    let ms = 0;
    const moving = collect();
    await run({ flow, catalog, onEvent: moving.onEvent, now: () => new Date((ms += 60)) });
    const moved = moving.events.filter((e) => e.type === 'node.counts' && e.nodeId === 'k').length;
    expect(moved).toBeGreaterThan(10);
    expect(moved).toBeLessThan(200);
  });

  it('keeps running when an event listener throws, and says so', async () => {
    const catalog = createCatalog([trigger, source(newProbe()), sink(newProbe())]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 3 }],
        ['k', 'test.sink'],
      ],
      ['t.out -> s.in', 's.out -> k.in'],
    );
    const summary = await run({
      flow,
      catalog,
      onEvent: () => {
        throw new Error('disk full');
      },
    });
    expect(summary.status).toBe('succeeded');
    expect(summary.error).toBe('An event listener failed: disk full');
  });
});

describe('runFlow: records a node never read', () => {
  it('says how many records a crashed node left unprocessed', async () => {
    const probe = newProbe();
    const catalog = createCatalog([trigger, source(probe), crasher, sink(probe)]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 100, batch: 10 }],
        ['c', 'test.crasher', { after: 0 }],
        ['k', 'test.sink'],
      ],
      ['t.out -> s.in', 's.out -> c.in', 'c.out -> k.in'],
    );
    const { events, onEvent } = collect();
    await run({ flow, catalog, onEvent });
    // The crasher took the first batch and broke on it: the other 90 records never got processed.
    const warning = events.find((e) => e.type === 'log' && e.level === 'warn');
    expect(warning).toMatchObject({ nodeId: 'c', message: "90 records sent to 'c' were not processed because it stopped." });
  });
});

describe('runFlow: a failure reported as outcome and on the error port', () => {
  it('is counted and recorded once', async () => {
    const catalog = createCatalog([trigger, source(newProbe()), strictWriter]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 9, batch: 9 }],
        ['w', 'test.strictWriter'],
      ],
      ['t.out -> s.in', 's.out -> w.in'],
    );
    const { events, onEvent } = collect();
    const summary = await run({ flow, catalog, onEvent });
    expect(summary.nodes.w?.counts).toMatchObject({ created: 6, failed: 3 });
    const failed = events.filter((e) => e.type === 'record' && e.action === 'failed');
    expect(failed.map((e) => (e.type === 'record' ? e.key : ''))).toEqual(['k0', 'k3', 'k6']);
    expect(summary.status).toBe('partial');
  });
});
