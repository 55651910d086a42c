// The HTTP pipeline: admin endpoints, then for the API: latency, auth, routing, rate limits,
// faults, the handler, response signing, the request log and webhook delivery.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin } from './admin';
import type { Ctx, Method } from './context';
import type { SimCore } from './core';
import { ApiError, authErr, err } from './errors';
import { hashesEqual, isoSeconds, parseXDate, signRequest } from './hmac';
import type { Json } from './json';
import { parseJson } from './json';
import { RateLimiter, windowMs } from './rate-limit';
import { splitPath } from './router';
import type { PendingEvent } from './webhooks-out';

const API_PREFIX = '/api/rest/v1';
const METHODS: readonly Method[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  status: number;
  text: string;
  fault: string | null;
  /** Close the connection instead of answering, before or after processing the request. */
  drop: 'before' | 'after' | null;
  /** The rate-limit resource of the route, when the path was routed. */
  resource?: string;
  /** Extra response headers (the simulator's wait hints on 429 under a time scale). */
  headers?: Record<string, string>;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The whole body (event listeners: cheaper than an async iterator per request). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | ApiError> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer | string) => {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buf.length;
      if (size > max) tooBig = true;
      else chunks.push(buf);
    });
    req.on('end', () => resolve(tooBig ? err.payloadTooBig(max) : chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Simulator extra (not a CCV header): under a time scale a 429 says how long to wait, in whole scaled seconds
 * (`Retry-After`) and exactly (`X-Sim-Retry-After-Ms`). At real time CCV's silence is kept (reference §5).
 */
function waitHeaders(timeScale: number, ms: number): Record<string, string> | undefined {
  if (timeScale === 1) return undefined;
  const wait = Math.max(1, Math.ceil(ms));
  return { 'retry-after': String(Math.ceil(wait / 1000)), 'x-sim-retry-after-ms': String(wait) };
}

export class CcvServer {
  constructor(
    private readonly core: SimCore,
    private readonly fallbackBase: () => string,
    private readonly quiet: boolean,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const path = q === -1 ? target : target.slice(0, q);
    const rawQuery = q === -1 ? '' : target.slice(q + 1);
    const body = await readBody(req, this.core.config.maxBodyBytes);
    if (path === '/__sim' || path.startsWith('/__sim/')) {
      this.admin(req, res, path, rawQuery, body);
      return;
    }
    const out = await this.api(req, path, rawQuery, body);
    if (out.drop !== null) {
      // 'before': nothing happened; 'after': the request was processed, only the answer is lost.
      req.socket.destroy();
      this.record(req, path, rawQuery, body, 0, out);
      return;
    }
    this.send(req, res, target, out);
    this.record(req, path, rawQuery, body, out.status, out);
    if (!this.quiet) process.stderr.write(`ccv-sim ${req.method ?? ''} ${path} -> ${out.status}${out.fault ? ` (fault ${out.fault})` : ''}\n`);
  }

  private admin(req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string, body: Buffer | ApiError): void {
    let status: number;
    let payload: Json;
    try {
      if (body instanceof ApiError) throw body;
      const parsed = body.length > 0 ? this.json(body) : undefined;
      const r = handleAdmin(this.core, req.method ?? 'GET', path, new URLSearchParams(rawQuery), parsed);
      status = r.status;
      payload = r.body;
    } catch (e) {
      const apiErr = e instanceof ApiError ? e : new ApiError(500, '500.00', e instanceof Error ? e.message : String(e));
      status = apiErr.status;
      payload = apiErr.body();
    }
    const text = status === 204 ? '' : JSON.stringify(payload);
    res.writeHead(status, status === 204 ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private json(body: Buffer): Json {
    try {
      return parseJson(body.toString('utf8'));
    } catch (e) {
      throw err.validation(`The body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Everything an API request goes through; returns what to answer. */
  private async api(req: IncomingMessage, path: string, rawQuery: string, body: Buffer | ApiError): Promise<Outcome> {
    const core = this.core;
    const cfg = core.config;
    const events: PendingEvent[] = [];
    let fault: string | null = null;
    let drop: Outcome['drop'] = null;
    let resource: string | undefined;
    let headers: Record<string, string> | undefined;
    const fail = (e: ApiError): Outcome => ({ status: e.status, text: JSON.stringify(e.body()), fault, drop, ...(resource === undefined ? {} : { resource }), ...(headers ? { headers } : {}) });
    if (cfg.latencyMs > 0) await sleep(cfg.latencyMs);
    try {
      if (body instanceof ApiError) throw body;
      const method = METHODS.find((m) => m === req.method);
      if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) throw err.invalidResource(path);
      this.authenticate(req, body);
      if (!method) throw err.methodNotAllowed(req.method ?? '', path);
      const segments = splitPath(path.slice(API_PREFIX.length));
      const match = core.router.match(method, segments);
      resource = match.resource;
      if ('badId' in match) throw err.unknownId(cfg.unknownIdMode, match.resource, match.badId);
      const now = core.now();
      const scale = cfg.timeScale;
      const win = windowMs(scale);
      const rl = cfg.rateLimit;
      const budgetKey = `${method} ${match.resource}`;
      const limited = core.limiter.check(rl, method, match.resource, now, scale);
      if (limited) {
        if (limited.budget === 'total') core.stats.budget('total', rl.totalPerMinute ?? 0, win, true, rl.enabled);
        else core.stats.budget(budgetKey, RateLimiter.limitFor(rl, method, match.resource), win, true, rl.enabled);
        headers = waitHeaders(scale, limited.retryAfterMs);
        throw limited.error;
      }
      core.stats.budget(budgetKey, RateLimiter.limitFor(rl, method, match.resource), win, false, rl.enabled);
      if (rl.totalPerMinute !== null) core.stats.budget('total', rl.totalPerMinute, win, false, rl.enabled);
      const f = core.faults.decide(method, path);
      if (f) {
        fault = f.kind;
        if (f.kind === 'drop') return { status: 0, text: '', fault, drop: 'before', resource };
        if (f.kind === '500') throw new ApiError(500, '500.00', 'Internal server error (simulated fault). Retry later.');
        if (f.kind === '429') {
          headers = waitHeaders(scale, win);
          throw err.rateLimited(match.resource, method, RateLimiter.limitFor(rl, method, match.resource), scale);
        }
        if (f.kind === 'slow') await sleep(f.slowMs);
        if (f.kind === 'drop_after') drop = 'after';
      }
      const host = header(req, 'host');
      const base = host ? `http://${host}` : this.fallbackBase();
      const ctx: Ctx = {
        state: core.state,
        config: cfg,
        now: core.now,
        method,
        segments,
        ids: match.ids,
        query: new URLSearchParams(rawQuery),
        rawQuery,
        // Clients send various Content-Types; the body is parsed as JSON regardless (reference/ccv-shop/README.md §3).
        body: method === 'GET' || method === 'DELETE' || body.length === 0 ? undefined : this.json(body),
        base,
        api: `${base}${API_PREFIX}/`,
        emit: (event, payload) => events.push({ event, payload }),
      };
      const result = match.route.handler(ctx);
      if (events.length > 0) core.hooks.dispatch(events, core.state.webhooks, cfg.webhooks, isoSeconds(core.now()));
      const text = result.status === 204 || result.body === undefined ? '' : JSON.stringify(result.body);
      if (fault === 'malformed') return { status: result.status === 204 ? 200 : result.status, text: text.slice(0, Math.floor(text.length / 2)) || '{"items":[', fault, drop, resource };
      return { status: result.status, text, fault, drop, resource };
    } catch (e) {
      if (e instanceof ApiError) return fail(e);
      if (!this.quiet) process.stderr.write(`ccv-sim: internal error on ${req.method ?? ''} ${path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      return fail(new ApiError(500, '500.00', `Internal simulator error: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  /** HMAC check over x-public, method, raw request target, raw body and the literal x-date (reference/ccv-shop/README.md §2.1). */
  private authenticate(req: IncomingMessage, body: Buffer): void {
    const cfg = this.core.config;
    if (!cfg.auth.enabled) return;
    const pub = header(req, 'x-public');
    const date = header(req, 'x-date');
    const hash = header(req, 'x-hash');
    if (!pub || !date || !hash) {
      const missing = [['x-public', pub], ['x-date', date], ['x-hash', hash]].filter(([, v]) => !v).map(([n]) => n ?? '');
      throw authErr.missingHeaders(missing);
    }
    if (pub !== cfg.credentials.publicKey) throw authErr.unknownKey();
    const when = parseXDate(date);
    if (when === undefined) throw authErr.badDate(date);
    if (Math.abs(this.core.now() - when) > cfg.auth.maxSkewSeconds * 1000) throw authErr.skew(date, cfg.auth.maxSkewSeconds);
    const expected = signRequest(pub, cfg.credentials.secretKey, req.method ?? '', req.url ?? '/', body, date);
    if (!hashesEqual(expected, hash)) throw authErr.badHash();
  }

  /** Every response carries x-date and x-hash over the request method, request URI and body (reference/ccv-shop/README.md §2.3). */
  private send(req: IncomingMessage, res: ServerResponse, target: string, out: Outcome): void {
    const cfg = this.core.config;
    const xDate = isoSeconds(this.core.now());
    const pub = cfg.credentials.publicKey;
    const headers: Record<string, string> = {
      'x-date': xDate,
      'x-hash': signRequest(pub, cfg.credentials.secretKey, req.method ?? '', target, out.text, xDate),
      ...out.headers,
    };
    if (out.text.length > 0) headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(out.text));
    res.writeHead(out.status, headers);
    res.end(out.text);
  }

  /** The request log and the stats; both only keep what the request already has (O(1) per request). */
  private record(req: IncomingMessage, path: string, rawQuery: string, body: Buffer | ApiError, status: number, out: Outcome): void {
    const core = this.core;
    const now = core.now();
    const method = req.method ?? '';
    core.stats.request(`${method} ${out.resource ?? this.resourceOf(method, path)}`, now, status);
    core.log.add({
      timeMs: now,
      method,
      path,
      rawQuery,
      headers: req.headers,
      body: body instanceof ApiError ? null : body,
      status,
      fault: out.fault,
    });
  }

  /** The rate-limit resource of a request that failed before routing (auth errors): routed here, off the hot path. */
  private resourceOf(method: string, path: string): string {
    if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) return '(none)';
    const m = METHODS.find((x) => x === method);
    if (!m) return '(none)';
    try {
      return this.core.router.match(m, splitPath(path.slice(API_PREFIX.length))).resource;
    } catch {
      return '(none)';
    }
  }
}
