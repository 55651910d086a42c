import type { SecretStore } from '../types';

type Keytar = typeof import('keytar');

export interface KeytarSecretsOptions {
  /** Keychain service name; the desktop app, the CLI and the daemon all use 'Koppel'. */
  service?: string;
  /** For tests: a stand-in for the keytar module. */
  load?: () => Promise<Keytar>;
}

/** Loaded on first use, so a process that never touches the keychain never needs libsecret. */
async function loadKeytar(): Promise<Keytar> {
  const mod = await import('keytar');
  // keytar is CommonJS: under ESM its functions sit on `default`.
  return 'default' in mod && mod.default ? mod.default : mod;
}

/** Secrets in the OS keychain (Secret Service, macOS Keychain, Windows Credential Vault); account = connection id. */
export function createKeytarSecrets(opts: KeytarSecretsOptions = {}): SecretStore {
  const service = opts.service ?? 'Koppel';
  let keytar: Promise<Keytar> | undefined;
  const get = (): Promise<Keytar> => (keytar ??= (opts.load ?? loadKeytar)());
  const fail = (action: string, account: string, error: unknown): Error =>
    new Error(
      `Could not ${action} the secret of connection '${account}' in the system keychain (${error instanceof Error ? error.message : String(error)}). ` +
        'Check that the keychain is unlocked, or set the KOPPEL_SECRET_<CONNECTION> environment variable instead.',
    );
  return {
    async get(account) {
      try {
        return await (await get()).getPassword(service, account);
      } catch (error) {
        throw fail('read', account, error);
      }
    },
    async set(account, secret) {
      try {
        await (await get()).setPassword(service, account, secret);
      } catch (error) {
        throw fail('store', account, error);
      }
    },
    async delete(account) {
      try {
        return await (await get()).deletePassword(service, account);
      } catch (error) {
        throw fail('delete', account, error);
      }
    },
  };
}
