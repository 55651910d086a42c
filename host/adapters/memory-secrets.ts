import type { SecretStore } from '../types';

/** A `SecretStore` that keeps secrets in memory only: for tests and throw-away sessions. */
export function createMemorySecrets(initial: Record<string, string> = {}): SecretStore {
  const entries = new Map(Object.entries(initial));
  return {
    get: async (account) => entries.get(account) ?? null,
    set: async (account, secret) => {
      entries.set(account, secret);
    },
    delete: async (account) => entries.delete(account),
  };
}
