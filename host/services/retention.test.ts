import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../../engine/flow/schema';
import { openLedger, type Ledger } from '../../engine/ledger/ledger';
import type { RunEvent } from '../../engine/run/events';
import type { OpsLogEntry } from '../types';
import { productsFlow, startOpsHost, type OpsHost } from './ops.fixture';

let t: OpsHost | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const zero = { in: 1, out: 1, created: 1, updated: 0, skipped: 0, failed: 0 };

/** A finished run with one record whose payloads hold jan@example.nl, and a log line naming him. */
function seed(ledger: Ledger, runId: string, at: string): void {
  const flow = flowDocumentSchema.parse({ koppel: 2, id: 'customers', name: 'Customers', nodes: [], settings: { batchSize: 100, payloadLogging: 'full', stopOnError: false } });
  const rec = ledger.recorder(runId, flow);
  const events: RunEvent[] = [
    { runId, at, type: 'run.started', flowId: 'customers', flowName: 'Customers', dryRun: false, nodeIds: ['save'] },
    { runId, at, type: 'record', nodeId: 'save', key: 'C-1', action: 'created', planned: false, source: { email: 'jan@example.nl', name: 'Jan' }, sent: { eMail: 'jan@example.nl' } },
    { runId, at, type: 'log', level: 'info', message: 'welcome mail for jan@example.nl', data: { to: 'jan@example.nl' } },
    { runId, at, type: 'run.finished', status: 'succeeded', durationMs: 5, counts: zero },
  ];
  for (const e of events) rec.onEvent(e);
}

function seededHost(now: string) {
  return startOpsHost({ start: now }).then((h) => {
    const ledger = openLedger(path.join(h.home, 'ledger.db'));
    seed(ledger, 'january', '2026-01-01T10:00:00.000Z');
    seed(ledger, 'june-20', '2026-06-20T10:00:00.000Z');
    seed(ledger, 'june-29', '2026-06-29T10:00:00.000Z');
    ledger.close();
    return h;
  });
}

const ids = async (h: OpsHost) => (await h.host.invoke('runs.list', {})).map((r) => r.runId);

describe('retention', () => {
  it('deletes runs older than 30 days by default, and payloads sooner when set', async () => {
    t = await seededHost('2026-06-30T12:00:00.000Z');
    expect(await t.host.invoke('retention.get', {})).toEqual({ days: 30, payloadLoggingLimit: 'full' });
    expect(await t.host.invoke('retention.apply', {})).toEqual({ runs: 1, payloads: 0, message: expect.stringContaining('Removed 1 run older than 30 days') });
    expect(await ids(t)).toEqual(['june-29', 'june-20']);

    expect(await t.host.invoke('retention.set', { payloadDays: 5 })).toEqual({ days: 30, payloadDays: 5, payloadLoggingLimit: 'full' });
    expect((await t.host.invoke('retention.apply', {})).payloads).toBe(1);
    const june20 = await t.host.invoke('runs.get', { runId: 'june-20' });
    expect(june20.records[0]).toMatchObject({ key: 'C-1', action: 'created' });
    expect(june20.records[0]?.source).toBeUndefined();
    expect((await t.host.invoke('runs.get', { runId: 'june-29' })).records[0]?.source).toEqual({ email: 'jan@example.nl', name: 'Jan' });
    expect(await t.host.invoke('retention.set', { payloadDays: null })).toEqual({ days: 30, payloadLoggingLimit: 'full' });
    await expect(t.host.invoke('retention.set', { days: 0 })).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('runs at scheduler start and then daily', async () => {
    t = await seededHost('2026-06-30T12:00:00.000Z');
    const log: OpsLogEntry[] = [];
    t.host.onOpsLog((e) => log.push(e));
    await t.host.invoke('retention.set', { days: 5 });
    await t.host.startScheduler();
    await t.host.settled();
    expect(await ids(t)).toEqual(['june-29']);
    expect(log.find((e) => e.kind === 'retention')?.message).toContain('Removed 2 runs older than 5 days');
    // Next day at 03:30 local time the same rule removes what has become old.
    await t.host.invoke('retention.set', { days: 1 });
    await t.clock.advance(24 * 60 * 60_000);
    await t.host.settled();
    expect(await ids(t)).toEqual([]);
  });

  it('caps payload logging at the workspace limit, whatever the flow file says', async () => {
    t = await startOpsHost();
    await t.host.invoke('retention.set', { payloadLoggingLimit: 'off' });
    const { runId } = await t.host.invoke('runs.start', { flow: productsFlow({ fields: ['price', 'amount'], payloadLogging: 'full', target: 'retention-cap' }) });
    await t.finished(runId);
    const detail = await t.host.invoke('runs.get', { runId });
    expect(detail.records).toHaveLength(3);
    expect(detail.records.every((r) => r.source === undefined && r.sent === undefined)).toBe(true);
  });
});

describe('privacy.erase', () => {
  it('removes every logged payload that holds the address and says what stays', async () => {
    t = await seededHost('2026-06-30T12:00:00.000Z');
    const result = await t.host.invoke('privacy.erase', { email: ' Jan@Example.nl ' });
    expect(result).toEqual({ records: 3, events: 3, keys: 0, message: 'Removed the logged data of 3 records and 3 log lines that held Jan@Example.nl.' });
    for (const runId of ['january', 'june-20', 'june-29']) {
      const detail = await t.host.invoke('runs.get', { runId });
      expect(JSON.stringify(detail)).not.toMatch(/jan@example\.nl/i);
      expect(detail.records[0]).toMatchObject({ key: 'C-1', action: 'created' });
    }
    await expect(t.host.invoke('privacy.erase', { email: 'not-an-address' })).rejects.toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('is not an e-mail address') });
  });
});
