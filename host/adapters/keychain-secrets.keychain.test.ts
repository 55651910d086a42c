import { randomUUID } from 'node:crypto';
import { AsyncEntry } from '@napi-rs/keyring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainSecrets } from './keychain-secrets';

/**
 * Runs against the real OS keychain. On Linux it needs a Secret Service, e.g.:
 *   dbus-run-session -- bash -c 'eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"; npx vitest run host/adapters'
 * (`npm test` does this). Without one it fails on purpose: a skipped keychain test would hide a broken adapter.
 */
const HOW_TO =
  'No Secret Service is reachable, so the keychain adapter cannot be tested. Run this test under a D-Bus session with an unlocked ' +
  `gnome-keyring: dbus-run-session -- bash -c 'eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"; npx vitest run host/adapters'`;

const accounts = [`koppel-test-${randomUUID()}`, `koppel-test-${randomUUID()}`];
const options = process.platform === 'linux' ? { linux: { store: 'secret-service' as const } } : undefined;
/** The entry as any other Koppel process (CLI, daemon, app) opens it: service "Koppel", account = connection id. */
const entry = (account: string) => new AsyncEntry('Koppel', account, options);

async function probe(): Promise<void> {
  try {
    await entry(accounts[0] ?? 'probe').setPassword('probe');
    await entry(accounts[0] ?? 'probe').deletePassword();
  } catch (error) {
    throw new Error(`${HOW_TO} (the keychain said: ${error instanceof Error ? error.message : String(error)})`);
  }
}

describe('keychain secret store (real keychain)', () => {
  beforeAll(probe);
  afterAll(async () => {
    for (const account of accounts) await entry(account).deletePassword().catch(() => false);
  });

  it('stores, reads, replaces and deletes a secret under service "Koppel", account = connection id', async () => {
    const [a] = accounts;
    if (a === undefined) throw new Error('no account');
    const secrets = createKeychainSecrets();
    expect(await secrets.get(a)).toBeNull();
    await secrets.set(a, 'první-sécret/🔑');
    expect(await secrets.get(a)).toBe('první-sécret/🔑');
    // Another process (CLI, daemon) finds it under the same service and account.
    expect(await entry(a).getPassword()).toBe('první-sécret/🔑');
    await secrets.set(a, 'replaced');
    expect(await createKeychainSecrets().get(a)).toBe('replaced');
    expect(await secrets.delete(a)).toBe(true);
    expect(await secrets.get(a)).toBeNull();
    expect(await secrets.delete(a)).toBe(false);
  });

  it('keeps accounts apart', async () => {
    const [a, b] = accounts;
    if (a === undefined || b === undefined) throw new Error('no accounts');
    const secrets = createKeychainSecrets();
    await secrets.set(a, 'one');
    await secrets.set(b, 'two');
    expect(await secrets.get(a)).toBe('one');
    expect(await secrets.get(b)).toBe('two');
    await secrets.delete(a);
    expect(await secrets.get(b)).toBe('two');
  });
});
