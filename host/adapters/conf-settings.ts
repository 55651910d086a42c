import Conf from 'conf';
import type { SettingsStore } from '../types';

export interface ConfSettingsOptions {
  /** Folder of the settings file; the Koppel home under Node. */
  cwd: string;
  /** File name without extension; electron-store's default is 'config' too. */
  configName?: string;
}

/**
 * Non-secret settings under plain Node through `conf`. Same file as electron-store writes (`<cwd>/config.json`,
 * tab-indented JSON), so the desktop app, the CLI and `koppel serve` share one settings file.
 */
export function createConfSettings(opts: ConfSettingsOptions): SettingsStore & { readonly path: string } {
  const store = new Conf<Record<string, unknown>>({
    cwd: opts.cwd,
    configName: opts.configName ?? 'config',
    projectName: 'koppel',
    // Keys are plain top-level names; dots in ids must not be read as paths.
    accessPropertiesByDotNotation: false,
  });
  return {
    path: store.path,
    get: (key) => store.get(key),
    set: (key, value) => {
      if (value === undefined) store.delete(key);
      else store.set(key, value);
    },
    delete: (key) => {
      store.delete(key);
    },
  };
}
