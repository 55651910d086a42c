// Shared request/response types of the simulator's handlers.
import type { IncomingHttpHeaders } from 'node:http';
import type { SimConfig } from './options';
import type { Store } from './store';

/** Which of the three simulated services a request is for. */
export type Service = 'main' | 'v3';

export interface TokenInfo {
  clientId: string;
  tenantId: string;
  scopes: Set<string>;
  expiresAt: number;
}

export interface SimRequest {
  method: string;
  /** Path after prefix normalisation (legacy `/API/controller/api/v1` becomes `/v1`). */
  path: string;
  /** Path segments, URL-decoded, with `b64(...)` already decoded. */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; `undefined` when the body was empty, `INVALID_JSON` when it did not parse. */
  body: unknown;
  rawBody: Buffer;
  service: Service;
  params: Record<string, string>;
  token?: TokenInfo;
  /** Collected notes (e.g. ignored unknown fields) that end up in the request log. */
  warnings: string[];
}

export const INVALID_JSON: unique symbol = Symbol('invalid-json');

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON when present. */
  json?: unknown;
  /** Raw bytes (e.g. attachment download) with `contentType`. */
  raw?: Buffer;
  contentType?: string;
}

export interface SimContext {
  config: SimConfig;
  now(): number;
  store: Store;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  baseUrl: string;
}

export type Handler = (req: SimRequest, ctx: SimContext) => SimResponse | Promise<SimResponse>;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
