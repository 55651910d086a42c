import type { SettingsStore } from '../../host/types';

/** The part of an electron-store instance the adapter uses (injected: electron-store loads Electron). */
export interface StoreLike {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** Options for `new Store(...)` so the desktop app writes the same `<KOPPEL_HOME>/config.json` as `conf` under Node. */
export function electronStoreOptions(home: string): { cwd: string; name: string; accessPropertiesByDotNotation: false } {
  return { cwd: home, name: 'config', accessPropertiesByDotNotation: false };
}

/** Non-secret settings through electron-store; `undefined` deletes, as in the conf adapter. */
export function createElectronStoreSettings(store: StoreLike): SettingsStore {
  return {
    get: (key) => store.get(key),
    set: (key, value) => {
      if (value === undefined) store.delete(key);
      else store.set(key, value);
    },
    delete: (key) => store.delete(key),
  };
}
