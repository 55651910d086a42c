import type { AttentionRow, KeyEvent, ParkedRow } from '../../engine/ledger/ops-queries';
import type { RunDetail, TimelineEntry } from '../../engine/ledger/queries';
import type { RecordRow, RunRecord } from '../../engine/ledger/rows';
import type { Counts, NodeStatus } from '../../engine/run/events';
import type { ChannelInput, ChannelOutput } from '../contract';
import { HostError } from '../errors';
import { appRunLink } from '../notify/message';
import type { Clock } from '../types';
import { localTimeZone } from './schedule-spec';
import { localDate } from './time-format';

/** What the dashboard reads from the ledger. */
export interface DashboardLedger {
  listRuns(opts: { flowId?: string; limit?: number }): RunRecord[];
  getRun(runId: string, opts?: { recordLimit?: number }): RunDetail | undefined;
  runRecords(runId: string, opts?: { action?: string; limit?: number }): { items: RecordRow[]; total: number };
  runsStartedSince(since: string, opts?: { flowId?: string; dryRun?: boolean }): RunRecord[];
  needsAttention(opts?: { flowId?: string; limit?: number }): { items: AttentionRow[]; total: number };
  keyTimeline(key: string, opts?: { flowId?: string; limit?: number }): TimelineEntry[];
  keyEvents(key: string, opts?: { flowId?: string; limit?: number }): KeyEvent[];
  parked(flowId?: string): ParkedRow[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ATTENTION_LIMIT = 100;
const TERMINAL: ReadonlySet<NodeStatus> = new Set(['done', 'failed', 'cancelled', 'skipped']);
const zero = (): Counts => ({ in: 0, out: 0, created: 0, updated: 0, skipped: 0, failed: 0 });

export const plainReason = (reason: string | undefined): string => reason?.trim() || 'It failed without a reason; open the run to read its log.';

function checkZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new HostError('invalid-input', `'${tz}' is not a time zone Koppel knows. Use a name like Europe/Amsterdam.`);
  }
}

function toOverview(run: RunRecord): ChannelOutput<'dashboard.overview'>['runs'][number] {
  const { id, error, finishedAt, durationMs, ...rest } = run;
  return { runId: id, ...rest, ...(finishedAt !== undefined ? { finishedAt } : {}), ...(durationMs !== undefined ? { durationMs } : {}), ...(error !== undefined ? { error } : {}) };
}

/** The dates (YYYY-MM-DD) of the last `days` days in a zone, oldest first, today last. */
function lastDates(now: Date, days: number, tz: string): string[] {
  const today = Date.parse(`${localDate(now, tz)}T12:00:00.000Z`);
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

/** A record outcome as one line: "Created sales order 5567", "Failed: price missing". */
export function describeOutcome(r: Pick<RecordRow, 'action' | 'planned' | 'target' | 'targetId' | 'reason'>): string {
  const what = [r.target, r.targetId].filter(Boolean).join(' ') || 'the record';
  switch (r.action) {
    case 'created':
      return r.planned ? `Would create ${what}` : `Created ${what}`;
    case 'updated':
      return r.planned ? `Would update ${what}` : `Updated ${what}`;
    case 'skipped':
      return `Skipped${r.reason ? `: ${r.reason}` : ' (nothing changed)'}`;
    case 'failed':
      return `Failed: ${plainReason(r.reason)}`;
  }
}

export function createDashboard(deps: { ledger: () => DashboardLedger; clock: Clock }) {
  const notFound = (runId: string) =>
    new HostError('not-found', `There is no run '${runId}' in the run history. It may have been removed by the retention settings.`);

  return {
    overview(input: ChannelInput<'dashboard.overview'>): ChannelOutput<'dashboard.overview'> {
      const tz = input.timeZone ?? localTimeZone();
      checkZone(tz);
      const days = input.days ?? 14;
      const now = deps.clock.now();
      const ledger = deps.ledger();
      const flow = input.flowId !== undefined ? { flowId: input.flowId } : {};
      const dates = lastDates(now, days, tz);
      const perDay = new Map(dates.map((date) => [date, { date, runs: 0, failedRuns: 0, partialRuns: 0, created: 0, updated: 0, skipped: 0, failed: 0 }]));
      // One day extra: a local day can start before "now minus N days" in UTC.
      for (const run of ledger.runsStartedSince(new Date(now.getTime() - (days + 1) * DAY_MS).toISOString(), { ...flow, dryRun: false })) {
        const day = perDay.get(localDate(run.startedAt, tz));
        if (!day) continue;
        day.runs += 1;
        if (run.status === 'failed') day.failedRuns += 1;
        if (run.status === 'partial') day.partialRuns += 1;
        day.created += run.counts.created;
        day.updated += run.counts.updated;
        day.skipped += run.counts.skipped;
        day.failed += run.counts.failed;
      }
      const attention = ledger.needsAttention({ ...flow, limit: ATTENTION_LIMIT });
      return {
        from: `${dates[0] ?? localDate(now, tz)}`,
        to: `${dates.at(-1) ?? localDate(now, tz)}`,
        timeZone: tz,
        runs: ledger.listRuns({ ...flow, limit: input.runLimit ?? 20 }).map(toOverview),
        days: [...perDay.values()].map((d) => {
          const records = d.created + d.updated + d.skipped + d.failed;
          return { ...d, records, failureRate: records === 0 ? 0 : d.failed / records, runFailureRate: d.runs === 0 ? 0 : (d.failedRuns + d.partialRuns) / d.runs };
        }),
        needsAttention: attention.items.map((a) => ({
          flowId: a.flowId,
          flowName: a.flowName,
          key: a.key,
          nodeId: a.nodeId,
          runId: a.runId,
          runStartedAt: a.runStartedAt,
          at: a.at,
          reason: plainReason(a.reason),
          ...(a.target !== undefined ? { target: a.target } : {}),
        })),
        needsAttentionTotal: attention.total,
      };
    },

    runDetail(input: ChannelInput<'runs.detail'>): ChannelOutput<'runs.detail'> {
      const ledger = deps.ledger();
      // Events only: records come paged below.
      const detail = ledger.getRun(input.runId, { recordLimit: 0 });
      if (!detail) throw notFound(input.runId);
      const order: string[] = [];
      const nodes = new Map<string, { nodeId: string; status: NodeStatus; counts: Counts; startedAt?: string; finishedAt?: string; error?: string }>();
      const node = (id: string) => {
        let n = nodes.get(id);
        if (!n) {
          n = { nodeId: id, status: 'waiting', counts: zero() };
          nodes.set(id, n);
          order.push(id);
        }
        return n;
      };
      const log: ChannelOutput<'runs.detail'>['log'] = [];
      for (const { event } of detail.events) {
        if (event.type === 'run.started') event.nodeIds.forEach(node);
        else if (event.type === 'node.counts') node(event.nodeId).counts = event.counts;
        else if (event.type === 'node.status') {
          const n = node(event.nodeId);
          n.status = event.status;
          if (event.status === 'running' && n.startedAt === undefined) n.startedAt = event.at;
          if (TERMINAL.has(event.status)) n.finishedAt = event.at;
          if (event.error !== undefined) n.error = event.error;
        } else if (event.type === 'log') {
          const { at, level, message, nodeId, key, data } = event;
          log.push({ at, level, message, ...(nodeId !== undefined ? { nodeId } : {}), ...(key !== undefined ? { key } : {}), ...(data !== undefined ? { data } : {}) });
        }
      }
      const parked = new Set(ledger.parked(detail.run.flowId).map((p) => p.key));
      const records = ledger.runRecords(input.runId, { ...(input.action !== undefined ? { action: input.action } : {}), limit: input.recordLimit ?? 1000 });
      return {
        run: toOverview(detail.run),
        nodes: order.map((id) => {
          const n = node(id);
          const durationMs = n.startedAt !== undefined && n.finishedAt !== undefined ? Date.parse(n.finishedAt) - Date.parse(n.startedAt) : undefined;
          return { ...n, ...(durationMs !== undefined ? { durationMs } : {}) };
        }),
        log,
        records: records.items.map(({ runId: _run, seq: _seq, ...r }) => ({ ...r, parked: parked.has(r.key) })),
        recordsTotal: records.total,
        link: appRunLink(input.runId),
      };
    },

    timeline(input: ChannelInput<'records.timeline'>): ChannelOutput<'records.timeline'> {
      const ledger = deps.ledger();
      const opts = { ...(input.flowId !== undefined ? { flowId: input.flowId } : {}), limit: input.limit ?? 200 };
      type Run = ChannelOutput<'records.timeline'>['runs'][number];
      const runs = new Map<string, Run & { order: number[] }>();
      const runOf = (e: { runId: string; flowId: string; flowName: string; runStartedAt: string; dryRun: boolean }) => {
        let run = runs.get(e.runId);
        if (!run) {
          run = { runId: e.runId, flowId: e.flowId, flowName: e.flowName, runStartedAt: e.runStartedAt, dryRun: e.dryRun, steps: [], order: [] };
          runs.set(e.runId, run);
        }
        return run;
      };
      for (const r of ledger.keyTimeline(input.key, opts)) {
        const run = runOf(r);
        run.order.push(r.seq);
        run.steps.push({
          at: r.at,
          kind: 'record',
          nodeId: r.nodeId,
          action: r.action,
          planned: r.planned,
          ...(r.target !== undefined ? { target: r.target } : {}),
          ...(r.targetId !== undefined ? { targetId: r.targetId } : {}),
          ...(r.reason !== undefined ? { reason: r.reason } : {}),
          message: describeOutcome(r),
        });
      }
      for (const e of ledger.keyEvents(input.key, opts)) {
        if (e.event.type !== 'log') continue;
        const run = runOf(e);
        run.order.push(e.seq);
        run.steps.push({ at: e.event.at, kind: 'log', level: e.event.level, ...(e.event.nodeId !== undefined ? { nodeId: e.event.nodeId } : {}), message: e.event.message });
      }
      const out = [...runs.values()]
        .sort((a, b) => b.runStartedAt.localeCompare(a.runStartedAt))
        .map(({ order, steps, ...run }) => {
          // Records and log lines share one sequence per run: that is the order things happened in.
          const sorted = steps.map((step, i) => ({ step, seq: order[i] ?? 0 })).sort((a, b) => a.seq - b.seq);
          return { ...run, steps: sorted.map((s) => s.step) };
        });
      const parkedIn = ledger
        .parked()
        .filter((p) => p.key === input.key && (input.flowId === undefined || p.flowId === input.flowId))
        .map((p) => p.flowId);
      return { key: input.key, runs: out, parkedIn };
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboard>;
