import type { RunEvent, RunSummary, Counts } from '../engine/index';
import type { Io } from './io';

const BAR_WIDTH = 24;
const MAX_LISTED = 20;

interface NodeLine {
  status: string;
  counts?: Counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Shows a run on a terminal (a progress bar and live counts, redrawn in place), as one JSON event per line
 * (`--json`), or as plain lines when the output is not a terminal. The same event stream feeds all three.
 */
export class RunPrinter {
  private readonly nodes = new Map<string, NodeLine>();
  private order: string[] = [];
  private total: number | undefined;
  private lastDraw = 0;
  private drawn = false;
  private readonly failures: { key: string; nodeId: string; reason: string }[] = [];
  private readonly planned: { key: string; nodeId: string; action: string; fields: string[] }[] = [];
  private failedCount = 0;
  private plannedCount = 0;

  constructor(
    private readonly io: Io,
    private readonly mode: 'json' | 'tty' | 'plain',
    private readonly now: () => number = Date.now,
  ) {}

  onEvent = (event: RunEvent): void => {
    if (this.mode === 'json') {
      this.io.out(JSON.stringify(event) + '\n');
      return;
    }
    switch (event.type) {
      case 'run.started':
        this.order = event.nodeIds;
        for (const id of event.nodeIds) this.nodes.set(id, { status: 'waiting' });
        break;
      case 'node.status':
        this.nodes.set(event.nodeId, { ...this.nodes.get(event.nodeId), status: event.status });
        if (event.error) this.line(`node '${event.nodeId}' ${event.status}: ${event.error}`);
        break;
      case 'node.counts':
        this.nodes.set(event.nodeId, { status: this.nodes.get(event.nodeId)?.status ?? 'running', counts: event.counts });
        break;
      case 'log':
        if (typeof event.data?.total === 'number' && (this.total === undefined || event.data.total > this.total)) this.total = event.data.total;
        if (event.level === 'warn' || event.level === 'error' || this.mode === 'plain') {
          this.line(`${event.level}${event.nodeId ? ` [${event.nodeId}]` : ''}${event.key ? ` ${event.key}` : ''}: ${event.message}`);
        }
        break;
      case 'record':
        if (event.action === 'failed') {
          this.failedCount++;
          if (this.failures.length < MAX_LISTED) this.failures.push({ key: event.key, nodeId: event.nodeId, reason: event.reason ?? 'no reason given' });
        } else if (event.planned && event.action !== 'skipped') {
          this.plannedCount++;
          if (this.planned.length < MAX_LISTED) {
            this.planned.push({ key: event.key, nodeId: event.nodeId, action: event.action, fields: (event.changes ?? []).map((c) => c.field) });
          }
        }
        break;
      case 'run.finished':
        break;
    }
    if (this.mode === 'tty') this.draw(event.type === 'run.finished');
  };

  /** A line that must not be overwritten by the progress display. */
  private line(text: string): void {
    if (this.mode === 'tty' && this.drawn) this.io.err('\r\x1b[2K');
    this.io.err(text + '\n');
    this.drawn = false;
  }

  private progressText(): string {
    const first = this.order.map((id) => this.nodes.get(id)?.counts).find((c) => c !== undefined);
    const read = first?.out ?? 0;
    let bar: string;
    if (this.total && this.total > 0) {
      const done = Math.min(1, this.maxProcessed() / this.total);
      const filled = Math.round(done * BAR_WIDTH);
      bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.round(done * 100)}%`;
    } else {
      const spin = '|/-\\'[Math.floor(this.now() / 150) % 4];
      bar = `[${spin}]`;
    }
    const t = this.totals();
    return `${bar} read ${read}  created ${t.created}  updated ${t.updated}  unchanged ${t.skipped}  failed ${t.failed}`;
  }

  /** The furthest node's input count: how many records made it through the whole flow so far. */
  private maxProcessed(): number {
    let max = 0;
    for (const id of this.order) {
      const c = this.nodes.get(id)?.counts;
      if (c) max = Math.max(max, c.created + c.updated + c.skipped + c.failed);
    }
    return max;
  }

  private totals(): Omit<Counts, 'in' | 'out'> {
    const sum = { created: 0, updated: 0, skipped: 0, failed: 0 };
    for (const { counts } of this.nodes.values()) {
      if (!counts) continue;
      sum.created += counts.created;
      sum.updated += counts.updated;
      sum.skipped += counts.skipped;
      sum.failed += counts.failed;
    }
    return sum;
  }

  private draw(force: boolean): void {
    const t = this.now();
    if (!force && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    this.io.err(`\r\x1b[2K${this.progressText()}`);
    this.drawn = true;
  }

  /** The closing summary: totals, per-node counts, what failed and why, and in a dry run what would change. */
  summary(summary: RunSummary): void {
    if (this.mode === 'json') {
      this.io.out(JSON.stringify({ type: 'summary', ...summary }) + '\n');
      return;
    }
    if (this.drawn) this.io.err('\n');
    this.drawn = false;
    const c = summary.counts;
    const out: string[] = [];
    out.push(`${summary.flowName}: ${summary.status}${summary.dryRun ? ' (dry run: nothing was written)' : ''} in ${seconds(summary.durationMs)}`);
    const verb = summary.dryRun ? 'would be ' : '';
    out.push(`  read ${c.in}, ${verb}created ${c.created}, ${verb}updated ${c.updated}, unchanged ${c.skipped}, failed ${c.failed}`);
    for (const id of this.order.length ? this.order : Object.keys(summary.nodes)) {
      const n = summary.nodes[id];
      if (!n) continue;
      const parts = [`in ${n.counts.in}`, `out ${n.counts.out}`];
      if (n.counts.created || n.counts.updated || n.counts.skipped) parts.push(`created ${n.counts.created}`, `updated ${n.counts.updated}`, `unchanged ${n.counts.skipped}`);
      if (n.counts.failed) parts.push(`failed ${n.counts.failed}`);
      out.push(`  ${id.padEnd(16)} ${n.status.padEnd(9)} ${parts.join(', ')}${n.error ? `  (${n.error})` : ''}`);
    }
    if (this.planned.length) {
      out.push(`  planned changes (${this.plannedCount}):`);
      for (const p of this.planned) out.push(`    ${p.action === 'created' ? 'create' : 'update'} ${p.key}${p.fields.length ? `: ${p.fields.join(', ')}` : ''}`);
      if (this.plannedCount > this.planned.length) out.push(`    ... and ${plural(this.plannedCount - this.planned.length, 'more record')}`);
    }
    if (this.failures.length) {
      out.push(`  failed records (${this.failedCount}):`);
      for (const f of this.failures) out.push(`    ${f.key} [${f.nodeId}]: ${f.reason}`);
      if (this.failedCount > this.failures.length) out.push(`    ... and ${plural(this.failedCount - this.failures.length, 'more')}; see the run log`);
    }
    if (summary.error) out.push(`  ${summary.error}`);
    for (const p of summary.problems) out.push(`  ${p.severity}: ${p.message} (${p.fix})`);
    out.push(`  run id ${summary.runId}`);
    this.io.out(out.join('\n') + '\n');
  }
}
