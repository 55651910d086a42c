import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';

export type Db = Database.Database;

/** Opens the SQLite file (creating its folder) with WAL, full fsync on commit, and foreign keys on. */
export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // Another Koppel process (the daemon, the CLI) may hold a write lock for a moment: wait instead of failing.
  const db = new Database(path, { timeout: 5000 });
  if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  // FULL: a write intent must be on disk before the write to Visma or CCV happens, even across a power cut.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}

/** Runs `fn` in a transaction, or inside the one already open (libsql's transactions do not nest). */
export function atomically<T>(db: Db, fn: () => T): T {
  return db.inTransaction ? fn() : db.transaction(fn)();
}
