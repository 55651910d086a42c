// Visma Connect client_credentials token endpoint and bearer/scope checks (reference/visma-net/README.md §2.1, §10).
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { gatewayError } from './errors';
import { DEMO_CREDENTIALS } from './options';
import type { Service, SimResponse, TokenInfo } from './types';

export const MAIN_SCOPES = ['vismanet_erp_service_api:read', 'vismanet_erp_service_api:create', 'vismanet_erp_service_api:update', 'vismanet_erp_service_api:delete'];
export const V3_SCOPES = ['visma.net.erp.salesorder:read', 'visma.net.erp.salesorder:write'];
const ALL_SCOPES = [...MAIN_SCOPES, ...V3_SCOPES];

function oauthError(status: number, error: string, description: string, headers?: Record<string, string>): SimResponse {
  return { status, json: { error, error_description: description }, headers: { 'Cache-Control': 'no-store', ...headers } };
}

const b64url = (s: string): string => Buffer.from(s).toString('base64url');

export class TokenStore {
  private tokens = new Map<string, TokenInfo>();

  issue(info: TokenInfo): string {
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'at+jwt', kid: 'koppel-sim' }));
    const payload = b64url(JSON.stringify({
      iss: 'https://connect.visma.com', client_id: info.clientId, tenant_id: info.tenantId, scope: [...info.scopes],
      exp: Math.floor(info.expiresAt / 1000), jti: randomUUID(),
    }));
    const token = `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
    this.tokens.set(token, info);
    return token;
  }

  get(token: string): TokenInfo | undefined {
    return this.tokens.get(token);
  }

  prune(now: number): void {
    for (const [k, v] of this.tokens) if (v.expiresAt <= now) this.tokens.delete(k);
  }
}

/** `POST /connect/token` (form-urlencoded, client_secret_post or client_secret_basic). */
export function handleTokenRequest(raw: Buffer, headers: IncomingHttpHeaders, tokens: TokenStore, now: number, lifetimeSeconds: number): SimResponse {
  if (!/application\/x-www-form-urlencoded/i.test(headers['content-type'] ?? '')) {
    return oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(raw.toString('utf8'));
  let clientId = form.get('client_id');
  let clientSecret = form.get('client_secret');
  const basic = /^Basic\s+(.+)$/i.exec(headers.authorization ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    clientId = decodeURIComponent(decoded.slice(0, sep));
    clientSecret = decodeURIComponent(decoded.slice(sep + 1));
  }
  if (clientId !== DEMO_CREDENTIALS.clientId || clientSecret !== DEMO_CREDENTIALS.clientSecret) {
    // RFC 6749 §5.2: 401 + WWW-Authenticate when the client authenticated with the Authorization header.
    return basic ? oauthError(401, 'invalid_client', 'Unknown client or wrong client secret.', { 'WWW-Authenticate': 'Basic realm="connect.visma.com"' })
      : oauthError(400, 'invalid_client', 'Unknown client or wrong client secret.');
  }
  if (form.get('grant_type') !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', `Grant type '${form.get('grant_type') ?? ''}' is not supported; use client_credentials.`);
  }
  const tenantId = form.get('tenant_id');
  if (!tenantId || tenantId.toLowerCase() !== DEMO_CREDENTIALS.tenantId) {
    return oauthError(400, 'invalid_tenant', 'The application has no access to this tenant (check the company tenant id and that the integration was approved).');
  }
  const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const unknown = requested.filter((s) => !ALL_SCOPES.includes(s));
  if (unknown.length > 0) return oauthError(400, 'invalid_scope', `Scope(s) not allowed for this client: ${unknown.join(' ')}`);
  const scopes = new Set(requested.length > 0 ? requested : ALL_SCOPES); // no scope: all allowed scopes (IdentityServer behaviour)
  const expiresAt = now + lifetimeSeconds * 1000;
  const accessToken = tokens.issue({ clientId, tenantId: tenantId.toLowerCase(), scopes, expiresAt });
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    json: { access_token: accessToken, expires_in: lifetimeSeconds, token_type: 'Bearer', scope: [...scopes].join(' ') },
  };
}

/** The token of an API call, or the 401 answer. */
export function authenticate(headers: IncomingHttpHeaders, tokens: TokenStore, now: number, service: Service): TokenInfo | SimResponse {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  const info = m?.[1] ? tokens.get(m[1]) : undefined;
  let challenge = 'Bearer';
  if (m && !info) challenge = 'Bearer error="invalid_token", error_description="The access token is unknown"';
  if (info && info.expiresAt <= now) challenge = 'Bearer error="invalid_token", error_description="The access token expired"';
  if (info && info.expiresAt > now) return info;
  const headersOut = { 'WWW-Authenticate': challenge };
  // The V3 spec documents 401 without a body; the main API gateway answers with a JSON message [I].
  return service === 'v3' ? { status: 401, headers: headersOut } : gatewayError(401, 'Unauthorized. Access token is missing or invalid.', headersOut);
}

/** Scopes that allow `method` on `service` (any one suffices). */
export function scopesFor(service: Service, method: string, writeImpliesRead: boolean): string[] {
  if (service === 'v3') {
    if (method === 'GET' || method === 'HEAD') return writeImpliesRead ? V3_SCOPES : ['visma.net.erp.salesorder:read'];
    return ['visma.net.erp.salesorder:write'];
  }
  const verb = method === 'GET' || method === 'HEAD' ? 'read' : method === 'POST' ? 'create' : method === 'DELETE' ? 'delete' : 'update';
  return [`vismanet_erp_service_api:${verb}`];
}

export function checkScope(token: TokenInfo, service: Service, method: string, writeImpliesRead: boolean): SimResponse | undefined {
  const needed = scopesFor(service, method, writeImpliesRead);
  if (needed.some((s) => token.scopes.has(s))) return undefined;
  const headers = { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${needed.join(' ')}"` };
  return service === 'v3' ? { status: 403, headers } : gatewayError(403, `Insufficient scope: ${method} needs '${needed.join("' or '")}'. Request it in the token's scope.`, headers);
}
