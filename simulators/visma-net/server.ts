// The request pipeline: admin → faults → latency → token endpoint → auth → licence → rate limit → route → scope → handler.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin } from './admin';
import { authenticate, checkScope, handleTokenRequest } from './auth';
import { renderDatesInJson } from './dates';
import { gatewayError, ippError, messageError, problem } from './errors';
import { decodePath, parseJsonBody, parseMultipart, readBody } from './http-io';
import { redactBody } from './request-log';
import { presignedDownload, registerCatalog } from './res-catalog';
import { registerBackground, acceptBackground } from './res-background';
import { registerCustomers } from './res-customers';
import { registerInventory } from './res-inventory';
import { registerInvoices } from './res-invoices';
import { registerJournals } from './res-journals';
import { registerMaster } from './res-master';
import { registerRenumber } from './res-renumber';
import { registerV3Misc } from './res-v3-misc';
import { registerV3Orders } from './res-v3-orders';
import { Router } from './router';
import type { SimState } from './state';
import type { Service, SimRequest, SimResponse } from './types';

export function createRouter(): Router {
  const r = new Router();
  registerInventory(r);
  registerCatalog(r);
  registerCustomers(r);
  registerMaster(r);
  registerInvoices(r);
  registerJournals(r);
  registerBackground(r);
  registerRenumber(r);
  registerV3Orders(r);
  registerV3Misc(r);
  return r;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const LEGACY_PREFIX = /^\/API\/controller\/api(?=\/v\d+(\/|$))/i;

function logBody(path: string, raw: Buffer, contentType: string | undefined, parsed: unknown): unknown {
  if (raw.length === 0) return undefined;
  if (/x-www-form-urlencoded/i.test(contentType ?? '')) return redactBody(Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  if (/multipart\/form-data/i.test(contentType ?? '')) {
    return { files: (parseMultipart(raw, contentType) ?? []).map((f) => ({ fieldName: f.fieldName, fileName: f.fileName, contentType: f.contentType, size: f.data.length })) };
  }
  if (typeof parsed === 'symbol' || parsed === undefined) return { unparsed: raw.subarray(0, 2000).toString('utf8') };
  return path.startsWith('/connect/') ? redactBody(parsed) : parsed;
}

/**
 * The JSON body as bytes, with `transform` (the main API's date rendering) applied to the text. A top-level array is
 * serialised element by element straight into one buffer: for a 1 MB page of 500 items that took under half the
 * time of one JSON.stringify, one transform and one Buffer.from over the whole text. The bytes are the same
 * (`undefined` elements are `null`; a timestamp literal never spans two elements).
 */
function encodeJson(json: unknown, transform: (text: string) => string): Buffer {
  if (!Array.isArray(json) || json.length < 16) return Buffer.from(transform(JSON.stringify(json)), 'utf8');
  const parts: string[] = [];
  let bytes = 1 + json.length; // brackets and commas
  for (const el of json) {
    const text = transform(JSON.stringify(el) ?? 'null');
    parts.push(text);
    bytes += Buffer.byteLength(text, 'utf8');
  }
  const buf = Buffer.allocUnsafe(bytes);
  let at = 0;
  buf[at++] = 0x5b;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) buf[at++] = 0x2c;
    at += buf.write(parts[i] ?? '', at, 'utf8');
  }
  buf[at++] = 0x5d;
  return buf;
}

const asIs = (text: string): string => text;

function send(res: ServerResponse, r: SimResponse, service: Service | 'other', state: SimState, malformed: boolean): void {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  let body: Buffer | undefined;
  let status = r.status;
  if (r.raw) {
    body = r.raw;
    headers['Content-Type'] = r.contentType ?? 'application/octet-stream';
  } else if (r.json !== undefined) {
    const cfg = state.ctx.config;
    body = encodeJson(r.json, service === 'main' ? (text) => renderDatesInJson(text, cfg.timeZoneOffsetMinutes, cfg.dateTimesWithOffset) : asIs);
    headers['Content-Type'] = r.contentType ?? 'application/json; charset=utf-8';
  }
  if (malformed) {
    const text = body && body.length > 2 ? body.subarray(0, Math.floor(body.length / 2)) : Buffer.from('{"value":[{"id":');
    body = text;
    status = 200;
    headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  headers['Content-Length'] = String(body?.length ?? 0);
  res.writeHead(status, headers);
  res.end(body);
}

/** Runs the API part of the pipeline and returns the answer (faults and transport are handled by the caller). */
async function answer(state: SimState, router: Router, req: SimRequest, rawReq: IncomingMessage, rateHeaders: Record<string, string>, receivedMs: number, meta: { route?: string }): Promise<SimResponse> {
  const ctx = state.ctx;
  const { path, service } = req;
  const tokenInfo = authenticate(rawReq.headers, state.tokens, ctx.now(), service);
  if ('status' in tokenInfo) return tokenInfo;
  req.token = tokenInfo;
  if (service === 'main' && !ctx.config.licenseValid) return ippError(400, '12027', 'No license for this company.');
  const budget = `${tokenInfo.tenantId}|${tokenInfo.clientId}`;
  const decision = state.rate.hit(budget);
  state.stats.budget(budget, decision.limit, decision.windowMs, !decision.allowed);
  Object.assign(rateHeaders, decision.headers);
  if (!decision.allowed) return gatewayError(429, `Rate limit is exceeded. Try again in ${decision.headers['Retry-After'] ?? '60'} seconds.`);
  const match = router.match(req.method, req.segments);
  if (match.kind === 'ok') meta.route = match.pattern;
  if (match.kind === 'not-found') {
    return service === 'v3' ? problem(404, 'Not Found', { instance: path }) : messageError(404, `No HTTP resource was found that matches the request URI '${ctx.baseUrl}${path}'.`);
  }
  if (match.kind === 'method-not-allowed') {
    const allow = { Allow: match.allowed.join(', ') };
    const r = service === 'v3' ? problem(405, 'Method Not Allowed', { instance: path }) : { status: 405, json: { message: `The requested resource does not support http method '${req.method}'.` } };
    return { ...r, headers: { ...(r.headers ?? {}), ...allow } };
  }
  const denied = checkScope(tokenInfo, service, req.method, ctx.config.v3WriteImpliesRead);
  if (denied) return denied;
  req.params = match.params;
  if (service === 'v3' && req.rawBody.length > 0 && !/json/i.test(rawReq.headers['content-type'] ?? '')) {
    return problem(415, 'Unsupported Media Type', { detail: 'Send the body as application/json.', instance: path });
  }
  const result = await match.handler(req, ctx);
  const bg = rawReq.headers['erp-api-background'];
  if (service === 'main' && typeof bg === 'string' && bg !== '') return acceptBackground(ctx, req, bg, result, receivedMs);
  return result;
}

/** The stats key of a request that was not routed by `answer` (token, refused before routing, unknown paths). */
function routeOf(router: Router, method: string, path: string, segments: string[] | undefined, service: Service | 'other'): string {
  if (path.toLowerCase() === '/connect/token') return '/connect/token';
  if (!segments) return '(none)';
  if (segments[0] === 'blob-presigned') return '/blob-presigned/:id';
  if (service === 'other') return '(none)';
  const m = router.match(method, segments);
  return m.kind === 'ok' ? m.pattern : '(none)';
}

export async function handleRequest(state: SimState, router: Router, rawReq: IncomingMessage, res: ServerResponse): Promise<void> {
  const ctx = state.ctx;
  const started = performance.now();
  const receivedMs = ctx.now();
  const method = (rawReq.method ?? 'GET').toUpperCase();
  const url = new URL(rawReq.url ?? '/', 'http://localhost');
  let raw: Buffer;
  try {
    raw = await readBody(rawReq);
  } catch {
    res.writeHead(413).end();
    return;
  }
  const contentType = rawReq.headers['content-type'];
  const path = url.pathname.replace(LEGACY_PREFIX, '');
  const segments = decodePath(path);
  if (segments?.[0] === '__sim') {
    send(res, handleAdmin(state, method, segments, url.searchParams, parseJsonBody(raw, contentType ?? 'application/json')), 'other', state, false);
    return;
  }
  const parsed = parseJsonBody(raw, contentType);
  const warnings: string[] = [];
  let status = 0;
  const picked = state.faults.pick(`${url.pathname}${url.search}`);
  const service: Service | 'other' = segments?.[0] === 'api' && segments[1]?.toLowerCase() === 'v3' ? 'v3' : /^v\d+$/i.test(segments?.[0] ?? '') ? 'main' : 'other';
  const meta: { route?: string } = {};
  const finish = (): void => {
    // Entries keep references and are rendered when the log is read; the stats are counters (O(1) per request).
    state.log.add({
      timeMs: receivedMs, method, path: url.pathname, query: url.searchParams, headers: rawReq.headers,
      body: () => logBody(path, raw, contentType, parsed), status, durationMs: Math.round(performance.now() - started),
      ...(picked ? { fault: picked } : {}), ...(warnings.length > 0 ? { warnings } : {}),
    });
    state.stats.request(`${method} ${meta.route ?? routeOf(router, method, path, segments, service)}`, receivedMs, status);
  };
  if (picked === 'drop') {
    finish();
    rawReq.socket.destroy();
    return;
  }
  if (picked === 'slow') await sleep(state.faults.slowMs);
  if (ctx.config.latencyMs > 0) await sleep(ctx.config.latencyMs);
  const rateHeaders: Record<string, string> = {};
  let r: SimResponse;
  if (picked === '500') r = messageError(500, 'An error has occurred.');
  else if (picked === '500-empty') r = { status: 500 };
  else if (picked === '500-text') r = { status: 500, raw: Buffer.from('Internal Server Error'), contentType: 'text/plain' };
  else if (picked === '429') {
    // A simulated throttle: a minute's wait, scaled like the real window.
    const scale = ctx.config.timeScale;
    const seconds = scale === 1 ? 60 : Math.max(1, Math.ceil(60 / scale));
    r = gatewayError(429, `Rate limit is exceeded. Try again in ${seconds} seconds.`, { 'Retry-After': String(seconds), ...(scale === 1 ? {} : { 'X-Sim-Retry-After-Ms': String(Math.max(1, Math.ceil(60_000 / scale))) }) });
  }
  else if (!segments) r = { status: 400, raw: Buffer.from('Bad Request - Invalid URL'), contentType: 'text/plain' };
  else if (path.toLowerCase() === '/connect/token') {
    r = method === 'POST' ? handleTokenRequest(raw, rawReq.headers, state.tokens, ctx.now(), ctx.config.tokenLifetimeSeconds) : { status: 405, json: { error: 'invalid_request', error_description: 'Use POST.' } };
  } else if (segments[0] === 'blob-presigned' && segments[1]) r = presignedDownload(ctx, segments[1], url.searchParams);
  else if (service === 'other') r = { status: 404, raw: Buffer.from('Not Found'), contentType: 'text/plain' };
  else {
    const req: SimRequest = { method, path, segments, query: url.searchParams, headers: rawReq.headers, body: parsed, rawBody: raw, service, params: {}, warnings };
    try {
      r = await answer(state, router, req, rawReq, rateHeaders, receivedMs, meta);
    } catch (e) {
      if (!state.quiet) console.error('[visma-sim] handler error', e);
      r = messageError(500, 'An error has occurred.');
    }
  }
  if (service === 'main') rateHeaders['Ipp-Request-Id'] = randomUUID();
  status = picked === 'malformed' ? 200 : r.status;
  finish();
  send(res, { ...r, headers: { ...rateHeaders, ...(r.headers ?? {}) } }, service, state, picked === 'malformed');
}
