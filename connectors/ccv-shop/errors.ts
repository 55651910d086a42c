import { ApiError, type ApiErrorKind } from '../common/api-error';

export type CcvErrorKind = Exclude<ApiErrorKind, 'conflict' | 'precondition'>;

export interface CcvApiErrorInit {
  kind: CcvErrorKind;
  message: string;
  method: string;
  /** Path+query of the request (never holds a secret). */
  path: string;
  status?: number;
  /** CCV's `<http>.<sub>` code (e.g. `500.60`) or one of ours (`network`, `invalid-json`, ...). */
  code?: string;
  developerMessage?: string;
  /** Worth another try (transient network/server trouble, rate limit). */
  transient?: boolean;
  retryAfterMs?: number;
  /** A create may or may not have landed on the server; a person must check before retrying. */
  outcomeUnknown?: boolean;
}

/**
 * The one error type of the CCV Shop connector. `message` is written for a shop owner; it never contains
 * the secret key or an x-hash, and the error keeps no reference to the raw HTTP request (which would).
 */
export class CcvApiError extends ApiError {
  readonly service = 'CCV Shop';
  declare readonly kind: CcvErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly developerMessage: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: CcvApiErrorInit) {
    super(init);
    this.name = 'CcvApiError';
    this.status = init.status;
    this.code = init.code;
    this.method = init.method;
    this.path = init.path;
    this.developerMessage = init.developerMessage;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** A copy with another message/flags, e.g. to add which record was being written. */
  with(changes: Partial<CcvApiErrorInit>): CcvApiError {
    return new CcvApiError({ ...this.toInit(), ...changes });
  }

  toInit(): CcvApiErrorInit {
    return {
      kind: this.kind,
      message: this.message,
      method: this.method,
      path: this.path,
      status: this.status,
      code: this.code,
      developerMessage: this.developerMessage,
      transient: this.transient,
      retryAfterMs: this.retryAfterMs,
      outcomeUnknown: this.outcomeUnknown,
    };
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, ...this.toInit() };
  }
}

export function isCcvApiError(error: unknown): error is CcvApiError {
  return error instanceof CcvApiError;
}
