import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarSecrets } from './keytar-secrets';

/**
 * Runs against the real OS keychain. On Linux it needs a Secret Service, e.g.:
 *   dbus-run-session -- bash -c 'eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"; npx vitest run host/adapters'
 * Without one it fails on purpose (a silently skipped keychain test would hide a broken keychain adapter).
 */
const HOW_TO =
  'No Secret Service is reachable, so the keychain adapter cannot be tested. Run this test under a D-Bus session with an unlocked ' +
  `gnome-keyring: dbus-run-session -- bash -c 'eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"; npx vitest run host/adapters'`;

const accounts = [`koppel-test-${randomUUID()}`, `koppel-test-${randomUUID()}`];

async function probe(): Promise<void> {
  try {
    await keytar.setPassword('Koppel', accounts[0] ?? 'probe', 'probe');
    await keytar.deletePassword('Koppel', accounts[0] ?? 'probe');
  } catch (error) {
    throw new Error(`${HOW_TO} (keytar said: ${error instanceof Error ? error.message : String(error)})`);
  }
}

describe('keytar secret store (real keychain)', () => {
  beforeAll(probe);
  afterAll(async () => {
    for (const account of accounts) await keytar.deletePassword('Koppel', account).catch(() => false);
  });

  it('stores, reads, replaces and deletes a secret under service "Koppel", account = connection id', async () => {
    const [a] = accounts;
    if (a === undefined) throw new Error('no account');
    const secrets = createKeytarSecrets();
    expect(await secrets.get(a)).toBeNull();
    await secrets.set(a, 'první-sécret/🔑');
    expect(await secrets.get(a)).toBe('první-sécret/🔑');
    // Other tools (CLI, daemon) find it under the same service and account.
    expect(await keytar.getPassword('Koppel', a)).toBe('první-sécret/🔑');
    await secrets.set(a, 'replaced');
    expect(await secrets.get(a)).toBe('replaced');
    expect(await secrets.delete(a)).toBe(true);
    expect(await secrets.get(a)).toBeNull();
    expect(await secrets.delete(a)).toBe(false);
  });

  it('keeps accounts apart', async () => {
    const [a, b] = accounts;
    if (a === undefined || b === undefined) throw new Error('no accounts');
    const secrets = createKeytarSecrets();
    await secrets.set(a, 'one');
    await secrets.set(b, 'two');
    expect(await secrets.get(a)).toBe('one');
    expect(await secrets.get(b)).toBe('two');
    await secrets.delete(a);
    expect(await secrets.get(b)).toBe('two');
  });
});
