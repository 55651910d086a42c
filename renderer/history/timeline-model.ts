import type { ChannelOutput } from '../../host/contract';

type Timeline = ChannelOutput<'records.timeline'>;
type TimelineRun = Timeline['runs'][number];
type Step = TimelineRun['steps'][number];

export type Outcome = 'created' | 'updated' | 'skipped' | 'failed' | 'seen';

export interface RunOutcome {
  runId: string;
  flowId: string;
  flowName: string;
  startedAt: string;
  dryRun: boolean;
  /** What happened to the record in this run, judged by its last record step (a log line alone = seen). */
  outcome: Outcome;
  /** "sales order 5567" when the target said what it made or changed. */
  result?: string;
  reason?: string;
  steps: Step[];
}

/**
 * A person types "order 10234" or "#10234"; the ledger knows the key "10234". The exact text is tried first,
 * then without a leading word and "#".
 */
export function keyCandidates(query: string): string[] {
  const exact = query.trim();
  if (!exact) return [];
  const out = [exact];
  const stripped = exact.replace(/^[\p{L}.]+\s+/u, '').replace(/^#/, '').trim();
  if (stripped && !out.includes(stripped)) out.push(stripped);
  const hashless = exact.replace(/^#/, '');
  if (hashless && !out.includes(hashless)) out.push(hashless);
  return out;
}

function lastRecordStep(steps: readonly Step[]): Step | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    if (s?.kind === 'record' && s.action) return s;
  }
  return undefined;
}

export function runOutcome(run: TimelineRun): RunOutcome {
  const last = lastRecordStep(run.steps);
  const result = last?.target ? `${last.target}${last.targetId ? ` ${last.targetId}` : ''}` : undefined;
  // A failure anywhere in the run wins when no later step succeeded (the last step tells).
  const outcome: Outcome = last?.action ?? 'seen';
  return {
    runId: run.runId,
    flowId: run.flowId,
    flowName: run.flowName,
    startedAt: run.runStartedAt,
    dryRun: run.dryRun,
    outcome,
    ...(result !== undefined ? { result } : {}),
    ...(last?.reason !== undefined ? { reason: last.reason } : {}),
    steps: run.steps,
  };
}

export interface TimelineView {
  key: string;
  /** Newest run first. */
  runs: RunOutcome[];
  /** The newest real (not dry) run's outcome: what is true in the target now. */
  current?: RunOutcome;
  parkedIn: string[];
}

export function timelineView(t: Timeline): TimelineView {
  const runs = [...t.runs].sort((a, b) => b.runStartedAt.localeCompare(a.runStartedAt)).map(runOutcome);
  const current = runs.find((r) => !r.dryRun && r.outcome !== 'seen');
  return { key: t.key, runs, ...(current ? { current } : {}), parkedIn: t.parkedIn };
}
