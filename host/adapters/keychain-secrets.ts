import { secretEnvName } from '../secret-env';
import type { SecretStore } from '../types';
import { LegacyKeychainError, openLegacyKeychain, type LegacyKeychain } from './legacy-keytar';

/** Keychain service shared by the desktop app, the CLI and the daemon; the account is the connection id. */
export const KEYCHAIN_SERVICE = 'Koppel';

/** The three keychain calls Koppel makes (the shape of `@napi-rs/keyring`'s AsyncEntry). */
export interface Keychain {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
}

export interface KeychainSecretsOptions {
  service?: string;
  /** For tests: a stand-in for the OS keychain. */
  keychain?: () => Promise<Keychain>;
  /** For tests: a stand-in for the entries of the keytar-based versions; null = none on this platform. */
  legacy?: () => LegacyKeychain | null;
}

/** The OS keychain through `@napi-rs/keyring` (prebuilt N-API: Secret Service, macOS Keychain, Windows Credential Manager). */
async function loadNativeKeychain(): Promise<Keychain> {
  const { AsyncEntry } = await import('@napi-rs/keyring');
  // On Linux only the Secret Service: the binding would otherwise fall back, silently, to the kernel keyring,
  // which forgets every secret at the next reboot. Without a Secret Service the user is told to use KOPPEL_SECRET_*.
  const options = process.platform === 'linux' ? { linux: { store: 'secret-service' as const } } : undefined;
  // The constructor throws when the store is unreachable; inside an async function that becomes a rejection.
  const entry = async (service: string, account: string) => new AsyncEntry(service, account, options);
  return {
    get: async (service, account) => (await entry(service, account)).getPassword(),
    set: async (service, account, secret) => (await entry(service, account)).setPassword(secret),
    delete: async (service, account) => (await entry(service, account)).deletePassword(),
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a bookkeeper or an administrator reads when the keychain cannot be used: the connection and both ways out. */
function keychainError(action: 'read' | 'store' | 'delete', account: string, error: unknown): Error {
  return new Error(
    `Could not ${action} the secret of connection '${account}' in the system keychain (${reason(error)}). ` +
      'Unlock the keychain (on Linux a Secret Service such as GNOME Keyring or KWallet must be running), ' +
      `or, on a machine without a keychain, set the environment variable ${secretEnvName(account)} instead.`,
  );
}

/**
 * Secrets in the OS keychain: service "Koppel", account = connection id — the same code path for the app, the CLI
 * and the daemon. A secret stored by a keytar-based version of Koppel is moved on first read: written through the new
 * binding, read back, and only then removed from its old place, so no stored secret is lost on the way.
 */
export function createKeychainSecrets(opts: KeychainSecretsOptions = {}): SecretStore {
  const service = opts.service ?? KEYCHAIN_SERVICE;
  let loaded: Promise<Keychain> | undefined;
  const keychain = (): Promise<Keychain> => (loaded ??= (opts.keychain ?? loadNativeKeychain)());
  const legacy = opts.legacy ?? openLegacyKeychain;

  const withKeychain = async <T>(action: 'read' | 'store' | 'delete', account: string, call: (k: Keychain) => Promise<T>): Promise<T> => {
    try {
      return await call(await keychain());
    } catch (error) {
      throw keychainError(action, account, error);
    }
  };

  /** Moves the keytar entry of `account` (if any) to the new binding; null when there is none. */
  const moveLegacy = async (account: string): Promise<string | null> => {
    const old = legacy();
    if (old === null) return null;
    let secret: string | null;
    try {
      secret = await old.read(service, account);
    } catch (error) {
      if (error instanceof LegacyKeychainError) throw keychainError('read', account, error);
      return null;
    }
    if (secret === null) return null;
    await withKeychain('store', account, (k) => k.set(service, account, secret));
    const back = await withKeychain('read', account, (k) => k.get(service, account));
    // Only a secret that reads back the same leaves its old place; otherwise both stay and the old one is used.
    if (back === secret) await old.remove(service, account).catch(() => false);
    return secret;
  };

  return {
    async get(account) {
      const found = await withKeychain('read', account, (k) => k.get(service, account));
      return found ?? moveLegacy(account);
    },
    async set(account, secret) {
      await withKeychain('store', account, (k) => k.set(service, account, secret));
      // An older secret of this connection must not come back if the new entry is removed later.
      await legacy()?.remove(service, account).catch(() => false);
    },
    async delete(account) {
      const removed = await withKeychain('delete', account, (k) => k.delete(service, account));
      // The old entry goes too, or the next read would move it back.
      let removedOld = false;
      try {
        removedOld = (await legacy()?.remove(service, account)) ?? false;
      } catch (error) {
        if (error instanceof LegacyKeychainError) throw keychainError('delete', account, error);
      }
      return removed || removedOld;
    },
  };
}
