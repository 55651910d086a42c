import type { NotifyMessage } from './message';

/** Only scheme, host and port: a webhook's path often carries its token, which must not show up in logs. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the webhook address';
  }
}

export function webhookProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The webhook address is not a web address. Fill in the full address, starting with https://.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'The webhook address must start with https:// (or http:// on your own network).';
  return undefined;
}

/** The JSON a webhook receives: the message and its facts. */
export function webhookBody(message: NotifyMessage): Record<string, unknown> {
  return { source: 'koppel', ...message };
}

/** POSTs the message as JSON; any answer other than 2xx is an error. Redirects are not followed. */
export async function postWebhook(url: string, message: NotifyMessage, opts: { timeoutMs?: number } = {}): Promise<void> {
  const problem = webhookProblem(url);
  if (problem) throw new Error(problem);
  let status: number;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Koppel' },
      body: JSON.stringify(webhookBody(message)),
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new Error(`The webhook at ${safeOrigin(url)} could not be reached: ${reason.split(url).join(safeOrigin(url))}.`);
  }
  if (status < 200 || status > 299) throw new Error(`The webhook at ${safeOrigin(url)} answered HTTP ${status}. Check the address, or the service that receives it.`);
}
