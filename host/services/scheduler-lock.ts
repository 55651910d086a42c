import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { processAlive } from '../../engine/ledger/maintenance';
import { schedulerOwnerKindSchema } from '../contract-ops';
import type { SchedulerOwner } from '../types';

/** `<home>/daemon.lock`: the one Koppel process (daemon or desktop app) that runs the schedules of a home. */
export const LOCK_FILE = 'daemon.lock';

const lockSchema = z.looseObject({ pid: z.number().int().positive(), owner: schedulerOwnerKindSchema.default('daemon'), since: z.string().default('') });

export type LockResult = { acquired: true; release(): void } | { acquired: false; heldBy: SchedulerOwner };

export interface LockOptions {
  pid?: number;
  isAlive?: (pid: number) => boolean;
  now?: () => Date;
}

/** The lock's holder as written in the file (a bare pid from an older Koppel is read too); undefined when unreadable. */
export function readLock(file: string): SchedulerOwner | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text), owner: 'daemon', since: '' };
  try {
    const parsed = lockSchema.safeParse(JSON.parse(text));
    return parsed.success ? { pid: parsed.data.pid, owner: parsed.data.owner, since: parsed.data.since } : undefined;
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Takes the lock by creating the file exclusively. A lock of a process that no longer runs (a crash, a power cut)
 * is taken over; one of a live process is not.
 */
export function acquireLock(file: string, owner: SchedulerOwner['owner'], opts: LockOptions = {}): LockResult {
  const pid = opts.pid ?? process.pid;
  const isAlive = opts.isAlive ?? processAlive;
  const now = opts.now ?? (() => new Date());
  const info: SchedulerOwner = { pid, owner, since: now().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, JSON.stringify(info) + '\n');
      } finally {
        closeSync(fd);
      }
      return {
        acquired: true,
        release() {
          // Only our own lock: a process that took over a lock it thought stale keeps its own.
          if (readLock(file)?.pid === pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const holder = readLock(file);
    if (holder && holder.pid !== pid && isAlive(holder.pid)) return { acquired: false, heldBy: holder };
    // Stale (dead pid, unreadable, or our own pid from a previous life): move it aside atomically, then try again.
    try {
      renameSync(file, `${file}.stale-${pid}`);
      rmSync(`${file}.stale-${pid}`, { force: true });
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  const holder = readLock(file);
  if (holder) return { acquired: false, heldBy: holder };
  throw new Error(`Could not take the lock ${file}. Check that the Koppel folder is writable.`);
}

/** Who holds the lock now, if that process still runs. */
export function lockHolder(file: string, isAlive: (pid: number) => boolean = processAlive): SchedulerOwner | undefined {
  const holder = readLock(file);
  return holder && isAlive(holder.pid) ? holder : undefined;
}

/** "the Koppel daemon (pid 1234, since 2026-03-01 08:00)" */
export function describeOwner(owner: SchedulerOwner): string {
  const who = owner.owner === 'daemon' ? 'the Koppel daemon' : owner.owner === 'desktop' ? 'the Koppel desktop app' : 'koppel serve';
  return `${who} (process ${owner.pid}${owner.since ? `, since ${owner.since}` : ''})`;
}
