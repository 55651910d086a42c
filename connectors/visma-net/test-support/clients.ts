import type { Clock } from '../../common';
import { VismaClient } from '../client';
import type { VismaConfig, VismaLogLine } from '../config';
import { tokenPath, type Stub } from './stub-server';

export const secret = 'sup3r-s3cret-value';

/** A client pointed at a stub, with instant retries unless a test asks otherwise. */
export function clientFor(stub: Stub, overrides: Partial<VismaConfig> = {}): VismaClient {
  return new VismaClient({
    clientId: 'isv_koppel',
    clientSecret: secret,
    tenantId: 'af1140c1-0000-4000-8000-000000000001',
    tokenUrl: `${stub.url}${tokenPath}`,
    apiUrl: stub.url,
    salesOrderUrl: stub.url,
    retry: { maxRetries: 3, baseDelayMs: 0, maxDelayMs: 0 },
    random: () => 0.5,
    ...overrides,
  });
}

/** A clock whose sleeps return at once but are recorded (to check back-off delays without waiting). */
export class RecordingClock implements Clock {
  readonly sleeps: number[] = [];
  private t = 1_000_000;
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += ms;
  }
}

export function collectLogs(): { lines: VismaLogLine[]; logger: (line: VismaLogLine) => void } {
  const lines: VismaLogLine[] = [];
  return { lines, logger: (line) => lines.push(line) };
}
