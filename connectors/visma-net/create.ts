import { backoffDelay } from '../common';
import { VismaApiError, isTransientError } from './errors';
import { malformedError } from './error-message';
import { contextOf, type VismaRequest, type VismaResponse, type VismaTransport } from './transport';

export interface CreateResult<Id> {
  id: Id;
  /** The `Location` header as received (absent when the record was found by `findExisting`). */
  location?: string;
  etag?: string;
  /** True when the first POST failed in transit and `findExisting` found the record it had created. */
  recovered: boolean;
}

export interface CreateOptions<Id> {
  /**
   * Looks the record up by a business key (customer number or e-mail, invoice external reference, order
   * customerRefNo). Called only after a POST failed in transit, to decide between "it landed" and "send again".
   */
  findExisting?: () => Promise<Id | undefined>;
}

/** A failure after which nobody knows whether the create landed (the request may have reached Visma.net). */
function outcomeUnknown(error: unknown): error is VismaApiError {
  if (!(error instanceof VismaApiError) || !isTransientError(error) || error.requestSent === false) return false;
  // A 5xx that carries Visma's own error text is a definite "no".
  return !(error.kind === 'server' && (error.vismaId !== undefined || (error.details?.length ?? 0) > 0));
}

/**
 * POSTs a create and reads the new id from `Location` (reference/visma-net/README.md §4.3). A create is never repeated blindly: after a
 * failure in transit it asks `findExisting` whether the first attempt landed; without a lookup it stops with an
 * error that says the outcome is unknown.
 */
export async function createRecord<Id>(
  transport: VismaTransport,
  req: Omit<VismaRequest, 'method'>,
  parseId: (location: string | undefined) => Id | undefined,
  options: CreateOptions<Id> = {},
): Promise<CreateResult<Id>> {
  const { config } = transport;
  // The answer's body is not needed (201 is empty, a few endpoints echo something): never fail a create on it.
  const post: VismaRequest = { ...req, method: 'POST', responseType: 'bytes' };
  const what = req.what ?? `the record (${req.path})`;
  for (let attempt = 0; ; attempt++) {
    let res: VismaResponse;
    try {
      res = await transport.request(post);
    } catch (error) {
      if (!outcomeUnknown(error)) throw error;
      if (!options.findExisting) {
        throw new VismaApiError({
          ...error,
          outcomeUnknown: true,
          message: `${error.message} Koppel does not know whether Visma.net created ${what}: check in Visma.net before running again, so that it is not created twice.`,
        });
      }
      if (attempt >= config.retry.maxRetries) {
        throw new VismaApiError({
          ...error,
          outcomeUnknown: true,
          message: `${error.message} Koppel tried ${attempt + 1} times and could not find ${what} afterwards; check in Visma.net before running again.`,
        });
      }
      const delayMs = backoffDelay(attempt, config.retry, config.random);
      transport.log('warn', `Creating ${what} failed in transit (${error.kind}); checking whether it landed in ${delayMs} ms`, { attempt: attempt + 1 });
      await config.clock.sleep(delayMs, req.signal);
      const existing = await options.findExisting();
      if (existing !== undefined) {
        transport.log('info', `Found ${what} created by the failed attempt; not creating it again`);
        return { id: existing, recovered: true };
      }
      if (error.kind === 'timeout') {
        // The request reached Visma.net, which may still be working on it: a second POST could create it twice.
        throw new VismaApiError({
          ...error,
          outcomeUnknown: true,
          message: `${error.message} Visma.net may still be creating ${what}: Koppel did not find it yet and did not send it again. Check in Visma.net before running again, so that it is not created twice.`,
        });
      }
      transport.log('info', `${capitalise(what)} was not created by the failed attempt; sending it again`);
      continue;
    }
    const location = res.headers['location'];
    const id = parseId(location);
    if (id !== undefined) return { id, location, etag: res.headers['etag'], recovered: false };
    // Created, but we cannot tell which record it is: a lookup may still name it.
    const found = options.findExisting ? await options.findExisting() : undefined;
    if (found !== undefined) return { id: found, location, etag: res.headers['etag'], recovered: true };
    const e = malformedError(contextOf(post), location ? `unreadable Location header '${location}'` : 'no Location header on a create');
    throw new VismaApiError({
      ...e,
      message: `${e.message} Visma.net did create ${what}; look it up in Visma.net and link it instead of creating it again.`,
    });
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
