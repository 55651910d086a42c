/**
 * Retention and privacy: what Koppel keeps about the records it moves, and for how long.
 *
 * The ledger (`<home>/ledger.db`, SQLite) holds:
 * - runs: flow id and name, start and end time, status, counts, the run's error message;
 * - events: the run's log lines and node status/counts; a log line may carry data (payload logging rules apply);
 * - record outcomes: per record its key (SKU, order number, e-mail), node, action, target id, the reason it failed,
 *   and — only as the flow's `payloadLogging` allows (off / redacted / full, capped by the workspace limit here) —
 *   what came from the source, what was sent, and field-level changes;
 * - the id map: source key ⇄ target id and a content hash (no payload), so re-runs and replays never create duplicates;
 * - write intents: key and hash of a write in flight, so a crash mid-write is checked before writing again;
 * - sync cursors (e.g. "modified since" timestamps) and parked records (flow id, key, a note).
 *
 * Retention deletes runs with their events and record outcomes after `days` (default 30), and payloads sooner when
 * `payloadDays` is set. The id map, write intents, cursors and parked records stay: they hold keys and hashes,
 * not payloads, and without them Koppel would create duplicates. `privacy.erase` removes every logged payload that
 * holds an e-mail address and blanks it in log lines; keys that are the address itself stay (the id map needs them)
 * and are counted in the answer. Samples for the data preview live in memory only, for the last run of each flow.
 */
import type { FlowDocument } from '../../engine/flow/schema';
import type { ChannelInput, ChannelOutput, RetentionSettings } from '../contract';
import { retentionSettingsSchema } from '../contract-ops';
import { HostError, messageOf } from '../errors';
import type { Clock, OpsLogEntry, SettingsStore } from '../types';
import type { SchedulerJob } from './scheduler';

export const RETENTION_KEY = 'retention';
/** Retention runs daily at this local time (and at start), when the PC is likely idle. */
export const RETENTION_CRON = '30 3 * * *';

export interface RetentionLedger {
  prune(opts: { runsOlderThanDays?: number; payloadsOlderThanDays?: number; now?: Date }): { runs: number; payloads: number };
  erasePayloadsContaining(email: string): { records: number; events: number; keys: number };
}

const LEVEL = { off: 0, redacted: 1, full: 2 } as const;

export function readRetention(settings: SettingsStore): RetentionSettings {
  const parsed = retentionSettingsSchema.safeParse(settings.get(RETENTION_KEY) ?? {});
  return parsed.success ? parsed.data : retentionSettingsSchema.parse({});
}

/** The flow with its payload logging lowered to the workspace limit (the file itself is not changed). */
export function capPayloadLogging(flow: FlowDocument, limit: RetentionSettings['payloadLoggingLimit']): FlowDocument {
  if (LEVEL[flow.settings.payloadLogging] <= LEVEL[limit]) return flow;
  return { ...flow, settings: { ...flow.settings, payloadLogging: limit } };
}

export function createRetention(deps: { settings: SettingsStore; clock: Clock; ledger: () => RetentionLedger; log(entry: Omit<OpsLogEntry, 'at'>): void }) {
  const { settings } = deps;

  function apply(): ChannelOutput<'retention.apply'> {
    const r = readRetention(settings);
    const result = deps.ledger().prune({ runsOlderThanDays: r.days, payloadsOlderThanDays: r.payloadDays ?? r.days, now: deps.clock.now() });
    const message =
      result.runs === 0 && result.payloads === 0
        ? `Nothing to remove: no runs older than ${r.days} days.`
        : `Removed ${result.runs} run${result.runs === 1 ? '' : 's'} older than ${r.days} days and the payloads of ${result.payloads} record${result.payloads === 1 ? '' : 's'} older than ${r.payloadDays ?? r.days} days.`;
    return { ...result, message };
  }

  return {
    get: () => readRetention(settings),

    set(input: ChannelInput<'retention.set'>): RetentionSettings {
      const current = readRetention(settings);
      const { payloadDays, ...rest } = input;
      const next = retentionSettingsSchema.parse({
        ...current,
        ...rest,
        ...(payloadDays === null ? { payloadDays: undefined } : payloadDays !== undefined ? { payloadDays } : {}),
      });
      settings.set(RETENTION_KEY, next);
      return next;
    },

    apply,

    erase(email: string): ChannelOutput<'privacy.erase'> {
      let result: { records: number; events: number; keys: number };
      try {
        result = deps.ledger().erasePayloadsContaining(email);
      } catch (error) {
        throw new HostError('invalid-input', `${messageOf(error)} Give the full address, e.g. jan@example.nl.`);
      }
      const parts = [`Removed the logged data of ${result.records} record${result.records === 1 ? '' : 's'} and ${result.events} log line${result.events === 1 ? '' : 's'} that held ${email.trim()}.`];
      if (result.keys > 0) {
        parts.push(
          `${result.keys} record${result.keys === 1 ? ' is' : 's are'} identified by the address itself; the key stays in the run history until retention removes it, and in the id map so Koppel creates no duplicates.`,
        );
      }
      deps.log({ level: 'info', kind: 'retention', message: `Erased logged payloads on request (${result.records} records, ${result.events} log lines).` });
      return { ...result, message: parts.join(' ') };
    },

    /** Whatever a flow file says, runs on this machine keep no more payload than the workspace allows. */
    capFlow: (flow: FlowDocument): FlowDocument => capPayloadLogging(flow, readRetention(settings).payloadLoggingLimit),

    job(): SchedulerJob {
      return {
        id: 'retention',
        timing: () => ({ cron: RETENTION_CRON }),
        runAtStart: true,
        run: async () => {
          const result = apply();
          if (result.runs > 0 || result.payloads > 0) deps.log({ level: 'info', kind: 'retention', message: result.message });
        },
      };
    },
  };
}
export type RetentionService = ReturnType<typeof createRetention>;
