import type { ConnectionCheck } from './connection-rules';

/** A refused connection in words (translated by the caller's `t`). */
export function refusalText(check: ConnectionCheck, t: (key: string, opts?: Record<string, unknown>) => string): string | null {
  if (check.ok) return null;
  return t(`connectionRefused.${check.reason}`, { port: check.port ?? '' });
}
