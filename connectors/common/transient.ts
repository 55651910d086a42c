import { HttpTransportError } from './http-client';

const transientCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_BAD_RESPONSE_BODY']);

/** What went wrong on the wire, before any API-specific reading of the body. */
export type TransportFailure =
  | { kind: 'network'; code: string; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'http'; status: number };

export function classifyTransport(error: unknown): TransportFailure | undefined {
  if (!(error instanceof HttpTransportError)) return undefined;
  if (error.timedOut || error.code === 'ETIMEDOUT') return { kind: 'timeout', message: error.message };
  return { kind: 'network', code: error.code, message: error.message };
}

/** Connection resets, time-outs and 5xx answers are worth another try; 4xx answers are not. */
export function isTransient(failure: TransportFailure | undefined): boolean {
  if (!failure) return false;
  if (failure.kind === 'http') return failure.status >= 500 || failure.status === 408;
  if (failure.kind === 'timeout') return true;
  return transientCodes.has(failure.code) || /socket hang up|aborted/i.test(failure.message);
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
