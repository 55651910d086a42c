import type { Counts, RunStatus } from '../../engine/run/events';
import { formatTime } from '../services/time-format';
import type { NotifyMessage } from './message';

export interface DigestRun {
  flowId: string;
  flowName: string;
  status: RunStatus | 'running';
  counts: Counts;
}

export interface DigestInput {
  from: string;
  to: string;
  runs: readonly DigestRun[];
  attention: readonly { flowName: string; key: string; reason?: string }[];
  attentionTotal: number;
  /** Link to the dashboard, when a web address is known. */
  web?: string;
}

interface FlowLine {
  name: string;
  runs: number;
  succeeded: number;
  partial: number;
  failed: number;
  created: number;
  updated: number;
  failedRecords: number;
}

/** The daily summary: per flow how many runs and records, and what needs attention. */
export function digestMessage(input: DigestInput): NotifyMessage {
  const flows = new Map<string, FlowLine>();
  for (const run of input.runs) {
    const line = flows.get(run.flowId) ?? { name: run.flowName, runs: 0, succeeded: 0, partial: 0, failed: 0, created: 0, updated: 0, failedRecords: 0 };
    line.runs += 1;
    if (run.status === 'succeeded') line.succeeded += 1;
    else if (run.status === 'partial') line.partial += 1;
    else if (run.status === 'failed') line.failed += 1;
    line.created += run.counts.created;
    line.updated += run.counts.updated;
    line.failedRecords += run.counts.failed;
    flows.set(run.flowId, line);
  }
  const problems = [...flows.values()].reduce((n, f) => n + f.partial + f.failed, 0);
  const lines = [`Koppel between ${formatTime(input.from)} and ${formatTime(input.to)}:`, ''];
  if (flows.size === 0) lines.push('No runs.');
  for (const f of [...flows.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(
      `${f.name}: ${f.runs} run${f.runs === 1 ? '' : 's'} (${f.succeeded} succeeded, ${f.partial} partial, ${f.failed} failed); ${f.created} created, ${f.updated} updated, ${f.failedRecords} failed records`,
    );
  }
  lines.push('');
  if (input.attentionTotal === 0) lines.push('No records need attention.');
  else {
    lines.push(`${input.attentionTotal} record${input.attentionTotal === 1 ? ' needs' : 's need'} attention:`);
    for (const a of input.attention) lines.push(`  - ${a.flowName}: ${a.key}: ${a.reason ?? 'failed'}`);
    if (input.attentionTotal > input.attention.length) lines.push(`  ... and ${input.attentionTotal - input.attention.length} more`);
    lines.push('', "Open the dashboard in Koppel to replay or park them.");
  }
  if (input.web) lines.push(`Dashboard: ${input.web}`);
  return {
    kind: 'digest',
    title: `Koppel daily summary: ${input.runs.length} run${input.runs.length === 1 ? '' : 's'}, ${problems} with problems, ${input.attentionTotal} record${input.attentionTotal === 1 ? '' : 's'} need attention`,
    text: lines.join('\n'),
    links: input.web ? { web: input.web } : {},
    at: input.to,
  };
}
