import type { HttpClient } from '../common/http-client';
import type { z } from 'zod';
import {
  AbortedError,
  HeaderPacer,
  classifyTransport,
  parseRetryAfter,
  readRateLimitHeaders,
  redact,
  withRetry,
  type RetryDecision,
} from '../common';
import type { ResolvedVismaConfig, VismaLogLine } from './config';
import { VismaApiError, isTransientError } from './errors';
import { parseErrorBody } from './error-body';
import { errorFromResponse, errorFromTransport, malformedError, type ErrorContext, type VismaService } from './error-message';
import { createHttp, exchange, type RawResponse } from './http';
import { buildQuery, mainQueryFormat, v3QueryFormat, type QueryParams } from './query';
import { Semaphore } from './semaphore';
import { TokenProvider } from './token';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface VismaRequest {
  service: VismaService;
  method: HttpMethod;
  /** `/v1/...`, `/v2/...` (main) or `/api/v3/...` (V3), ids already encoded. */
  path: string;
  query?: QueryParams;
  /** JSON-serialisable body, or FormData for uploads. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Names the record for messages: "the customer", "item 'ABC-1'". */
  what?: string;
  /** 'json' parses the body (and reports unreadable JSON); 'bytes' leaves it alone. */
  responseType?: 'json' | 'bytes';
  signal?: AbortSignal;
}

export interface VismaResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The parsed JSON body; undefined for an empty body or bytes. */
  json: unknown;
}

/** Codes that mean the request never left this machine, so even a create may be sent again. */
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
export function neverSent(error: unknown): boolean {
  return error instanceof VismaApiError && error.kind === 'network' && error.code !== undefined && notSentCodes.has(error.code);
}

/**
 * Everything between a resource call and the wire: token, concurrency cap, header pacing, one 401 refresh,
 * error mapping, retries (GET/PUT/PATCH/DELETE on transient failures, any method on 429) and redacted logs.
 */
export class VismaTransport {
  readonly tokens: TokenProvider;
  readonly http: HttpClient;
  private readonly slots: Semaphore;
  private readonly pacers: Record<VismaService, HeaderPacer>;

  constructor(
    readonly config: ResolvedVismaConfig,
    http?: HttpClient,
  ) {
    this.http = http ?? createHttp();
    this.slots = new Semaphore(config.maxConcurrency);
    this.pacers = { main: new HeaderPacer(config.clock), v3: new HeaderPacer(config.clock) };
    this.tokens = new TokenProvider(config, this.http, (level, message, data) => this.log(level, message, data));
  }

  /** Redacted logging: the client secret and every token handed out are masked, as are bearer strings. */
  log(level: VismaLogLine['level'], message: string, data?: Record<string, unknown>): void {
    const logger = this.config.logger;
    if (!logger) return;
    const secrets = this.tokens.secrets();
    const line: VismaLogLine = { level, message: redact(message, secrets) };
    if (data) line.data = redactData(data, secrets);
    try {
      logger(line);
    } catch {
      // A failing logger must not fail the sync.
    }
  }

  pacer(service: VismaService): HeaderPacer {
    return this.pacers[service];
  }

  /** Sends with retries: 429 for every method, transient failures unless the method is POST. */
  async request(req: VismaRequest): Promise<VismaResponse> {
    let retriedAfterTransient = false;
    try {
      return await withRetry(() => this.send(req), {
        policy: this.config.retry,
        clock: this.config.clock,
        random: this.config.random,
        signal: req.signal,
        decide: (error) => {
          const decision = this.decide(req, error);
          if (decision.retry && isTransientError(error)) retriedAfterTransient = true;
          return decision;
        },
        onRetry: ({ attempt, delayMs, reason }) =>
          this.log('warn', `Retrying ${req.method} ${req.path} in ${delayMs} ms (${reason})`, { attempt, service: req.service }),
      });
    } catch (error) {
      // A retried change that now meets a stale version may have landed the first time.
      if (retriedAfterTransient && error instanceof VismaApiError && error.status === 412) {
        throw new VismaApiError({
          ...error,
          outcomeUnknown: true,
          message: `${error.message} An earlier attempt may already have been applied (the connection failed before Visma.net answered): check the record in Visma.net.`,
        });
      }
      throw error;
    }
  }

  private decide(req: VismaRequest, error: unknown): RetryDecision {
    if (!(error instanceof VismaApiError) || error.requestSent === false) return { retry: false };
    if (error.kind === 'rate-limit') {
      const wait = error.retryAfterMs ?? Math.max(this.pacers[req.service].plannedDelay(), 1000);
      if (wait > this.config.maxRetryAfterMs) return { retry: false };
      return { retry: true, delayMs: wait, reason: 'Visma.net rate limit (429)' };
    }
    if (neverSent(error)) return { retry: true, reason: `${error.code ?? 'network'}; request not sent` };
    if (req.method !== 'POST' && isTransientError(error)) return { retry: true, reason: error.status ? `HTTP ${error.status}` : error.kind };
    return { retry: false };
  }

  /** GET (or any call) whose JSON answer is parsed with `schema`; a mismatch is a 'malformed' error naming the field. */
  async json<S extends z.ZodType>(req: VismaRequest, schema: S): Promise<{ data: z.infer<S>; headers: Record<string, string> }> {
    const res = await this.request({ ...req, responseType: 'json' });
    return { data: this.parse(req, schema, res.json), headers: res.headers };
  }

  parse<S extends z.ZodType>(req: Pick<VismaRequest, 'method' | 'path' | 'service' | 'what'>, schema: S, value: unknown): z.infer<S> {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.map(String).join('.') : 'the body';
    throw malformedError(contextOf(req), `unexpected ${where}: ${issue?.message ?? 'invalid'}`);
  }

  /** One logical attempt: token, slot, pacing, the exchange, and one token refresh on 401. */
  private async send(req: VismaRequest): Promise<VismaResponse> {
    const ctx = contextOf(req);
    let token = await this.token();
    for (let refreshed = false; ; refreshed = true) {
      const sent = await this.exchange(req, token, ctx);
      const res = sent.res;
      token = sent.token;
      this.pacers[req.service].update(readRateLimitHeaders(res.headers));
      if (res.status === 401 && !refreshed) {
        this.log('info', `Visma.net refused the access token on ${req.method} ${req.path}; renewing it once`);
        this.tokens.invalidate(token);
        token = await this.token();
        continue;
      }
      if (res.status >= 200 && res.status < 300) return this.success(res, req, ctx);
      const error = errorFromResponse(
        {
          status: res.status,
          statusText: res.statusText,
          body: parseErrorBody(res.body),
          location: res.headers['location'],
          retryAfterMs: parseRetryAfter(res.headers['retry-after'], this.config.clock.now()),
        },
        ctx,
      );
      throw this.scrub(error);
    }
  }

  /** Token failures mean the call itself was never sent (and the token provider has done its own retries). */
  private async token(): Promise<string> {
    try {
      return await this.tokens.get();
    } catch (error) {
      if (error instanceof VismaApiError) throw new VismaApiError({ ...error, message: error.message, requestSent: false });
      throw error;
    }
  }

  private success(res: RawResponse, req: VismaRequest, ctx: ErrorContext): VismaResponse {
    let json: unknown;
    if (req.responseType !== 'bytes' && res.body.length > 0) {
      const text = res.body.toString('utf8');
      if (text.trim() !== '') {
        try {
          json = JSON.parse(text);
        } catch {
          throw malformedError(ctx, 'the body is not valid JSON');
        }
      }
    }
    return { status: res.status, headers: res.headers, body: res.body, json };
  }

  /** Sends with `token`, or with a current one when pacing waited (a wait can outlast the token); returns the one used. */
  private async exchange(req: VismaRequest, token: string, ctx: ErrorContext): Promise<{ res: RawResponse; token: string }> {
    const base = req.service === 'main' ? this.config.apiUrl : this.config.salesOrderUrl;
    const format = req.service === 'main' ? mainQueryFormat(this.config.filterTimeZone) : v3QueryFormat;
    const qs = buildQuery(req.query, format);
    const headers: Record<string, string> = {
      Accept: req.responseType === 'bytes' ? '*/*' : 'application/json',
      'User-Agent': this.config.userAgent,
      ...req.headers,
      Authorization: `Bearer ${token}`,
    };
    let data: string | FormData | undefined;
    if (req.body instanceof FormData) data = req.body;
    else if (req.body !== undefined) {
      data = JSON.stringify(req.body);
      headers['Content-Type'] = 'application/json';
    }
    await this.slots.acquire();
    try {
      if (req.signal?.aborted) throw new AbortedError();
      const waited = await this.pacers[req.service].acquire(req.signal);
      if (waited > 0) {
        this.log('info', `Pacing Visma.net calls: waited ${waited} ms before ${req.method} ${req.path}`);
        token = await this.token();
        headers['Authorization'] = `Bearer ${token}`;
      }
      const started = this.config.clock.now();
      let res: RawResponse;
      try {
        res = await exchange(this.http, { method: req.method, url: `${base}${req.path}${qs ? `?${qs}` : ''}`, headers, data, timeoutMs: this.config.timeoutMs, signal: req.signal });
      } catch (error) {
        if (req.signal?.aborted) throw new AbortedError();
        const failure = classifyTransport(error) ?? { kind: 'network' as const, code: 'UNKNOWN', message: 'request failed' };
        this.log('debug', `${req.method} ${req.path} failed: ${failure.kind}`, { service: req.service });
        throw this.scrub(errorFromTransport(failure, ctx, this.config.timeoutMs));
      }
      this.log('debug', `${req.method} ${req.path}${qs ? `?${qs}` : ''} → ${res.status}`, { service: req.service, ms: this.config.clock.now() - started });
      return { res, token };
    } finally {
      this.slots.release();
    }
  }

  /** Error texts can quote what the server echoed: mask secrets there too. */
  scrub(error: VismaApiError): VismaApiError {
    const secrets = this.tokens.secrets();
    const message = redact(error.message, secrets);
    const serverMessage = error.serverMessage === undefined ? undefined : redact(error.serverMessage, secrets);
    if (message === error.message && serverMessage === error.serverMessage) return error;
    return new VismaApiError({ ...error, message, serverMessage });
  }
}

export function contextOf(req: Pick<VismaRequest, 'method' | 'path' | 'service' | 'what'>): ErrorContext {
  return { method: req.method, path: req.path, service: req.service, what: req.what };
}

function redactData(data: Record<string, unknown>, secrets: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string') out[k] = redact(v, secrets);
    else if (v !== null && typeof v === 'object') out[k] = JSON.parse(redact(JSON.stringify(v), secrets));
    else out[k] = v;
  }
  return out;
}
