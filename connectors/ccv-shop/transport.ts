import type { z } from 'zod';
import { AbortedError, HttpClient, WindowLimiter, backoffDelay, parseRetryAfter, redact, withRetry, type RetryDecision } from '../common';
import { isLanguageCode, type ResolvedConfig } from './config';
import { CcvApiError } from './errors';
import { errorFromResponse, errorFromTransport, type ErrorContext } from './error-mapping';
import { parseJsonText, parseWith, type ParseContext } from './parse';
import { formatXDate, signRequest, verifyResponse } from './signing';
import { buildQuery, resourceOf, stripOrigin, wireForm, type QueryInput } from './uri';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Per-call options every resource method accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Accept-Language for this call (translatable texts need one PATCH per language, reference/ccv-shop/README.md §9.17). */
  language?: string;
}

export interface RequestSpec extends CallOptions {
  method: HttpMethod;
  /** Path+query as it will be signed and sent. */
  uri: string;
  /** The exact JSON text to send (serialised once by the caller). */
  body?: string;
  /** The record, for messages: `product 12`, `order list`. */
  subject: string;
}

export interface RawResponse {
  status: number;
  body: Buffer;
  text: string;
  headers: Record<string, string>;
}

/**
 * One signed HTTP exchange with CCV Shop and the retry loop around it. The URI and body are fixed before
 * signing and sent as they are (no redirects, no proxy, nothing re-encoded), so the bytes hashed are the bytes sent.
 */
export class CcvTransport {
  readonly http: HttpClient;
  private readonly limiter: WindowLimiter;

  constructor(readonly config: ResolvedConfig) {
    this.http = new HttpClient();
    const b = config.budgets;
    this.limiter = new WindowLimiter(
      (key) => {
        if (key === '*') return b.total ?? Infinity;
        const [resource = '', method = 'GET'] = key.split(':');
        const own = b.perResource[resource];
        return method === 'GET' ? (own?.get ?? b.get) : (own?.write ?? b.write);
      },
      b.windowMs,
      config.clock,
    );
  }

  /** `products/12` + query → `/api/rest/v1/products/12/?a=b`. Ids from data go through `seg()` first. */
  uri(path: string, query?: QueryInput): string {
    const q = buildQuery(query);
    const slash = this.config.trailingSlash && path ? '/' : '';
    return wireForm(this.config.origin, `${this.config.apiPrefix}${path}${slash}${q ? `?${q}` : ''}`);
  }

  /** A `next`/`href` link from the server → the URI to sign and send (scheme and host stripped). */
  linkUri(link: string, ctx: ParseContext): string {
    let uri: string;
    try {
      uri = wireForm(this.config.origin, stripOrigin(link));
    } catch {
      uri = '';
    }
    if (!uri.startsWith(this.config.apiPrefix)) {
      throw new CcvApiError({
        kind: 'malformed',
        code: 'bad-link',
        method: ctx.method,
        path: ctx.path,
        message: `CCV Shop sent a link for ${ctx.subject} that does not point into its API ("${link.slice(0, 200)}"). Report this with the message. [${ctx.method} ${ctx.path}]`,
      });
    }
    return uri;
  }

  resource(uri: string): string {
    return resourceOf(uri, this.config.apiPrefix);
  }

  errorContext(spec: Pick<RequestSpec, 'method' | 'uri' | 'subject'>): ErrorContext {
    return {
      method: spec.method,
      path: spec.uri,
      resource: this.resource(spec.uri),
      origin: this.config.origin,
      subject: spec.subject,
      timeoutMs: this.config.timeoutMs,
      secrets: [this.config.secretKey.reveal()],
    };
  }

  log(level: 'debug' | 'info' | 'warn', message: string): void {
    this.config.logger[level]?.(redact(message, [this.config.secretKey.reveal()]));
  }

  /** One attempt: wait for budget, sign with a fresh x-date, send, check status and signature. */
  async sendOnce(spec: RequestSpec): Promise<RawResponse> {
    const { clock } = this.config;
    const resource = this.resource(spec.uri);
    const key = `${resource}:${spec.method}`;
    const language = spec.language ?? this.config.language;
    if (language && !isLanguageCode(language)) {
      throw new CcvApiError({ kind: 'validation', code: 'invalid-language', method: spec.method, path: spec.uri, message: `"${language.slice(0, 20)}" is not a language code CCV Shop accepts (use 2 letters such as nl or en). [${spec.method} ${spec.uri}]` });
    }
    const own = await this.limiter.acquire(key, spec.signal);
    const total = await this.limiter.acquire('*', spec.signal).catch((error: unknown) => {
      own.done();
      throw error;
    });
    const waited = own.waited + total.waited;
    if (waited > 0) this.log('info', `CCV Shop pacing: waited ${Math.round(waited / 1000)} s for the ${spec.method} ${resource} budget.`);
    const body = spec.body ?? '';
    const auth = signRequest({
      publicKey: this.config.publicKey,
      secretKey: this.config.secretKey.reveal(),
      method: spec.method,
      uri: spec.uri,
      body,
      xDate: formatXDate(clock.now()),
    });
    const headers: Record<string, string> = { ...auth, Accept: this.config.accept, 'User-Agent': this.config.userAgent };
    if (language) headers['Accept-Language'] = language;
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    const ctx = this.errorContext(spec);
    let raw: RawResponse;
    try {
      const res = await this.http.send({ method: spec.method, url: this.config.origin + spec.uri, body: spec.body, headers, timeoutMs: this.config.timeoutMs, signal: spec.signal });
      raw = { status: res.status, body: res.body, text: res.body.toString('utf8'), headers: res.headers };
      own.done();
      total.done();
    } catch (error) {
      own.done();
      total.done();
      if (spec.signal?.aborted) throw new AbortedError();
      const mapped = errorFromTransport(ctx, error);
      if (mapped) throw mapped;
      throw new CcvApiError({ kind: 'network', code: 'unknown', method: spec.method, path: spec.uri, transient: false, message: `The request to CCV Shop failed unexpectedly. [${spec.method} ${spec.uri}]` });
    }
    this.log('debug', `CCV ${spec.method} ${spec.uri} → ${raw.status}`);
    if (raw.status >= 200 && raw.status < 300) {
      if (this.config.verifyResponses) this.checkSignature(spec, raw);
      return raw;
    }
    const retryAfterMs = parseRetryAfter(raw.headers['retry-after'], clock.now());
    const error = errorFromResponse(ctx, raw.status, raw.text, { retryAfterMs, location: raw.headers['location'] });
    if (error.kind === 'rate-limit') {
      // The server's window is full whatever we counted: hold every caller of this key, not just this one.
      const wait = retryAfterMs ?? this.config.rateLimitWaitMs;
      this.limiter.penalise(error.code === '429.11' ? '*' : key, wait);
      throw error.with({ retryAfterMs: wait });
    }
    throw error;
  }

  private checkSignature(spec: RequestSpec, raw: RawResponse): void {
    const ok = verifyResponse({
      publicKey: this.config.publicKey,
      secretKey: this.config.secretKey.reveal(),
      method: spec.method,
      uri: spec.uri,
      body: raw.body,
      xDate: raw.headers['x-date'],
      xHash: raw.headers['x-hash'],
    });
    if (ok) return;
    const missing = !raw.headers['x-hash'] || !raw.headers['x-date'];
    throw new CcvApiError({
      kind: 'auth',
      code: missing ? 'response-unsigned' : 'response-signature',
      method: spec.method,
      path: spec.uri,
      status: raw.status,
      message:
        (missing
          ? `CCV Shop's answer for ${spec.subject} carried no signature (x-hash/x-date), so it cannot be verified.`
          : `CCV Shop's answer for ${spec.subject} did not carry a valid signature.`) +
        ` Check the secret key; if it is right, something between this PC and the shop (a proxy or antivirus) changed the answer. Switch off response verification only if you trust this network. [${spec.method} ${spec.uri}]`,
    });
  }

  /**
   * Runs `handle` on the response with retries: 429 waits Retry-After or the documented 60 s; network
   * trouble, timeouts, 5xx and (for GET) malformed JSON back off exponentially. Never use for POST.
   */
  async execute<T>(spec: RequestSpec, handle: (res: RawResponse) => T): Promise<T> {
    const { retry, rateLimitRetries } = this.config;
    const counts = { rateLimited: 0, transient: 0 };
    return withRetry(
      async (attempt) => {
        try {
          return handle(await this.sendOnce(spec));
        } catch (error) {
          // A repeated DELETE whose first attempt landed finds nothing left to delete: that is success.
          if (spec.method === 'DELETE' && attempt > 0 && error instanceof CcvApiError && error.kind === 'not-found') return handle(emptyResponse());
          throw error;
        }
      },
      {
        clock: this.config.clock,
        signal: spec.signal,
        random: this.config.random,
        policy: { ...retry, maxRetries: retry.maxRetries + rateLimitRetries },
        decide: (error) => this.decide(error, spec, counts),
      },
    );
  }

  /** The retry rule shared by `execute` and the POST path; counters are per call. */
  decide(error: unknown, spec: RequestSpec, counts: { rateLimited: number; transient: number }): RetryDecision {
    if (!(error instanceof CcvApiError)) return { retry: false };
    const { retry, rateLimitRetries, rateLimitWaitMs } = this.config;
    if (error.kind === 'rate-limit') {
      const n = (counts.rateLimited += 1);
      if (n > rateLimitRetries) return { retry: false };
      const delayMs = error.retryAfterMs ?? rateLimitWaitMs;
      this.log('warn', `CCV Shop rate limit for ${spec.method} ${this.resource(spec.uri)}: waiting ${Math.round(delayMs / 1000)} s before retry ${n} of ${rateLimitRetries}.`);
      return { retry: true, delayMs, reason: 'rate limit' };
    }
    if (!error.transient) return { retry: false };
    const n = (counts.transient += 1);
    if (n > retry.maxRetries) return { retry: false };
    const delayMs = backoffDelay(n - 1, retry, this.config.random);
    this.log('warn', `CCV Shop ${spec.method} ${spec.uri} failed (${error.code ?? error.kind}); retry ${n} of ${retry.maxRetries} in ${Math.round(delayMs / 100) / 10} s.`);
    return { retry: true, delayMs, reason: error.code ?? error.kind };
  }

  /** GET + JSON + schema, with retries. */
  async getJson<S extends z.ZodType>(uri: string, schema: S, subject: string, opts: CallOptions = {}): Promise<z.output<S>> {
    const spec: RequestSpec = { ...opts, method: 'GET', uri, subject };
    return this.execute(spec, (res) => {
      const ctx = { method: 'GET', path: uri, subject };
      // Empty or cut-off JSON on a GET is worth another try.
      return parseWith(schema, parseJsonText(res.text, ctx, true), ctx);
    });
  }

  /** PATCH/PUT/DELETE: CCV answers 204 (reference/ccv-shop/README.md §3); any 2xx counts as done. */
  async write(method: 'PATCH' | 'PUT' | 'DELETE', uri: string, body: unknown, subject: string, opts: CallOptions = {}): Promise<void> {
    await this.writeJson(method, uri, body === undefined ? undefined : JSON.stringify(body), subject, opts);
  }

  /** `write` with the body already serialised. */
  async writeJson(method: 'PATCH' | 'PUT' | 'DELETE', uri: string, json: string | undefined, subject: string, opts: CallOptions = {}): Promise<void> {
    await this.execute({ ...opts, method, uri, body: json, subject }, () => undefined);
  }
}

function emptyResponse(): RawResponse {
  return { status: 204, body: Buffer.alloc(0), text: '', headers: {} };
}
