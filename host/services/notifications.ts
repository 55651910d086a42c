import { z } from 'zod';
import type { AttentionRow } from '../../engine/ledger/ops-queries';
import type { RecordRow, RunRecord } from '../../engine/ledger/rows';
import type { RunEvent } from '../../engine/run/events';
import type { ChannelOutput } from '../contract';
import { messageOf } from '../errors';
import { digestMessage } from '../notify/digest';
import { sendEmail } from '../notify/email';
import { appRunLink, failureMessage, recoveryMessage, startFailureMessage, testMessage, webRunLink, type NotifyMessage, type RunFacts } from '../notify/message';
import { postWebhook } from '../notify/webhook';
import type { Clock, DesktopNotification, OpsLogEntry, SecretStore, SettingsStore } from '../types';
import { createNotificationSettings } from './notification-settings';
import type { SchedulerJob } from './scheduler';

/** What notifications read from the ledger. */
export interface NotifierLedger {
  listRuns(opts: { flowId?: string; limit?: number; dryRun?: boolean }): RunRecord[];
  failedRecords(runId: string): RecordRow[];
  isParked(flowId: string, key: string): boolean;
  runsStartedSince(since: string, opts?: { dryRun?: boolean }): RunRecord[];
  needsAttention(opts?: { limit?: number }): { items: AttentionRow[]; total: number };
}

type Channel = 'desktop' | 'email' | 'webhook';

/** Per flow: whether it is failing as last announced, and for how many runs (settings key `notifyState`). */
const NOTIFY_STATE_KEY = 'notifyState';
const flowStateSchema = z.looseObject({ failing: z.boolean(), failedRuns: z.number().int().min(0).default(0) });
type FlowState = z.infer<typeof flowStateSchema>;
const FAILURES_LISTED = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createNotifications(deps: {
  settings: SettingsStore;
  secrets: SecretStore;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  ledger: () => NotifierLedger;
  /** The desktop shell's notification; absent under the daemon and koppel serve. */
  notify?: (notification: DesktopNotification) => void;
  /** Overrides the webUrl setting (HostOptions.webUrl). */
  webUrl?: string;
  log(entry: Omit<OpsLogEntry, 'at'>): void;
}) {
  const store = createNotificationSettings(deps);
  const runs = new Map<string, { flowId: string; flowName: string; dryRun: boolean }>();
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>): void => {
    queue = queue.then(work).catch((error: unknown) => deps.log({ level: 'error', kind: 'notification', message: `A notification could not be prepared: ${messageOf(error)}` }));
  };
  const webUrl = (): string | undefined => deps.webUrl ?? store.read().webUrl;
  const now = (): string => deps.clock.now().toISOString();

  /** Sends through each enabled channel; a channel that fails is reported, the others still get the message. */
  async function deliver(message: NotifyMessage, only?: readonly Channel[]): Promise<{ channel: Channel; ok: boolean; message: string }[]> {
    const s = store.read();
    // Without a desktop shell the desktop channel is left out quietly (the test message still says why).
    const wanted = (c: Channel): boolean =>
      only ? only.includes(c) : c === 'desktop' ? s.desktop && deps.notify !== undefined && message.kind !== 'digest' : s[c].enabled;
    const results: { channel: Channel; ok: boolean; message: string }[] = [];
    const attempt = async (channel: Channel, send: () => Promise<void> | void, done: string): Promise<void> => {
      try {
        await send();
        results.push({ channel, ok: true, message: done });
      } catch (error) {
        const reason = messageOf(error);
        results.push({ channel, ok: false, message: reason });
        deps.log({ level: 'error', kind: 'notification', ...(message.flowId ? { flowId: message.flowId } : {}), ...(message.runId ? { runId: message.runId } : {}), message: `Notification '${message.title}' by ${channel} failed: ${reason}` });
      }
    };
    if (wanted('desktop')) {
      await attempt(
        'desktop',
        () => {
          if (!deps.notify) throw new Error('Desktop notifications are shown by the Koppel desktop app; this Koppel runs without a desktop.');
          deps.notify({ kind: message.kind, title: message.title, body: message.text, ...(message.links.app ? { url: message.links.app } : {}), ...(message.runId ? { runId: message.runId } : {}), ...(message.flowId ? { flowId: message.flowId } : {}) });
        },
        'Shown on the desktop.',
      );
    }
    if (wanted('email')) {
      await attempt('email', async () => sendEmail(s.email, await store.smtpPassword(), message), `Sent to ${s.email.to.join(', ')}.`);
    }
    if (wanted('webhook')) await attempt('webhook', () => postWebhook(s.webhook.url, message), 'Posted to the webhook.');
    return results;
  }

  const unparkedFailures = (run: { id: string; flowId: string }): RecordRow[] => {
    const seen = new Set<string>();
    return deps
      .ledger()
      .failedRecords(run.id)
      .filter((r) => {
        if (seen.has(r.key) || deps.ledger().isParked(run.flowId, r.key)) return false;
        seen.add(r.key);
        return true;
      });
  };

  /** A run that failed, or left records failed that nobody parked. */
  const isFailure = (run: RunRecord): boolean => run.status === 'failed' || (run.status === 'partial' && unparkedFailures(run).length > 0);

  const readStates = (): Record<string, FlowState> => {
    const parsed = z.record(z.string(), flowStateSchema).safeParse(deps.settings.get(NOTIFY_STATE_KEY));
    return parsed.success ? parsed.data : {};
  };
  const writeState = (flowId: string, state: FlowState): void => deps.settings.set(NOTIFY_STATE_KEY, { ...readStates(), [flowId]: state });

  /** The flow's state before this run: as last announced, or (first time in this home) read from the run history. */
  function previousState(flowId: string, before: readonly RunRecord[]): FlowState {
    const known = readStates()[flowId];
    if (known) return known;
    let failedRuns = 0;
    for (const r of before) {
      if (!isFailure(r)) break;
      failedRuns += 1;
    }
    return { failing: failedRuns > 0, failedRuns };
  }

  async function onFinished(runId: string, flowId: string, flowName: string): Promise<void> {
    const s = store.read();
    const history = deps.ledger().listRuns({ flowId, dryRun: false, limit: 50 });
    const run = history.find((r) => r.id === runId);
    if (!run || run.status === 'running' || run.status === 'cancelled') return;
    const before = history.filter((r) => r.id !== runId && r.startedAt <= run.startedAt && r.status !== 'running' && r.status !== 'cancelled');
    const previous = previousState(flowId, before);
    const failures = unparkedFailures(run);
    const facts: RunFacts = {
      runId,
      flowId,
      flowName,
      status: run.status,
      startedAt: run.startedAt,
      counts: run.counts,
      ...(run.error !== undefined ? { error: run.error } : {}),
      failures: failures.slice(0, FAILURES_LISTED).map((f) => ({ key: f.key, nodeId: f.nodeId, ...(f.reason !== undefined ? { reason: f.reason } : {}) })),
      failuresTotal: failures.length,
    };
    const links = { app: appRunLink(runId), ...(webRunLink(webUrl(), runId) ? { web: webRunLink(webUrl(), runId) } : {}) };
    if (run.status === 'failed' || failures.length > 0) {
      writeState(flowId, { failing: true, failedRuns: previous.failedRuns + 1 });
      if (!s.onFailure || (previous.failing && !s.repeatFailures)) return;
      await deliver(failureMessage(facts, links, now()));
      return;
    }
    writeState(flowId, { failing: false, failedRuns: 0 });
    if (!previous.failing || !s.onRecovery) return;
    await deliver(recoveryMessage(facts, previous.failedRuns, links, now()));
  }

  async function digest(): Promise<void> {
    const to = deps.clock.now();
    const from = new Date(to.getTime() - DAY_MS);
    const ledger = deps.ledger();
    const attention = ledger.needsAttention({ limit: 10 });
    const web = webUrl();
    const message = digestMessage({
      from: from.toISOString(),
      to: to.toISOString(),
      runs: ledger.runsStartedSince(from.toISOString(), { dryRun: false }),
      attention: attention.items.map((a) => ({ flowName: a.flowName, key: a.key, ...(a.reason !== undefined ? { reason: a.reason } : {}) })),
      attentionTotal: attention.total,
      ...(web ? { web: web.replace(/\/+$/, '') } : {}),
    });
    const results = await deliver(message);
    if (results.length > 0) deps.log({ level: 'info', kind: 'digest', message: `Daily summary sent (${results.filter((r) => r.ok).map((r) => r.channel).join(', ') || 'no channel succeeded'}).` });
  }

  return {
    get: () => store.get(),
    set: store.set,

    /** Feed every run event here; failures and recoveries of real runs are announced as settings say. */
    onRunEvent(event: RunEvent): void {
      if (event.type === 'run.started') {
        runs.set(event.runId, { flowId: event.flowId, flowName: event.flowName, dryRun: event.dryRun });
        return;
      }
      if (event.type !== 'run.finished') return;
      const run = runs.get(event.runId);
      runs.delete(event.runId);
      if (!run || run.dryRun || event.status === 'cancelled') return;
      // The ledger has this run's records by now: the recorder writes them before the event is passed on.
      enqueue(() => onFinished(event.runId, run.flowId, run.flowName));
    },

    /** A schedule could not start its flow (unbound slot, invalid flow, flow file gone). */
    startFailed(flowId: string, flowName: string, reason: string): void {
      enqueue(async () => {
        const s = store.read();
        const previous = readStates()[flowId] ?? { failing: false, failedRuns: 0 };
        writeState(flowId, { failing: true, failedRuns: previous.failedRuns + 1 });
        // A schedule that cannot start fails again at every time: announce the first, like failed runs.
        if (!s.onFailure || (previous.failing && !s.repeatFailures)) return;
        await deliver(startFailureMessage(flowId, flowName, reason, now()));
      });
    },

    async test(channels?: readonly Channel[]): Promise<ChannelOutput<'notifications.test'>> {
      const s = store.read();
      const chosen = channels ?? (['desktop', 'email', 'webhook'] as const).filter((c) => (c === 'desktop' ? s.desktop : s[c].enabled));
      if (chosen.length === 0) return [];
      return deliver(testMessage(now()), chosen);
    },

    digest,
    /** The daily digest as a scheduler task, at the time the settings say. */
    digestJob(): SchedulerJob {
      return {
        id: 'digest',
        timing: () => {
          const d = store.read().digest;
          if (!d.enabled) return undefined;
          const [h, m] = d.at.split(':').map(Number);
          return { cron: `${m ?? 0} ${h ?? 8} * * *`, ...(d.timezone ? { timezone: d.timezone } : {}) };
        },
        run: digest,
      };
    },

    async settled(): Promise<void> {
      let current: Promise<void>;
      do {
        current = queue;
        await current;
      } while (current !== queue);
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotifications>;
