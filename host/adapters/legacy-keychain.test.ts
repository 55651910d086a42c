import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Secrets stored by Koppel 0.1 (keytar 7.9.0) survive the move to @napi-rs/keyring. `fixtures/keytar-7.9.0.keyring`
 * is a GNOME Keyring file whose entries keytar itself wrote (`scripts/make-legacy-keyring.sh`); the probe runs in a
 * private D-Bus session with a real gnome-keyring-daemon that opens it. Needs dbus-run-session and gnome-keyring
 * (apt: dbus dbus-x11 gnome-keyring); without them it fails, naming them, rather than skipping.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const data = mkdtempSync(path.join(tmpdir(), 'koppel-legacy-keyring-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

function runProbe(): Record<string, unknown> {
  mkdirSync(path.join(data, 'keyrings'), { recursive: true });
  copyFileSync(path.join(here, 'fixtures/keytar-7.9.0.keyring'), path.join(data, 'keyrings/login.keyring'));
  const probe = path.join(here, 'fixtures/legacy-keychain.probe.ts');
  const script = `eval "$(printf koppel-legacy-fixture | gnome-keyring-daemon --unlock --components=secrets)"; exec node --import tsx ${JSON.stringify(probe)}`;
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: data };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const result = spawnSync('dbus-run-session', ['--', 'bash', '-c', script], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw new Error(`Cannot start a private D-Bus session (apt install dbus dbus-x11 gnome-keyring): ${result.error.message}`);
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.status !== 0 || !line.startsWith('{')) throw new Error(`The keychain probe failed (exit ${result.status}):\n${result.stderr}`);
  const parsed: unknown = JSON.parse(line);
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`unexpected probe output: ${line}`);
  return { ...parsed };
}

describe('secrets stored by keytar (Koppel 0.1) on a real GNOME Keyring', () => {
  const seen = runProbe();

  it('are not visible to the new binding as such, but the legacy reader finds them', () => {
    expect(seen.newBeforeMove).toBeNull();
    expect(seen.legacyBeforeMove).toBe('vísma-sécret/🔑 with spaces');
  });

  it('are moved on first read: found, written through the new binding, removed from the old place', () => {
    expect(seen.firstGet).toBe('vísma-sécret/🔑 with spaces');
    expect(seen.newAfterMove).toBe('vísma-sécret/🔑 with spaces');
    expect(seen.legacyAfterMove).toBeNull();
    expect(seen.secondGet).toBe('vísma-sécret/🔑 with spaces');
  });

  it('leaves other services alone, replaces an old secret on save and deletes both places', () => {
    expect(seen.otherServiceUntouched).toBe('not ours');
    expect(seen.shopAfterSet).toBe('replaced-secret');
    expect(seen.shopLegacyAfterSet).toBeNull();
    expect(seen.deleteResult).toBe(true);
    expect(seen.removedGet).toBeNull();
    expect(seen.removedLegacy).toBeNull();
    expect(seen.unknownGet).toBeNull();
  });
});
