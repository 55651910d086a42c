import type { Counts, RunStatus } from '../../engine/run/events';
import { formatTime } from '../services/time-format';

/** One message, the same for every channel: a title, plain text, and the facts a webhook receiver can use. */
export interface NotifyMessage {
  kind: 'failure' | 'recovery' | 'digest' | 'test';
  title: string;
  text: string;
  flowId?: string;
  flowName?: string;
  runId?: string;
  status?: RunStatus;
  counts?: Counts;
  failures?: { key: string; nodeId: string; reason: string }[];
  links: { app?: string; web?: string };
  at: string;
}

export interface RunFacts {
  runId: string;
  flowId: string;
  flowName: string;
  status: RunStatus;
  startedAt: string;
  counts: Counts;
  error?: string;
  /** Failed records that are not parked, first few. */
  failures: { key: string; nodeId: string; reason?: string }[];
  failuresTotal: number;
}

export const appRunLink = (runId: string): string => `koppel://runs/${encodeURIComponent(runId)}`;

/** `<webUrl>/runs/<id>` when a web address of this Koppel is known. */
export function webRunLink(webUrl: string | undefined, runId: string): string | undefined {
  if (!webUrl) return undefined;
  return `${webUrl.replace(/\/+$/, '')}/runs/${encodeURIComponent(runId)}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function countsLine(c: Counts): string {
  return `${c.created} created, ${c.updated} updated, ${c.skipped} skipped, ${c.failed} failed`;
}

/** What a person should do next, from what the run said. */
export function adviceFor(facts: Pick<RunFacts, 'status' | 'error' | 'failuresTotal'>): string {
  const error = facts.error ?? '';
  if (facts.status === 'failed' && /\b(401|403)\b|unauthori[sz]ed|forbidden|credential|secret|token|sign(ed|ing)? in|hmac|invalid_client/i.test(error)) {
    return "Koppel could not sign in. Check the connection under Connections (use Test); renew the key or secret if it expired. Then run the flow again.";
  }
  if (facts.status === 'failed' && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|timed? ?out|network|socket|could not reach|unreachable/i.test(error)) {
    return "Koppel could not reach the service. Check this computer's internet connection and the connection's address; the run is tried again at its next scheduled time.";
  }
  if (/\b429\b|rate limit|too many requests/i.test(error)) {
    return 'The service asked Koppel to slow down (rate limit). Run the flow less often or at a quieter time.';
  }
  if (/has no connection|cannot run yet|cannot start|not in the flow library/i.test(error)) {
    return 'Open the flow in Koppel and fix what the message names, then run it again.';
  }
  if (facts.failuresTotal > 0) {
    return "Open the run to see why each record failed. Fix the data in the source or the mapping in the flow, then choose 'Replay failed records'. Park a record you do not want retried.";
  }
  return 'Open the run in Koppel to read its log, fix the cause, and run the flow again.';
}

function linkLines(links: NotifyMessage['links']): string[] {
  const lines: string[] = [];
  if (links.app) lines.push(`Open the run in Koppel: ${links.app}`);
  if (links.web) lines.push(`Or in the browser: ${links.web}`);
  return lines;
}

export function failureMessage(facts: RunFacts, links: NotifyMessage['links'], at: string): NotifyMessage {
  const when = formatTime(facts.startedAt);
  const lines: string[] = [];
  let title: string;
  if (facts.status === 'failed') {
    title = `Koppel: '${facts.flowName}' failed`;
    lines.push(`The run of '${facts.flowName}' that started at ${when} failed.`);
    if (facts.error) lines.push(`Why: ${facts.error}`);
  } else {
    title = `Koppel: '${facts.flowName}': ${plural(facts.failuresTotal, 'record')} failed`;
    lines.push(`The run of '${facts.flowName}' that started at ${when} finished, but ${plural(facts.failuresTotal, 'record')} failed.`);
  }
  lines.push(`Records: ${countsLine(facts.counts)}.`);
  if (facts.failures.length > 0) {
    lines.push('', 'Failed records:');
    for (const f of facts.failures) lines.push(`  - ${f.key} (step '${f.nodeId}'): ${f.reason ?? 'no reason given; see the run log'}`);
    if (facts.failuresTotal > facts.failures.length) lines.push(`  ... and ${facts.failuresTotal - facts.failures.length} more`);
  }
  lines.push('', `What to do: ${adviceFor(facts)}`, '', ...linkLines(links));
  return {
    kind: 'failure',
    title,
    text: lines.join('\n'),
    flowId: facts.flowId,
    flowName: facts.flowName,
    runId: facts.runId,
    status: facts.status,
    counts: facts.counts,
    failures: facts.failures.map((f) => ({ key: f.key, nodeId: f.nodeId, reason: f.reason ?? '' })),
    links,
    at,
  };
}

export function recoveryMessage(facts: RunFacts, failedBefore: number, links: NotifyMessage['links'], at: string): NotifyMessage {
  const lines = [
    `'${facts.flowName}' works again: the run that started at ${formatTime(facts.startedAt)} ${facts.status === 'partial' ? 'finished' : 'succeeded'} after ${plural(failedBefore, 'failed run')}.`,
    `Records: ${countsLine(facts.counts)}.`,
    'Nothing to do.',
    '',
    ...linkLines(links),
  ];
  return {
    kind: 'recovery',
    title: `Koppel: '${facts.flowName}' works again`,
    text: lines.join('\n'),
    flowId: facts.flowId,
    flowName: facts.flowName,
    runId: facts.runId,
    status: facts.status,
    counts: facts.counts,
    links,
    at,
  };
}

/** A flow that a schedule could not even start (no run to link to). */
export function startFailureMessage(flowId: string, flowName: string, reason: string, at: string): NotifyMessage {
  const advice = adviceFor({ status: 'failed', error: reason, failuresTotal: 0 });
  return {
    kind: 'failure',
    title: `Koppel: '${flowName}' could not start`,
    text: [`The scheduled run of '${flowName}' at ${formatTime(at)} could not start.`, `Why: ${reason}`, '', `What to do: ${advice}`].join('\n'),
    flowId,
    flowName,
    links: {},
    at,
  };
}

export function testMessage(at: string): NotifyMessage {
  return {
    kind: 'test',
    title: 'Koppel: test message',
    text: `This is a test message from Koppel, sent at ${formatTime(at)}. Notifications reach you this way when a flow fails or works again.`,
    links: {},
    at,
  };
}
