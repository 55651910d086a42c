import { describe, expect, it } from 'vitest';
import { createKeychainSecrets, type Keychain } from './keychain-secrets';
import { LegacyKeychainError, type LegacyKeychain } from './legacy-keytar';

/** An in-memory keychain that records calls and can fail like an unreachable Secret Service does. */
function fakeKeychain(fail?: string) {
  const calls: string[] = [];
  const entries = new Map<string, string>();
  const check = () => {
    if (fail) throw new Error(fail);
  };
  const keychain: Keychain = {
    get: async (service, account) => (check(), calls.push(`get ${service}/${account}`), entries.get(`${service}/${account}`) ?? null),
    set: async (service, account, secret) => {
      check();
      calls.push(`set ${service}/${account}`);
      entries.set(`${service}/${account}`, secret);
    },
    delete: async (service, account) => (check(), entries.delete(`${service}/${account}`)),
  };
  return { keychain, calls, entries };
}

function fakeLegacy(initial: Record<string, string>, opts: { readFails?: boolean } = {}) {
  const entries = new Map(Object.entries(initial));
  const legacy: LegacyKeychain = {
    read: async (service, account) => {
      if (opts.readFails) throw new LegacyKeychainError('Cannot unlock the login keyring: prompt dismissed');
      return entries.get(`${service}/${account}`) ?? null;
    },
    remove: async (service, account) => entries.delete(`${service}/${account}`),
  };
  return { legacy, entries };
}

describe('keychain secret store', () => {
  it('uses service "Koppel" and the connection id as account, opening the keychain only on first use', async () => {
    const { keychain, calls } = fakeKeychain();
    let loads = 0;
    const secrets = createKeychainSecrets({ keychain: async () => (loads++, keychain), legacy: () => null });
    expect(loads).toBe(0);
    await secrets.set('demo-ccv-shop', 'k');
    expect(await secrets.get('demo-ccv-shop')).toBe('k');
    expect(calls).toEqual(['set Koppel/demo-ccv-shop', 'get Koppel/demo-ccv-shop']);
    expect(loads).toBe(1);
    expect(await secrets.delete('demo-ccv-shop')).toBe(true);
    expect(await secrets.delete('demo-ccv-shop')).toBe(false);
  });

  it('explains an unreachable keychain with the connection and its KOPPEL_SECRET_ variable, never the secret', async () => {
    const { keychain } = fakeKeychain('No DBus session or Secret Service provider found');
    const secrets = createKeychainSecrets({ keychain: async () => keychain, legacy: () => null });
    const error = await secrets.set('my-shop', 'super-secret-value').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = error instanceof Error ? error.message : '';
    expect(message).toContain("connection 'my-shop'");
    expect(message).toContain('KOPPEL_SECRET_MY_SHOP');
    expect(message).toContain('No DBus session or Secret Service provider found');
    expect(message).not.toContain('super-secret-value');
    await expect(secrets.get('visma.prod')).rejects.toThrow(/Could not read the secret of connection 'visma.prod'.*KOPPEL_SECRET_VISMA_PROD/);
  });

  it('moves a secret stored by a keytar-based version on first read, and reads it from the new place after', async () => {
    const { keychain, entries } = fakeKeychain();
    const old = fakeLegacy({ 'Koppel/shop': 'old-secret', 'Other/shop': 'not ours' });
    const secrets = createKeychainSecrets({ keychain: async () => keychain, legacy: () => old.legacy });
    expect(await secrets.get('shop')).toBe('old-secret');
    expect(entries.get('Koppel/shop')).toBe('old-secret');
    expect([...old.entries.keys()]).toEqual(['Other/shop']);
    expect(await secrets.get('shop')).toBe('old-secret');
    expect(await secrets.get('unknown')).toBeNull();
  });

  it('keeps the old entry when the new keychain does not read the secret back', async () => {
    const { keychain } = fakeKeychain();
    const lossy: Keychain = { ...keychain, get: async () => null };
    const old = fakeLegacy({ 'Koppel/shop': 'old-secret' });
    const secrets = createKeychainSecrets({ keychain: async () => lossy, legacy: () => old.legacy });
    expect(await secrets.get('shop')).toBe('old-secret');
    expect(old.entries.get('Koppel/shop')).toBe('old-secret');
  });

  it('a locked old keyring is a clear error, not "no secret"', async () => {
    const { keychain } = fakeKeychain();
    const old = fakeLegacy({}, { readFails: true });
    const secrets = createKeychainSecrets({ keychain: async () => keychain, legacy: () => old.legacy });
    await expect(secrets.get('shop')).rejects.toThrow(/prompt dismissed.*KOPPEL_SECRET_SHOP/);
  });

  it('saving or deleting a connection also removes its old entry, so it cannot come back', async () => {
    const { keychain } = fakeKeychain();
    const old = fakeLegacy({ 'Koppel/a': 'old-a', 'Koppel/b': 'old-b' });
    const secrets = createKeychainSecrets({ keychain: async () => keychain, legacy: () => old.legacy });
    await secrets.set('a', 'new-a');
    expect(old.entries.has('Koppel/a')).toBe(false);
    expect(await secrets.get('a')).toBe('new-a');
    expect(await secrets.delete('b')).toBe(true);
    expect(await secrets.get('b')).toBeNull();
  });
});
