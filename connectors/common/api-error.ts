/** What kind of failure a call ended in, the same words for both APIs; people read `message`. */
export type ApiErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'conflict'
  | 'precondition'
  | 'rate-limit'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'limit';

export interface ApiErrorFacts {
  kind: ApiErrorKind;
  message: string;
  /** Worth another try (transient network or server trouble, rate limit). */
  transient?: boolean;
  /** False when the call never left this machine (no token, refused before sending): nothing can have landed. */
  requestSent?: boolean;
  /** A write may or may not have landed: a person, or a look-up, must check before it is tried again. */
  outcomeUnknown?: boolean;
}

/**
 * The error contract both connectors keep: CcvApiError and VismaApiError extend this, so the steps that write (one
 * writer, nodes/shared/batch-writer.ts) treat every API the same way.
 */
export abstract class ApiError extends Error {
  /** 'CCV Shop' or 'Visma.net', for messages. */
  abstract readonly service: string;
  readonly kind: ApiErrorKind;
  readonly transient: boolean;
  readonly requestSent: boolean;
  readonly outcomeUnknown: boolean;

  constructor(facts: ApiErrorFacts) {
    super(facts.message);
    this.kind = facts.kind;
    this.transient = facts.transient ?? false;
    this.requestSent = facts.requestSent ?? true;
    this.outcomeUnknown = facts.outcomeUnknown ?? false;
  }
}

/** Failures after which every further call to the same service fails too. */
const STOPPING: ReadonlySet<ApiErrorKind> = new Set(['auth', 'forbidden', 'network', 'timeout', 'rate-limit']);

/**
 * The one rule for which failures stop a step instead of failing its record: a wrong or revoked credential, missing
 * rights, and a service that is unreachable, not answering or out of budget after the connector's own retries and
 * waits. Going on would fail every further record the same way, fill "needs attention" with one cause, and spend
 * the budget; stopping fails the run, keeps every intent whose outcome is unknown, and the next (scheduled) run
 * goes on where this one stopped. Every other API failure (refused data, not found, conflict, server error on one
 * record) belongs to the record: it goes to the error port and the rest go on.
 */
export function stopsTheStep(error: unknown): boolean {
  return error instanceof ApiError && STOPPING.has(error.kind);
}
