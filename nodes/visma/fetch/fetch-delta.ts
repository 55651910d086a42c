import { contentHash } from '../../../engine';
import type { Json, NodeLedger } from '../../../engine';
import { parseVismaDateTime } from '../../../connectors/visma-net/index';

/**
 * Delta reading ("only what changed since the last successful run").
 *
 * The cursor is the latest change time Visma.net itself reported on the records read (not this PC's clock), so a
 * wrong PC clock cannot lose changes. Visma does not document the time zone its filters use ([I]), so the next
 * run reads from the cursor minus an overlap window; what is read twice is skipped by the writing nodes (their
 * content hash did not change). Cursors are committed by the engine only when the run succeeds and is not a
 * dry run, so a failed run is read again in full.
 */
export interface DeltaPlan {
  readonly cursorName: string;
  /** Read records changed at or after this moment; undefined = read everything (first run). */
  readonly since: Date | undefined;
  readonly previous: Date | undefined;
}

/** The cursor name includes the filters: changing a filter starts again with a full read. */
export function cursorName(resource: string, field: string, filters: Json): string {
  return `since:${resource}:${field}:${contentHash(filters).slice(0, 12)}`;
}

export function planDelta(ledger: NodeLedger, name: string, overlapMinutes: number): DeltaPlan {
  const stored = ledger.getCursor(name);
  const previous = stored !== undefined ? new Date(stored) : undefined;
  if (previous === undefined || Number.isNaN(previous.getTime())) return { cursorName: name, since: undefined, previous: undefined };
  return { cursorName: name, since: new Date(previous.getTime() - overlapMinutes * 60_000), previous };
}

/** Tracks the latest change time seen while reading, and proposes it as the next cursor. */
export class CursorTracker {
  private latest: number | undefined;

  /** `assume`: how to read Visma times without an offset (the connection's filter time zone). */
  constructor(private readonly assume: 'local' | 'utc') {}

  see(value: Json | undefined): void {
    if (typeof value !== 'string') return;
    const d = parseVismaDateTime(value, this.assume);
    if (d) this.seeDate(d);
  }

  seeDate(d: Date): void {
    const t = d.getTime();
    if (Number.isFinite(t) && (this.latest === undefined || t > this.latest)) this.latest = t;
  }

  get latestSeen(): Date | undefined {
    return this.latest === undefined ? undefined : new Date(this.latest);
  }

  /** Never moves the cursor back; proposes nothing when nothing was read. */
  propose(ledger: NodeLedger, plan: DeltaPlan): void {
    if (this.latest === undefined) return;
    const next = Math.max(this.latest, plan.previous?.getTime() ?? Number.NEGATIVE_INFINITY);
    ledger.proposeCursor(plan.cursorName, new Date(next).toISOString());
  }
}
