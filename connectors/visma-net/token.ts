import type { HttpClient } from '../common/http-client';
import { z } from 'zod';
import { classifyTransport, redact, withRetry } from '../common';
import type { ResolvedVismaConfig } from './config';
import { VismaApiError, isTransientError, type VismaErrorKind } from './errors';
import { parseErrorBody } from './error-body';
import { errorFromTransport } from './error-message';
import { exchange } from './http';

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  token_type: z.string().nullish(),
  scope: z.string().nullish(),
});

interface CachedToken {
  value: string;
  expiresAt: number;
  refreshAt: number;
}

/**
 * Visma Connect `client_credentials` tokens with `tenant_id` (reference/visma-net/README.md §2.1): cached, renewed a margin before expiry,
 * and fetched by one request at a time however many calls are waiting (single flight).
 */
export class TokenProvider {
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;
  /** Tokens handed out recently, so that logs can mask them even after a refresh. */
  private readonly issued: string[] = [];

  constructor(
    private readonly config: ResolvedVismaConfig,
    private readonly http: HttpClient,
    private readonly log: (level: 'debug' | 'info' | 'warn', message: string, data?: Record<string, unknown>) => void,
  ) {}

  /** Secrets that must never reach a log line or an error message. */
  secrets(): string[] {
    return [this.config.clientSecret, ...this.issued];
  }

  async get(): Promise<string> {
    const now = this.config.clock.now();
    if (this.cached && now < this.cached.refreshAt) return this.cached.value;
    // No caller's abort signal here: one caller giving up must not fail the others waiting on the same refresh.
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** After a 401: forget this token (unless a newer one already replaced it) so the next `get` fetches anew. */
  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = undefined;
  }

  private async refresh(): Promise<string> {
    const previous = this.cached;
    try {
      const token = await withRetry(() => this.fetchOnce(), {
        policy: this.config.retry,
        clock: this.config.clock,
        random: this.config.random,
        decide: (error) => (isTransientError(error) ? { retry: true, reason: 'token request failed' } : { retry: false }),
        onRetry: ({ attempt, delayMs, reason }) => this.log('warn', `Retrying the Visma Connect token request in ${delayMs} ms (${reason})`, { attempt }),
      });
      this.cached = token;
      this.issued.push(token.value);
      if (this.issued.length > 3) this.issued.shift();
      this.log('info', 'Obtained a Visma.net access token', { expiresInS: Math.round((token.expiresAt - this.config.clock.now()) / 1000) });
      return token.value;
    } catch (error) {
      // A refresh ahead of expiry that fails transiently can still live on the current token.
      if (previous && isTransientError(error) && this.config.clock.now() < previous.expiresAt) {
        this.log('warn', 'Could not renew the Visma.net access token yet; using the current one until it expires');
        return previous.value;
      }
      throw error;
    }
  }

  private async fetchOnce(): Promise<CachedToken> {
    const { clientId, clientSecret, tenantId, tokenUrl, scopes, clock, timeoutMs } = this.config;
    const path = new URL(tokenUrl).pathname;
    const fail = (kind: VismaErrorKind, message: string, extra: { status?: number; code?: string } = {}) =>
      new VismaApiError({ kind, method: 'POST', path, message: redact(message, this.secrets()), ...extra });
    if (!clientId) throw fail('auth', 'The Visma.net connection has no client id. Enter the client id of the application from the Visma Developer Portal.');
    if (!clientSecret) throw fail('auth', 'The Visma.net connection has no client secret. Enter the client secret of the application from the Visma Developer Portal.');
    if (!tenantId) throw fail('auth', "The Visma.net connection has no tenant id. Enter the company's tenant id (a GUID) from Visma.net.");

    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: scopes.join(' '),
      tenant_id: tenantId,
    });
    const started = clock.now();
    let res;
    try {
      res = await exchange(this.http, {
        method: 'POST',
        url: tokenUrl,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'User-Agent': this.config.userAgent },
        data: form.toString(),
        timeoutMs,
      });
    } catch (error) {
      const failure = classifyTransport(error) ?? { kind: 'network' as const, code: 'UNKNOWN', message: 'request failed' };
      const e = errorFromTransport(failure, { method: 'POST', path, service: 'main', what: 'the Visma Connect token request' }, timeoutMs);
      throw fail(e.kind, e.message, { code: e.code });
    }
    this.log('debug', `POST ${path} → ${res.status}`, { ms: clock.now() - started });

    if (res.status >= 200 && res.status < 300) {
      let json: unknown;
      try {
        json = JSON.parse(res.body.toString('utf8'));
      } catch {
        throw fail('malformed', `Visma Connect answered the token request with something that is not JSON (POST ${path}). Check the token address in the connection settings.`, { status: res.status });
      }
      const parsed = tokenResponseSchema.safeParse(json);
      if (!parsed.success) {
        throw fail('malformed', `Visma Connect answered the token request without an access token (POST ${path}). Check the token address in the connection settings.`, { status: res.status });
      }
      const lifetimeMs = (parsed.data.expires_in ?? 3600) * 1000;
      // Short-lived tokens: never refresh sooner than halfway through their life.
      const margin = Math.min(this.config.tokenRefreshMarginMs, lifetimeMs / 2);
      const now = clock.now();
      return { value: parsed.data.access_token, expiresAt: now + lifetimeMs, refreshAt: now + lifetimeMs - margin };
    }

    const body = parseErrorBody(res.body);
    const code = body.shape === 'oauth' ? body.code : undefined;
    const status = res.status;
    if (status >= 500 || status === 429) {
      throw fail('server', `Visma Connect could not issue a token right now (HTTP ${status}). Try again later.`, { status, code });
    }
    throw fail(code === 'invalid_scope' ? 'forbidden' : 'auth', tokenErrorMessage(code, body.reason, scopes), { status, code });
  }
}

function tokenErrorMessage(code: string | undefined, reason: string | undefined, scopes: readonly string[]): string {
  switch (code) {
    case 'invalid_client':
      return 'Visma Connect did not accept the client id or client secret (invalid_client). Check both against the application in the Visma Developer Portal; the secret may have expired.';
    case 'invalid_tenant':
      return "Visma Connect did not accept the tenant id (invalid_tenant). The tenant id must be the company's tenant id (not the customer contract's), and the application must have been granted access to that company, with the 'API User' role for the integration.";
    case 'invalid_scope':
      return `Visma Connect refused the requested scopes (invalid_scope): ${scopes.join(' ')}. Enable these scopes for the application in the Visma Developer Portal, or configure only the scopes it has (sales orders need visma.net.erp.salesorder:read and :write).`;
    case 'unauthorized_client':
      return 'Visma Connect does not allow this application to use client credentials (unauthorized_client). In the Visma Developer Portal it must be a service integration.';
    default:
      return `Visma Connect refused the token request${code ? ` (${code})` : ''}${reason && reason !== code ? `: ${reason}` : ''}. Check the client id, client secret and tenant id of the connection.`;
  }
}
