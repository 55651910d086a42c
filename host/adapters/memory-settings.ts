import type { SettingsStore } from '../types';

/** A `SettingsStore` in memory: for tests. Values are copied through JSON like the file-backed stores do. */
export function createMemorySettings(): SettingsStore {
  const values = new Map<string, string>();
  return {
    get: (key) => {
      const text = values.get(key);
      return text === undefined ? undefined : JSON.parse(text);
    },
    set: (key, value) => {
      if (value === undefined) values.delete(key);
      else values.set(key, JSON.stringify(value));
    },
    delete: (key) => {
      values.delete(key);
    },
  };
}
