import type { TransportFailure } from '../common';
import { kindForStatus, VismaApiError, type VismaErrorKind } from './errors';
import type { ParsedErrorBody } from './error-body';
import { hintFor } from './error-hints';

export type VismaService = 'main' | 'v3';

/** Where a failure happened, in words a bookkeeper recognises. */
export interface ErrorContext {
  method: string;
  /** Path without query, e.g. `/v1/customer/10001`. */
  path: string;
  service: VismaService;
  /** e.g. "the customer" or "item 'ABC-1'"; defaults to the call itself. */
  what?: string;
}

export function describeTarget(ctx: ErrorContext): string {
  return ctx.what ?? `the call ${ctx.method} ${ctx.path}`;
}

/** The scope Visma.net checks for this call (reference/visma-net/README.md §2.1, §10). */
export function scopeFor(ctx: Pick<ErrorContext, 'method' | 'service'>): string {
  if (ctx.service === 'v3') return ctx.method === 'GET' ? 'visma.net.erp.salesorder:read' : 'visma.net.erp.salesorder:write';
  const verb = { GET: 'read', POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' }[ctx.method] ?? 'read';
  return `vismanet_erp_service_api:${verb}`;
}

export interface HttpFailure {
  status: number;
  statusText?: string;
  body: ParsedErrorBody;
  location?: string;
  retryAfterMs?: number;
}

/** Turns a non-2xx answer into a `VismaApiError` with a message that says what to do. */
export function errorFromResponse(f: HttpFailure, ctx: ErrorContext): VismaApiError {
  const { status, body } = f;
  let kind: VismaErrorKind = kindForStatus(status);
  // IPP 12002/12027 come as 400 but mean "no access to this company".
  if (body.shape === 'ipp' && (body.code === '12027' || body.code === '12002')) kind = 'forbidden';
  const target = describeTarget(ctx);
  const reason = body.reason;
  const hint = hintFor(body.code, reason, ...(body.details ?? []).map((d) => d.code));
  const support = body.vismaId ? ` (VismaId ${body.vismaId})` : '';
  const statusText = `HTTP ${status}${f.statusText ? ` ${f.statusText}` : ''}`;
  let message: string;
  switch (kind) {
    case 'validation':
      message = reason
        ? `Visma.net rejected ${target}: ${endSentence(reason)}`
        : `Visma.net rejected ${target} (${statusText}) without saying why.`;
      break;
    case 'auth':
      message =
        `Visma.net did not accept the access token for ${target} (${statusText}). ` +
        'Check that the application in the Visma Developer Portal still has access to this company and that its client secret is valid.';
      break;
    case 'forbidden':
      message =
        body.shape === 'ipp'
          ? `Visma.net refused access to the company for ${target}: ${endSentence(reason ?? 'no access')}`
          : `Visma.net refused ${target} (${statusText}): the application lacks the permission '${scopeFor(ctx)}'. ` +
            "Grant that scope to the application in the Visma Developer Portal, and give the integration the 'API User' role.";
      break;
    case 'not-found':
      message =
        `Visma.net could not find ${target} (${statusText})${reason ? `: ${endSentence(reason)}` : '.'} ` +
        'Check the number or id; it may have been deleted or renamed in Visma.net.';
      break;
    case 'conflict':
      message = `Visma.net refused ${target} because of its current state (${statusText})${reason ? `: ${endSentence(reason)}` : '.'}`;
      break;
    case 'precondition':
      message =
        status === 428
          ? `Visma.net requires a version (If-Match) for ${target} (${statusText}). This is a Koppel bug: please report it.`
          : `${capitalise(target)} was changed in Visma.net after Koppel read it (${statusText}). Run again to work on the latest version.`;
      break;
    case 'rate-limit': {
      const wait = f.retryAfterMs !== undefined ? ` Visma.net asks to wait ${Math.ceil(f.retryAfterMs / 1000)} s.` : '';
      message =
        `Visma.net's call limit for this company is used up (${statusText}).${wait} ` +
        'If this happens often, run the flow less often or sync fewer records per run.';
      break;
    }
    case 'timeout':
      message = `Visma.net timed out on ${target} (${statusText}). Try again later.`;
      break;
    default:
      message =
        status >= 300 && status < 400
          ? `Visma.net answered ${target} with a redirect${f.location ? ` to ${safeHost(f.location)}` : ''} (${statusText}), which Koppel does not follow. ` +
            'Check the API address in the connection settings (normally https://api.finance.visma.net).'
          : `Visma.net had an internal error on ${target} (${statusText})${reason ? `: ${endSentence(reason)}` : '.'} ` +
            'Try again later; if it keeps happening, contact Visma support.';
  }
  if (hint && !message.includes(hint)) message += ` ${hint}`;
  message += support;
  return new VismaApiError({
    kind,
    status,
    message,
    method: ctx.method,
    path: ctx.path,
    vismaId: body.vismaId,
    code: body.code,
    details: body.details,
    serverMessage: reason,
    retryAfterMs: f.retryAfterMs,
  });
}

/** Connection failures and time-outs (no HTTP answer at all). */
export function errorFromTransport(failure: TransportFailure, ctx: ErrorContext, timeoutMs: number): VismaApiError {
  const target = describeTarget(ctx);
  if (failure.kind === 'timeout') {
    return new VismaApiError({
      kind: 'timeout',
      method: ctx.method,
      path: ctx.path,
      message: `Visma.net did not answer ${target} within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}. Try again later; Visma.net may be busy.`,
    });
  }
  const code = failure.kind === 'network' ? failure.code : 'HTTP';
  return new VismaApiError({
    kind: 'network',
    method: ctx.method,
    path: ctx.path,
    code: failure.kind === 'network' ? failure.code : undefined,
    message: `Could not reach Visma.net for ${target} (${code}). Check the internet connection, proxy or firewall, and the API address in the connection settings.`,
  });
}

/** A 2xx answer that is not the JSON we expected (or a create without a Location header). */
export function malformedError(ctx: ErrorContext, problem: string): VismaApiError {
  return new VismaApiError({
    kind: 'malformed',
    method: ctx.method,
    path: ctx.path,
    message: `Visma.net sent an answer to ${ctx.method} ${ctx.path} that Koppel cannot read (${problem}). Try again; if it keeps happening, report it with the time of the run.`,
  });
}

function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function safeHost(location: string): string {
  try {
    return new URL(location).host;
  } catch {
    return 'another address';
  }
}
