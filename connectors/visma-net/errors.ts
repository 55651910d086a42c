import { ApiError, type ApiErrorKind } from '../common/api-error';

/** What kind of failure a Visma.net call ended in; callers branch on this, people read `message`. */
export type VismaErrorKind = Exclude<ApiErrorKind, 'limit'>;

/** One entry of a V3 ProblemDetails `details[]` (or of its `errors{}` map). */
export interface VismaErrorDetail {
  code?: string;
  message: string;
  /** The offending field, e.g. `orderLines[0].inventoryId` (format is [I] in the reference). */
  property?: string;
}

export interface VismaApiErrorInit {
  kind: VismaErrorKind;
  message: string;
  method: string;
  /** Path of the call without query string or host, e.g. `/v1/customer`. */
  path: string;
  status?: number;
  vismaId?: string;
  code?: string;
  details?: VismaErrorDetail[];
  /** Visma's own text (already cleaned), for logs and support. */
  serverMessage?: string;
  /** A create may or may not have landed: the caller must check before trying again. */
  outcomeUnknown?: boolean;
  /** Set on rate-limit errors: how long the server asked us to wait. */
  retryAfterMs?: number;
  /** False when the call never left this machine (e.g. no token could be obtained): nothing can have landed. */
  requestSent?: boolean;
  /** Default: network trouble, time-outs, 5xx and cut-off answers. */
  transient?: boolean;
}

/** The one error type of the Visma.net connector. It never carries tokens, secrets or raw HTTP objects. */
export class VismaApiError extends ApiError {
  readonly service = 'Visma.net';
  declare readonly kind: VismaErrorKind;
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;
  readonly vismaId: string | undefined;
  readonly code: string | undefined;
  readonly details: VismaErrorDetail[] | undefined;
  readonly serverMessage: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: VismaApiErrorInit) {
    super({ ...init, transient: init.transient ?? isTransientKind(init.kind, init.status) });
    this.name = 'VismaApiError';
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.vismaId = init.vismaId;
    this.code = init.code;
    this.details = init.details;
    this.serverMessage = init.serverMessage;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Plain data for logs and the run ledger. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      status: this.status,
      method: this.method,
      path: this.path,
      vismaId: this.vismaId,
      code: this.code,
      details: this.details,
      outcomeUnknown: this.outcomeUnknown || undefined,
      message: this.message,
    };
  }
}

export function isVismaApiError(error: unknown): error is VismaApiError {
  return error instanceof VismaApiError;
}

/** The error kind for an HTTP status (the body may refine it, see error-message.ts). */
export function kindForStatus(status: number): VismaErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 405 || status === 409) return 'conflict';
  if (status === 408) return 'timeout';
  if (status === 412 || status === 428) return 'precondition';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  if (status >= 300 && status < 400) return 'server';
  return 'validation';
}

/** Failures worth another try of an idempotent call (and, after a lookup, of a create). */
export function isTransientError(error: unknown): boolean {
  return error instanceof VismaApiError && error.transient;
}

/** Worth another try: network trouble, time-outs, 5xx and cut-off answers (429 is waited out by the pacer). */
function isTransientKind(kind: VismaErrorKind, status: number | undefined): boolean {
  if (kind === 'server') return status === undefined || status >= 500;
  return kind === 'network' || kind === 'timeout' || kind === 'malformed';
}
