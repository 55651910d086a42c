import { z } from 'zod';
import { classifyTransport, isTransient, redact } from '../common';
import { CcvApiError, type CcvErrorKind } from './errors';

/** What the mapping needs to know about the request to write an actionable message. */
export interface ErrorContext {
  method: string;
  path: string;
  resource: string;
  origin: string;
  /** The record being worked on, e.g. `product 123` or `product "SKU-1"`. */
  subject?: string;
  timeoutMs: number;
  secrets: readonly string[];
}

const errorBody = z.looseObject({
  code: z.union([z.string(), z.number()]).optional(),
  status: z.union([z.number(), z.string()]).optional(),
  developermessage: z.string().optional(),
});

const keyHelp = "check the public and secret key, and that this PC's clock is right (CCV allows 5 minutes)";

/** CCV 5xx codes that describe the request, not a passing server hiccup: retrying cannot help. */
const deterministic5xx = new Set(['500.21', '500.22', '500.24', '500.25', '500.40', '500.50', '500.60', '500.70', '500.80', '500.90']);

/** Connection failures that prove the request never reached the shop (safe to repeat even a POST). */
export const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function readCode(code: string | number | undefined): string | undefined {
  if (code === undefined) return undefined;
  // A numeric 429.10 would print as 429.1; CCV codes always have two decimals.
  return typeof code === 'number' ? code.toFixed(2) : code.trim();
}

function verb(method: string): string {
  return method === 'GET' ? 'read' : method === 'DELETE' ? 'delete' : method === 'POST' ? 'create' : 'change';
}

interface Mapped {
  kind: CcvErrorKind;
  text: string;
  transient: boolean;
}

function mapStatus(status: number, code: string | undefined, dev: string, ctx: ErrorContext): Mapped {
  const what = ctx.subject ?? `the ${ctx.resource} request`;
  const detail = dev ? `: ${dev}` : '';
  switch (code) {
    case '404.20':
      return { kind: 'not-found', transient: false, text: `CCV Shop does not know the resource "${ctx.resource}" (404.20). Check the shop address; the API key may also lack this module` };
    case '405.10':
    case '500.70':
    case '501.10':
    case '501.20':
      return { kind: 'validation', transient: false, text: `CCV Shop does not allow ${ctx.method} on ${ctx.resource} (${code})${detail}` };
    case '501.30':
      return { kind: 'validation', transient: false, text: `CCV Shop treats ${ctx.resource} as read-only (501.30); Koppel cannot ${verb(ctx.method)} it` };
    case '500.24':
      return { kind: 'not-found', transient: false, text: `${cap(what)} was not found in the shop (500.24: unknown id). It may have been deleted; refresh the mapping or remove the reference` };
    case '500.60':
      return { kind: 'limit', transient: false, text: `The shop's product limit is reached (500.60, product_limit_left is 0), so ${what} could not be created. Delete products or upgrade the CCV Shop subscription, then run again` };
    case '500.80':
      return { kind: 'limit', transient: false, text: `${cap(what)} is too large for CCV Shop (500.80). Send less data at once, e.g. smaller photos` };
    case '500.40':
      return { kind: 'validation', transient: false, text: `${cap(what)} already exists in the shop (500.40)${detail}. Use the existing record or choose another name` };
    case '500.50':
      return { kind: 'validation', transient: false, text: `CCV Shop refused ${what} because the value is the same as before (500.50)${detail}` };
    case '500.21':
      return { kind: 'validation', transient: false, text: `The file for ${what} is too large for CCV Shop (500.21). Use a smaller image` };
    case '500.22':
      return { kind: 'validation', transient: false, text: `The file type for ${what} is not accepted by CCV Shop (500.22). Use jpg, png or gif and set file_type to the extension` };
    case '500.23':
      return { kind: 'server', transient: true, text: `CCV Shop could not save the file for ${what} (500.23)${detail}. Try again later` };
    case '500.25':
      return { kind: 'server', transient: false, text: `CCV Shop could not find its own schema for ${ctx.resource} (500.25)${detail}. Contact CCV support with this message` };
    case '500.90':
      return { kind: 'forbidden', transient: false, text: `A CCV Shop app needed for ${ctx.resource} is not installed (500.90). Install it in the shop's App Store, then run again` };
    case '429.10':
    case '429.11':
      return { kind: 'rate-limit', transient: true, text: `CCV Shop's rate limit was reached for ${ctx.method} ${ctx.resource} (${code}). Koppel waited and retried; try again in a few minutes or lower the request budget` };
  }
  if (status === 401) return { kind: 'auth', transient: false, text: `CCV Shop refused the API key (HTTP 401${code ? `, ${code}` : ''})${detail}. Please ${keyHelp}` };
  if (status === 403) return { kind: 'forbidden', transient: false, text: `This API key may not ${verb(ctx.method)} ${ctx.resource} (HTTP 403)${detail}. In the CCV Shop backend (My web shop / Settings / API settings) give the key permission for "${ctx.resource}"` };
  if (status === 404) return { kind: 'not-found', transient: false, text: `${cap(what)} was not found in the shop (HTTP 404)${detail}. It may have been deleted; refresh the mapping or remove the reference` };
  if (status === 429) return { kind: 'rate-limit', transient: true, text: `CCV Shop's rate limit was reached for ${ctx.method} ${ctx.resource}. Koppel waited and retried; try again in a few minutes or lower the request budget` };
  if (status >= 500) {
    const transient = !(code && (deterministic5xx.has(code) || code.startsWith('501.')));
    return { kind: 'server', transient, text: `CCV Shop had an internal error for ${what} (HTTP ${status}${code ? `, ${code}` : ''})${detail}. Koppel retried; try again later, and contact CCV support if it keeps happening` };
  }
  if (status >= 300 && status < 400) return { kind: 'network', transient: false, text: `The shop address redirects elsewhere (HTTP ${status}). Use the final https address of the shop in the connection settings` };
  return { kind: 'validation', transient: false, text: `CCV Shop rejected ${what} (HTTP ${status}${code ? `, ${code}` : ''})${detail || ' without a reason'}. Correct the field named in the message and run again` };
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A non-2xx answer → CcvApiError. The body may be CCV's `{code,status,developermessage}`, text or empty. */
export function errorFromResponse(ctx: ErrorContext, status: number, rawBody: string, extra: { retryAfterMs?: number; location?: string } = {}): CcvApiError {
  let code: string | undefined;
  let dev = '';
  const trimmed = rawBody.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = errorBody.safeParse(JSON.parse(trimmed));
      if (parsed.success) {
        code = readCode(parsed.data.code);
        dev = parsed.data.developermessage?.trim() ?? '';
      }
    } catch {
      // Not JSON after all: fall through and quote the text.
    }
  }
  if (!code && !dev && trimmed && !trimmed.startsWith('<')) dev = trimmed.slice(0, 300);
  const mapped = mapStatus(status, code, redact(dev, ctx.secrets), ctx);
  let text = mapped.text;
  if (extra.location && status >= 300 && status < 400) text += ` (it points to ${redact(extra.location, ctx.secrets)})`;
  return new CcvApiError({
    kind: mapped.kind,
    message: redact(`${text}. [${ctx.method} ${ctx.path}]`, ctx.secrets),
    method: ctx.method,
    path: ctx.path,
    status,
    code: code ?? `http-${status}`,
    developerMessage: dev ? redact(dev, ctx.secrets) : undefined,
    transient: mapped.transient,
    retryAfterMs: extra.retryAfterMs,
  });
}

/** A failure before any HTTP answer (DNS, refused, reset, timeout) → CcvApiError; undefined if it was not the HTTP client's. */
export function errorFromTransport(ctx: ErrorContext, error: unknown): CcvApiError | undefined {
  const failure = classifyTransport(error);
  if (!failure || failure.kind === 'http') return undefined;
  const host = ctx.origin;
  if (failure.kind === 'timeout') {
    return new CcvApiError({
      kind: 'timeout',
      code: 'timeout',
      method: ctx.method,
      path: ctx.path,
      transient: true,
      message: `CCV Shop (${host}) did not answer within ${ctx.timeoutMs < 1000 ? `${ctx.timeoutMs} ms` : `${Math.round(ctx.timeoutMs / 1000)} s`}. The shop may be slow or unreachable; Koppel retried. Try again later. [${ctx.method} ${ctx.path}]`,
    });
  }
  const code = failure.code;
  let text: string;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') text = `The shop address ${host} could not be found (${code}). Check the shop address in the connection settings and this PC's internet connection`;
  else if (code === 'ECONNREFUSED') text = `Could not connect to ${host} (connection refused). Check the shop address and this PC's internet connection`;
  else if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) text = `The HTTPS certificate of ${host} was not accepted (${code}). Check the shop address; a proxy or antivirus may be intercepting HTTPS`;
  else text = `The connection to ${host} failed (${code}). Check this PC's internet connection; Koppel retried`;
  return new CcvApiError({
    kind: 'network',
    code,
    method: ctx.method,
    path: ctx.path,
    transient: isTransient(failure),
    message: redact(`${text}. [${ctx.method} ${ctx.path}]`, ctx.secrets),
  });
}
