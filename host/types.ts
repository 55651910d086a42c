import type { AppMode, Channel, ChannelOutput, RunEvent } from './contract';
import type { z } from 'zod';
import type { opsLogEntrySchema, schedulerOwnerSchema } from './contract-ops';

type OpsLogEntryShape = z.infer<typeof opsLogEntrySchema>;

/** Non-secret settings: `conf` under Node, electron-store in Electron (same file format). */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** Secrets: the OS keychain (@napi-rs/keyring, service "Koppel", account = connection id). */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export interface HostOptions {
  /** Data folder (KOPPEL_HOME): ledger, flow library, settings. */
  home: string;
  mode: AppMode;
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
  /** Shows a desktop notification (the shell provides it); absent under the daemon and `koppel serve`. */
  notify?: (notification: DesktopNotification) => void;
  /** Time and timers of the scheduler, notifications and dashboard; default the system clock. Tests pass a fake. */
  clock?: Clock;
  /** Base web address of this Koppel (koppel serve behind a proxy), used for links in e-mails; overrides the setting. */
  webUrl?: string;
  /** Scheduler tuning: longest wait between two checks (wall clock, so sleep is noticed), and how late a run still counts as on time. */
  scheduler?: { maxSleepMs?: number; graceMs?: number };
}

export type TimerHandle = { readonly id: number };

/** Wall-clock time and one-shot timers; injected so schedules are tested without real waiting. */
export interface Clock {
  now(): Date;
  setTimer(callback: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** A desktop notification: the shell shows it and opens `url` (koppel://runs/<id>) when clicked. */
export interface DesktopNotification {
  kind: 'failure' | 'recovery' | 'digest' | 'test';
  title: string;
  body: string;
  url?: string;
  runId?: string;
  flowId?: string;
}

/** What the scheduler reports besides run events: skipped and missed runs, pauses, retention, notification trouble. */
export type OpsLogEntry = OpsLogEntryShape;

/** Who runs the schedules of this KOPPEL_HOME (`<home>/daemon.lock`). */
export type SchedulerOwner = z.infer<typeof schedulerOwnerSchema>;

export type SchedulerStart = { started: true } | { started: false; heldBy: SchedulerOwner; message: string };

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

/** The host as `createHost` returns it: the contract plus the long-running parts (schedules, notifications). */
export interface KoppelHost extends Host {
  /**
   * Runs schedules, daily retention and the digest from now on. Takes `<home>/daemon.lock`; when another live
   * Koppel process holds it, nothing starts and the answer says who runs the schedules.
   */
  startScheduler(opts?: { owner?: SchedulerOwner['owner'] }): Promise<SchedulerStart>;
  /** Stops starting runs (running ones go on) and gives the lock back. */
  stopScheduler(): Promise<void>;
  onOpsLog(listener: (entry: OpsLogEntry) => void): () => void;
  /** Runs left `running` by a Koppel that stopped are marked failed; call at start-up. */
  markAbandonedRuns(): number;
  /** Resolves when notifications being sent are done (for a clean shutdown and tests). */
  settled(): Promise<void>;
}
