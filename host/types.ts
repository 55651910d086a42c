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
  /** App version shown in app.info; default: the version in package.json. */
  version?: string;
  /** Environment for `KOPPEL_SECRET_<CONNECTION>` overrides; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Folder with the example flows copied by demo.setup; default `flows-examples/` next to `host/`. */
  examplesDir?: string;
  /** Starts the simulators behind the demo connections; default: both embedded simulators, once per process. */
  demoSimulators?: DemoSimulatorLauncher;
}

/** The embedded Visma.net and CCV Shop simulators that back the demo workspace. */
export interface DemoSimulators {
  visma: {
    tokenUrl: string;
    apiUrl: string;
    salesOrderUrl: string;
    credentials: { clientId: string; clientSecret: string; tenantId: string };
  };
  ccv: { url: string; credentials: { publicKey: string; secretKey: string } };
  close(): Promise<void>;
}
export type DemoSimulatorLauncher = () => Promise<DemoSimulators>;

export interface Host {
  /** Validates `input` with the contract's schema, then runs the handler. */
  invoke<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>>;
  onRunEvent(listener: (event: RunEvent) => void): () => void;
  close(): Promise<void>;
}
