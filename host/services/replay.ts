import type { ParkedRow } from '../../engine/ledger/ops-queries';
import type { RunDetail } from '../../engine/ledger/queries';
import type { RecordRow } from '../../engine/ledger/rows';
import type { FlowDocument } from '../../engine/flow/schema';
import type { ChannelInput, ChannelOutput } from '../contract';
import { HostError } from '../errors';
import type { LibraryEntry } from './flows';

export interface ReplayLedger {
  getRun(runId: string, opts?: { recordLimit?: number }): RunDetail | undefined;
  failedRecords(runId: string): RecordRow[];
  isParked(flowId: string, key: string): boolean;
  park(flowId: string, key: string, note?: string): void;
  unpark(flowId: string, key: string): boolean;
  parked(flowId?: string): ParkedRow[];
}

const list = (keys: readonly string[], max = 5): string => keys.slice(0, max).join(', ') + (keys.length > max ? ` and ${keys.length - max} more` : '');

/**
 * Replay runs the flow as it is now for some records of an earlier run (the engine's `only.keys`): the same nodes and
 * the same id map, so a record that was written before is updated or skipped, never created twice. Parked records are
 * set aside by a person: not replayed by default and not listed as needing attention.
 */
export function createReplay(deps: {
  ledger: () => ReplayLedger;
  library: () => Promise<LibraryEntry[]>;
  start: (input: { flow: FlowDocument; dryRun: boolean; onlyKeys: string[] }) => Promise<string>;
}) {
  return {
    async replay(input: ChannelInput<'records.replay'>): Promise<ChannelOutput<'records.replay'>> {
      const ledger = deps.ledger();
      const detail = ledger.getRun(input.runId, { recordLimit: 0 });
      if (!detail) throw new HostError('not-found', `There is no run '${input.runId}' in the run history. It may have been removed by the retention settings.`);
      const { flowId, flowName } = detail.run;
      const wanted = input.keys ?? [...new Set(ledger.failedRecords(input.runId).map((r) => r.key))];
      if (wanted.length === 0) throw new HostError('conflict', `Run ${input.runId} of '${flowName}' has no failed records to replay.`);
      const unique = [...new Set(wanted)];
      const skippedParked = unique.filter((key) => ledger.isParked(flowId, key));
      const keys = unique.filter((key) => !skippedParked.includes(key));
      if (keys.length === 0) {
        throw new HostError('conflict', `${skippedParked.length === 1 ? 'The record' : 'All the records'} to replay ${skippedParked.length === 1 ? 'is' : 'are'} parked (${list(skippedParked)}). Unpark ${skippedParked.length === 1 ? 'it' : 'them'} first to replay.`);
      }
      const entry = (await deps.library()).find((e) => e.flow?.id === flowId);
      if (!entry?.flow) {
        throw new HostError('not-found', `The flow '${flowName}' (${flowId}) is no longer in the flow library, so its records cannot be replayed. Import or save the flow again first.`);
      }
      const runId = await deps.start({ flow: entry.flow, dryRun: input.dryRun ?? false, onlyKeys: keys });
      return { runId, keys, skippedParked };
    },

    park(input: ChannelInput<'records.park'>): void {
      deps.ledger().park(input.flowId, input.key, input.note?.trim() || undefined);
    },

    /** Unparking a record that is not parked changes nothing and is not an error (a double click). */
    unpark(input: ChannelInput<'records.unpark'>): void {
      deps.ledger().unpark(input.flowId, input.key);
    },

    parked(flowId?: string): ChannelOutput<'records.parked'> {
      return deps.ledger().parked(flowId);
    },
  };
}
export type ReplayService = ReturnType<typeof createReplay>;
