// Helpers for the simulator's own tests: start a quiet simulator, get tokens, call the API over real HTTP.
import { startVismaSimulator, type VismaSimHandle, type VismaSimOptions } from './index';

export const ALL_SCOPES =
  'vismanet_erp_service_api:read vismanet_erp_service_api:create vismanet_erp_service_api:update vismanet_erp_service_api:delete visma.net.erp.salesorder:read visma.net.erp.salesorder:write';

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface TestSim {
  sim: VismaSimHandle;
  token(scope?: string): Promise<string>;
  call(method: string, path: string, opts?: { body?: unknown; headers?: Record<string, string>; token?: string | null }): Promise<CallResult>;
  admin(method: string, path: string, body?: unknown): Promise<CallResult>;
}

async function toResult(r: Response): Promise<CallResult> {
  const text = await r.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}

export async function requestToken(sim: VismaSimHandle, fields: Record<string, string>): Promise<CallResult> {
  const r = await fetch(sim.tokenUrl, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return toResult(r);
}

export async function startTestSim(opts: VismaSimOptions = {}): Promise<TestSim> {
  const sim = await startVismaSimulator({ quiet: true, ...opts });
  let cached: string | undefined;
  const token = async (scope = ALL_SCOPES): Promise<string> => {
    const r = await requestToken(sim, { grant_type: 'client_credentials', client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, tenant_id: sim.credentials.tenantId, scope });
    const body = r.json;
    if (r.status !== 200 || typeof body !== 'object' || body === null || !('access_token' in body) || typeof body.access_token !== 'string') {
      throw new Error(`token request failed: ${r.status} ${r.text}`);
    }
    return body.access_token;
  };
  const call: TestSim['call'] = async (method, path, opts = {}) => {
    const bearer = opts.token === undefined ? (cached ??= await token()) : opts.token;
    const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    return toResult(await fetch(`${sim.url}${path}`, { method, headers, body }));
  };
  const admin: TestSim['admin'] = async (method, path, body) =>
    toResult(await fetch(`${sim.url}/__sim/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }));
  return { sim, token, call, admin };
}

/** Narrowing helpers so tests can read JSON without casts. */
export function obj(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`expected an object, got ${JSON.stringify(v)}`);
  return Object.fromEntries(Object.entries(v));
}

export function arr(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new Error(`expected an array, got ${JSON.stringify(v)?.slice(0, 200)}`);
  return v;
}

export function objs(v: unknown): Record<string, unknown>[] {
  return arr(v).map(obj);
}

/** `{ a: { value: x } }` wrapping for main-API bodies. */
export function wrap(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    out[k] = typeof x === 'object' && x !== null && !Array.isArray(x) ? { value: wrap(Object.fromEntries(Object.entries(x))) } : { value: x };
  }
  return out;
}

export function b64(id: string): string {
  return `b64(${Buffer.from(id).toString('base64url')})`;
}
