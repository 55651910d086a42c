import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, describeOwner, lockHolder, readLock } from './scheduler-lock';

const dir = mkdtempSync(path.join(tmpdir(), 'koppel-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const lockPath = () => path.join(dir, `daemon-${++n}.lock`);
const now = () => new Date('2026-03-02T08:00:00.000Z');

describe('daemon.lock', () => {
  it('is taken once; a live holder keeps it; release removes only its own lock', () => {
    const file = lockPath();
    const first = acquireLock(file, 'daemon', { pid: 1001, isAlive: () => true, now });
    expect(first.acquired).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ pid: 1001, owner: 'daemon', since: '2026-03-02T08:00:00.000Z' });
    const second = acquireLock(file, 'desktop', { pid: 2002, isAlive: () => true, now });
    expect(second).toEqual({ acquired: false, heldBy: { pid: 1001, owner: 'daemon', since: '2026-03-02T08:00:00.000Z' } });
    expect(lockHolder(file, () => true)).toMatchObject({ pid: 1001 });
    if (first.acquired) first.release();
    expect(existsSync(file)).toBe(false);
  });

  it('takes over the lock of a process that no longer runs', () => {
    const file = lockPath();
    writeFileSync(file, JSON.stringify({ pid: 999_999, owner: 'daemon', since: 'yesterday' }));
    const taken = acquireLock(file, 'daemon', { pid: 3003, isAlive: (pid) => pid !== 999_999, now });
    expect(taken.acquired).toBe(true);
    expect(readLock(file)?.pid).toBe(3003);
    // A holder thought dead that wakes up and releases must not remove the new holder's lock.
    const other = lockPath();
    const old = acquireLock(other, 'daemon', { pid: 10, isAlive: () => true, now });
    const next = acquireLock(other, 'daemon', { pid: 20, isAlive: (pid) => pid !== 10, now });
    expect([old.acquired, next.acquired]).toEqual([true, true]);
    if (old.acquired) old.release();
    expect(lockHolder(other, () => true)?.pid).toBe(20);
  });

  it('reads a bare pid and a damaged file, and names the holder in words', () => {
    const file = lockPath();
    writeFileSync(file, '4242\n');
    expect(readLock(file)).toEqual({ pid: 4242, owner: 'daemon', since: '' });
    expect(acquireLock(file, 'daemon', { pid: 1, isAlive: () => true })).toMatchObject({ acquired: false, heldBy: { pid: 4242 } });
    writeFileSync(file, 'garbage');
    expect(acquireLock(file, 'daemon', { pid: 1, isAlive: () => true }).acquired).toBe(true);
    expect(describeOwner({ pid: 7, owner: 'desktop', since: '2026-03-02T08:00:00.000Z' })).toBe('the Koppel desktop app (process 7, since 2026-03-02T08:00:00.000Z)');
  });
});
