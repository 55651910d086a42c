import { randomUUID } from 'node:crypto';
import type { FlowDocument } from '../../engine/flow/schema';
import { runFlow, validateFlow } from '../../engine/index';
import type { RunEvent } from '../../engine/run/events';
import type { Counts, RunState } from '../../engine/run/events';
import type { Json } from '../../engine/json';
import type { NodeCatalog, RunLedger } from '../../engine/types';
import type { ChannelOutput, RecordRow, RunSummary } from '../contract';
import { HostError, messageOf } from '../errors';
import type { StoredConnection } from '../stored';
import { samplingCatalog, type RunSamples } from './samples';

/** What the runs service needs of the engine's ledger (`openLedger`); kept structural so the two can evolve apart. */
export interface HostLedger extends RunLedger {
  recorder(runId: string, flow: FlowDocument): { onEvent(event: RunEvent): void; flush(): void };
  listRuns(opts: { flowId?: string; limit?: number }): LedgerRun[];
  getRun(runId: string): { run: LedgerRun; events: { event: RunEvent }[]; records: LedgerRecord[] } | undefined;
}
interface LedgerRun {
  id: string;
  flowId: string;
  flowName: string;
  dryRun: boolean;
  status: RunState;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  counts: Counts;
}
type LedgerRecord = Omit<RecordRow, 'source' | 'sent'> & { source?: Json; sent?: Json };

interface ActiveRun {
  runId: string;
  flowId: string;
  controller: AbortController;
}

export interface RunsService {
  start(input: { flow: FlowDocument; dryRun: boolean; onlyKeys?: string[] }): Promise<string>;
  stop(runId: string): void;
  list(flowId: string | undefined, limit: number): RunSummary[];
  get(runId: string): ChannelOutput<'runs.get'>;
  samples(runId: string): RunSamples;
  onEvent(listener: (event: RunEvent) => void): () => void;
  /** Stops every active run and waits until each has finished. */
  close(): Promise<void>;
}

function toSummary(run: LedgerRun): RunSummary {
  return {
    runId: run.id,
    flowId: run.flowId,
    flowName: run.flowName,
    dryRun: run.dryRun,
    status: run.status,
    startedAt: run.startedAt,
    ...(run.finishedAt !== undefined ? { finishedAt: run.finishedAt } : {}),
    ...(run.durationMs !== undefined ? { durationMs: run.durationMs } : {}),
    counts: run.counts,
  };
}

function toRecord(row: LedgerRecord): RecordRow {
  const { runId, nodeId, key, action, planned, target, targetId, reason, changes, source, sent, at } = row;
  return {
    runId,
    nodeId,
    key,
    action,
    planned,
    at,
    ...(target !== undefined ? { target } : {}),
    ...(targetId !== undefined ? { targetId } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(changes !== undefined ? { changes } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(sent !== undefined ? { sent } : {}),
  };
}

const zero = (): Counts => ({ in: 0, out: 0, created: 0, updated: 0, skipped: 0, failed: 0 });

export function createRuns(deps: {
  catalog: NodeCatalog;
  ledger: () => HostLedger;
  /** The slot → connection map of a flow (throws naming an unfilled slot). */
  resolveSlots: (flow: FlowDocument) => Map<string, StoredConnection>;
  /** A connector client for a stored connection. */
  clientFor: (connection: StoredConnection) => Promise<unknown>;
  now?: () => Date;
}): RunsService {
  const listeners = new Set<(event: RunEvent) => void>();
  const active = new Map<string, ActiveRun>();
  /** Every run whose executor has not returned yet, also after its run.finished event. */
  const pending = new Set<Promise<void>>();
  /** Flows between "start" and their run being active. */
  const starting = new Set<string>();
  /** Samples of the last run per flow id: flow id → { runId, samples }. */
  const lastSamples = new Map<string, { runId: string; samples: RunSamples }>();
  const now = deps.now ?? (() => new Date());

  const broadcast = (event: RunEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber (e.g. a closed socket) must not stop the run or the others.
      }
    }
  };

  async function launch({ flow, dryRun, onlyKeys }: { flow: FlowDocument; dryRun: boolean; onlyKeys?: string[] }): Promise<string> {
    const disabled = new Set(flow.nodes.filter((n) => n.disabled).map((n) => n.id));
    const slots = deps.resolveSlots(flow);
    const errors = validateFlow(flow, deps.catalog, { boundSlots: new Set(slots.keys()) }).filter(
      (p) => p.severity === 'error' && !(p.nodeId !== undefined && disabled.has(p.nodeId)),
    );
    if (errors.length > 0) {
      const list = errors.slice(0, 3).map((p) => `${p.nodeId ? `node '${p.nodeId}': ` : ''}${p.message} ${p.fix}`.trim());
      throw new HostError('conflict', `Flow '${flow.name}' cannot run yet: ${list.join(' ')}${errors.length > 3 ? ` (${errors.length - 3} more problems)` : ''}`);
    }
    const clients: Record<string, unknown> = {};
    for (const [slot, connection] of slots) clients[slot] = await deps.clientFor(connection);

    const runId = randomUUID();
    const ledger = deps.ledger();
    const recorder = ledger.recorder(runId, flow);
    const samples: RunSamples = {};
    lastSamples.set(flow.id, { runId, samples });
    const controller = new AbortController();
    let finished = false;

    const onEvent = (event: RunEvent): void => {
      // A person who sees "finished" may press Run at once: the flow is free from this event on.
      if (event.type === 'run.finished') {
        finished = true;
        active.delete(runId);
      }
      try {
        recorder.onEvent(event);
      } catch (error) {
        broadcast({ type: 'log', runId, at: now().toISOString(), level: 'error', message: `The run log could not be written to the ledger: ${messageOf(error)}` });
      }
      broadcast(event);
    };

    const done = runFlow({
      flow,
      catalog: samplingCatalog(deps.catalog, samples),
      clients,
      ledger,
      dryRun,
      signal: controller.signal,
      onEvent,
      runId,
      ...(onlyKeys && onlyKeys.length > 0 ? { only: { keys: onlyKeys } } : {}),
    })
      .then(() => undefined)
      .catch((error: unknown) => {
        // The executor should never reject; if it does, the run still ends visibly.
        if (!finished) {
          onEvent({ type: 'run.finished', runId, at: now().toISOString(), status: 'failed', durationMs: 0, counts: zero(), error: messageOf(error) });
        }
      })
      .finally(() => {
        try {
          recorder.flush();
        } catch {
          // Already reported through the event stream; nothing more to do at the end of a run.
        }
        active.delete(runId);
        pending.delete(done);
      });
    pending.add(done);
    // The executor may finish synchronously (e.g. a flow it refuses to start): then it is not active any more.
    if (!finished) active.set(runId, { runId, flowId: flow.id, controller });
    return runId;
  }

  return {
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async start(input) {
      const { flow } = input;
      const running = [...active.values()].find((r) => r.flowId === flow.id);
      if (running) throw new HostError('conflict', `Flow '${flow.name}' is already running (run ${running.runId}). Wait for it to finish or stop it first.`);
      if (starting.has(flow.id)) throw new HostError('conflict', `Flow '${flow.name}' is being started already.`);
      // Held from here to the moment the run is active, so two quick clicks cannot start two runs.
      starting.add(flow.id);
      try {
        return await launch(input);
      } finally {
        starting.delete(flow.id);
      }
    },


    stop(runId) {
      const run = active.get(runId);
      if (run) {
        run.controller.abort();
        return;
      }
      // Stopping a run that just finished is not an error; an id Koppel never saw is.
      if (!deps.ledger().getRun(runId)) throw new HostError('not-found', `There is no run '${runId}'.`);
    },

    list(flowId, limit) {
      return deps.ledger().listRuns({ ...(flowId !== undefined ? { flowId } : {}), limit }).map(toSummary);
    },

    get(runId) {
      const detail = deps.ledger().getRun(runId);
      if (!detail) throw new HostError('not-found', `There is no run '${runId}' in the run history. It may have been removed by the retention settings.`);
      return { run: toSummary(detail.run), events: detail.events.map((e) => e.event), records: detail.records.map(toRecord) };
    },

    samples(runId) {
      for (const entry of lastSamples.values()) if (entry.runId === runId) return entry.samples;
      // Only the last run of each flow keeps samples (memory); older runs show none.
      return {};
    },

    async close() {
      for (const run of active.values()) run.controller.abort();
      await Promise.all([...pending]);
    },
  };
}
