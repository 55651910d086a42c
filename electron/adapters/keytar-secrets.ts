import { createKeytarSecrets } from '../../host/adapters/keytar-secrets';
import type { SecretStore } from '../../host/types';

/** The keytar functions the adapter needs (injected in tests; the real module in the app). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
  findPassword(service: string): Promise<string | null>;
}

/** Keychain service shared by the desktop app, the CLI and the daemon. */
export const KEYCHAIN_SERVICE = 'Koppel';

/**
 * Secrets in the OS keychain: service "Koppel", account = connection id. Uses the host's adapter, so error
 * messages (and the advice to use KOPPEL_SECRET_<CONNECTION>) are the same as in the CLI.
 */
export function createDesktopSecrets(keytar?: KeytarLike): SecretStore {
  return createKeytarSecrets({ service: KEYCHAIN_SERVICE, ...(keytar ? { load: () => Promise.resolve(keytar) } : {}) });
}
