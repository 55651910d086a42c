import { homedir } from 'node:os';
import { join } from 'node:path';

export interface HomeEnv {
  env?: Readonly<Record<string, string | undefined>>;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * Koppel's per-user folder: `$KOPPEL_HOME`, else the OS config folder (`%APPDATA%/Koppel`,
 * `~/Library/Application Support/Koppel`, `$XDG_CONFIG_HOME/koppel` or `~/.config/koppel`).
 */
export function koppelHome(opts: HomeEnv = {}): string {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const home = opts.home ?? homedir();
  if (env.KOPPEL_HOME) return env.KOPPEL_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Koppel');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Koppel');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'koppel');
}

export function ledgerPath(opts: HomeEnv = {}): string {
  return join(koppelHome(opts), 'ledger.db');
}
