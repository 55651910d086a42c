import type { z } from 'zod';
import { withRetry } from '../common';
import { CcvApiError } from './errors';
import { notSentCodes } from './error-mapping';
import { parseWith } from './parse';
import type { CallOptions, CcvTransport } from './transport';

export interface CreateOptions<T> extends CallOptions {
  /**
   * Looks the record up by its natural key (product by productnumber, category by name+parent, ...).
   * Used when a POST may have landed without Koppel seeing the answer, and for CCV's "POST sometimes
   * returns no content" quirk. Without it such a POST is not repeated: the error says the outcome is unknown.
   */
  findExisting?: () => Promise<T | undefined>;
}

/** A failure that proves CCV did not create anything: the POST may be sent again as-is. */
function certainlyNotCreated(error: CcvApiError): boolean {
  if (error.kind === 'rate-limit') return true;
  return error.kind === 'network' && error.code !== undefined && notSentCodes.has(error.code);
}

/** A failure after which the record may or may not exist on the server. */
function uncertain(error: CcvApiError): boolean {
  return error.transient && !certainlyNotCreated(error);
}

/**
 * POST that is never blindly repeated. Rate limits and refused connections are retried as they are;
 * after an ambiguous failure (reset, timeout, 5xx, cut-off answer) the next attempt first asks
 * `findExisting()` whether the first one landed, and returns that record instead of posting again.
 */
export function createResource<S extends z.ZodType>(
  t: CcvTransport,
  uri: string,
  body: unknown,
  schema: S,
  subject: string,
  opts: CreateOptions<z.output<S>> = {},
): Promise<z.output<S>> {
  return createFromJson(t, uri, JSON.stringify(body), schema, subject, opts);
}

/** `createResource` with the body already serialised (a checked body is sent as it was checked). */
export async function createFromJson<S extends z.ZodType>(
  t: CcvTransport,
  uri: string,
  text: string,
  schema: S,
  subject: string,
  opts: CreateOptions<z.output<S>> = {},
): Promise<z.output<S>> {
  const spec = { method: 'POST' as const, uri, body: text, subject, signal: opts.signal, language: opts.language };
  const ctx = { method: 'POST', path: uri, subject };
  const counts = { rateLimited: 0, transient: 0 };
  let mayHaveLanded = false;
  /** The last attempt timed out: the shop got it and may still be working on it. */
  let stillWorking: CcvApiError | undefined;
  const { retry, rateLimitRetries } = t.config;

  const lookUp = async (why: string): Promise<z.output<S> | undefined> => {
    if (!opts.findExisting) return undefined;
    const found = await opts.findExisting();
    if (found !== undefined) t.log('info', `CCV Shop: ${subject} already exists (${why}); using it instead of creating it again.`);
    return found;
  };

  const attempt = withRetry(
    async () => {
      if (mayHaveLanded) {
        const found = await lookUp('an earlier attempt landed');
        if (found !== undefined) return found;
        if (stillWorking) {
          // Not there yet is no proof it will not land: a second POST could create it twice.
          throw stillWorking.with({
            transient: false,
            outcomeUnknown: true,
            message: `${stillWorking.message} CCV Shop may still be creating ${subject}: Koppel did not find it yet and did not send it again. Check the shop before running again.`,
          });
        }
      }
      let res;
      try {
        res = await t.sendOnce(spec);
      } catch (error) {
        if (!(error instanceof CcvApiError) || !uncertain(error)) throw error;
        if (!opts.findExisting) {
          throw error.with({
            transient: false,
            outcomeUnknown: true,
            message: `${error.message} It is unknown whether ${subject} was created: Koppel cannot look it up, so it did not send it again. Check the shop before running again.`,
          });
        }
        mayHaveLanded = true;
        stillWorking = error.kind === 'timeout' ? error : undefined;
        throw error;
      }
      // A 2xx POST has been processed: whatever the body looks like, it must not lead to a second POST.
      const empty = res.text.trim() === '';
      let json: unknown;
      if (!empty) {
        try {
          json = JSON.parse(res.text);
        } catch {
          json = undefined;
        }
      }
      if (json === undefined) {
        // Documented quirk (reference/ccv-shop/README.md §3, §9.7): success without a usable body. Find the record by its natural key.
        const found = await lookUp(empty ? 'the shop answered without content' : 'the shop answer was unreadable');
        if (found !== undefined) return found;
        throw new CcvApiError({
          kind: 'malformed',
          code: empty ? 'empty-post-response' : 'invalid-json',
          method: 'POST',
          path: uri,
          status: res.status,
          outcomeUnknown: true,
          message: `CCV Shop accepted ${subject} (HTTP ${res.status}) but sent ${empty ? 'no content' : 'an unreadable answer'}, and Koppel ${opts.findExisting ? 'could not find it afterwards' : 'has no way to look it up'}. It was probably created: check the shop before running again. [POST ${uri}]`,
        });
      }
      return parseWith(schema, json, ctx);
    },
    {
      clock: t.config.clock,
      signal: opts.signal,
      random: t.config.random,
      policy: { ...retry, maxRetries: retry.maxRetries + rateLimitRetries },
      decide: (error) => t.decide(error, spec, counts),
    },
  );
  try {
    return await attempt;
  } catch (error) {
    if (!(error instanceof CcvApiError) || !mayHaveLanded || !uncertain(error)) throw error;
    // Out of retries after an ambiguous failure: one last look before reporting.
    const found = await lookUp('an earlier attempt landed');
    if (found !== undefined) return found;
    throw error.with({
      transient: false,
      outcomeUnknown: true,
      message: `${error.message} Koppel looked for ${subject} and did not find it, but the last attempt may still be processed: check the shop before running again.`,
    });
  }
}
