import type { z } from 'zod';
import type { HostErrorKind } from './contract-transport';

export type { HostErrorKind };

/** An error whose message a bookkeeper can act on: which record/field, and what to do. Never carries a secret. */
export class HostError extends Error {
  readonly kind: HostErrorKind;

  constructor(kind: HostErrorKind, message: string) {
    super(message);
    this.name = 'HostError';
    this.kind = kind;
  }
}

/** Turns zod issues into one sentence naming each field, e.g. "name: Too small: expected string to have >=1 characters". */
export function describeIssues(issues: readonly z.core.$ZodIssue[], limit = 5): string {
  const parts = issues.slice(0, limit).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : '';
  return parts.join('; ') + more;
}

/** The message of any thrown value, for wrapping into a HostError. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** HTTP status of each kind, for `koppel serve`. */
export const HTTP_STATUS: Record<HostErrorKind, number> = {
  'invalid-input': 400,
  refused: 403,
  'unknown-channel': 404,
  'not-found': 404,
  conflict: 409,
  failed: 500,
};
