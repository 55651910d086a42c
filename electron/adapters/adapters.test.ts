import { describe, expect, it } from 'vitest';
import { createElectronStoreSettings, electronStoreOptions } from './electron-store-settings';
import type { StoreLike } from './electron-store-settings';

function memoryStore(): StoreLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v), delete: (k) => void data.delete(k) };
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
