import { describe, expect, it } from 'vitest';
import { createElectronStoreSettings, electronStoreOptions } from './electron-store-settings';
import type { StoreLike } from './electron-store-settings';
import { KEYCHAIN_SERVICE, createDesktopSecrets } from './keytar-secrets';
import type { KeytarLike } from './keytar-secrets';

function memoryStore(): StoreLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v), delete: (k) => void data.delete(k) };
}

function fakeKeytar(): KeytarLike & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
    setPassword: async (service, account, password) => void entries.set(`${service}/${account}`, password),
    deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
    findCredentials: async () => [],
    findPassword: async () => null,
  };
}

describe('electron-store settings adapter', () => {
  it('reads, writes and deletes; undefined deletes like the conf adapter', () => {
    const store = memoryStore();
    const settings = createElectronStoreSettings(store);
    settings.set('language', 'nl');
    settings.set('bindings', { f1: { shop: 'c1' } });
    expect(settings.get('language')).toBe('nl');
    expect(settings.get('bindings')).toEqual({ f1: { shop: 'c1' } });
    settings.set('language', undefined);
    expect(store.data.has('language')).toBe(false);
    settings.delete('bindings');
    expect(settings.get('bindings')).toBeUndefined();
  });

  it('writes the same <home>/config.json as conf, with literal dotted keys', () => {
    expect(electronStoreOptions('/home/anna/.config/koppel')).toEqual({ cwd: '/home/anna/.config/koppel', name: 'config', accessPropertiesByDotNotation: false });
  });
});

describe('keytar secrets adapter', () => {
  it('stores secrets under service "Koppel" with the connection id as account', async () => {
    const keytar = fakeKeytar();
    const secrets = createDesktopSecrets(keytar);
    await secrets.set('conn-1', 's3cret');
    expect(KEYCHAIN_SERVICE).toBe('Koppel');
    expect([...keytar.entries.keys()]).toEqual(['Koppel/conn-1']);
    expect(await secrets.get('conn-1')).toBe('s3cret');
    expect(await secrets.get('other')).toBeNull();
    expect(await secrets.delete('conn-1')).toBe(true);
    expect(await secrets.delete('conn-1')).toBe(false);
  });

  it('explains a locked keychain without leaking the secret', async () => {
    const keytar = { ...fakeKeytar(), setPassword: async () => Promise.reject(new Error('Cannot autolaunch D-Bus')) };
    const secrets = createDesktopSecrets(keytar);
    const err: unknown = await secrets.set('conn-2', 'top-secret-value').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    const message = err instanceof Error ? err.message : '';
    expect(message).toContain("conn-2");
    expect(message).toContain('KOPPEL_SECRET_');
    expect(message).not.toContain('top-secret-value');
  });
});
