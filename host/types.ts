import type { Channel, ChannelOutput, RunEvent } from './contract';

/** Non-secret settings: `conf` under Node, electron-store in Electron (same file format). */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** Secrets: the OS keychain (keytar, service "Koppel", account = connection id). */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export interface HostOptions {
  /** Data folder (KOPPEL_HOME): ledger, flow library, settings. */
  home: string;
  mode: 'desktop' | 'web';
  settings: SettingsStore;
  secrets: SecretStore;
  /** OS language, e.g. 'nl-NL', used until the user picks one. */
  locale?: string;
}

export interface Host {
  /** Validates `input` with the contract's schema, then runs the handler. */
  invoke<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>>;
  onRunEvent(listener: (event: RunEvent) => void): () => void;
  close(): Promise<void>;
}
