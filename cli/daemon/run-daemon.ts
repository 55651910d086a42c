import { mkdirSync } from 'node:fs';
import { koppelHome } from '../../engine/ledger/paths';
import { createConfSettings } from '../../host/adapters/conf-settings';
import { createKeychainSecrets } from '../../host/adapters/keychain-secrets';
import { createHost } from '../../host/index';
import type { KoppelHost } from '../../host/types';
import type { Io } from '../io';
import { createDaemonLog } from './log-lines';

export interface DaemonOptions {
  io: Io;
  json?: boolean;
  /** Builds the host for a KOPPEL_HOME; default: the settings file there, the OS keychain (or KOPPEL_SECRET_*), all nodes. */
  createHost?: (home: string, env: Readonly<Record<string, string | undefined>>) => Promise<KoppelHost>;
  /** Resolves when the daemon should stop; default SIGINT or SIGTERM. */
  stop?: Promise<unknown>;
  /** Called once the schedules run (for tests and service managers). */
  onReady?: () => void;
}

function defaultHost(home: string, env: Readonly<Record<string, string | undefined>>): Promise<KoppelHost> {
  // mode 'web': the daemon has no desktop; app.info reports it like `koppel serve`.
  return createHost({ home, mode: 'web', settings: createConfSettings({ cwd: home }), secrets: createKeychainSecrets(), env });
}

function signals(): { promise: Promise<string>; dispose(): void } {
  let dispose = (): void => undefined;
  const promise = new Promise<string>((resolve) => {
    const onInt = () => resolve('SIGINT');
    const onTerm = () => resolve('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    dispose = () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    };
  });
  return { promise, dispose };
}

/**
 * `koppel daemon`: runs the schedules of KOPPEL_HOME without a desktop until SIGINT/SIGTERM. Exit code 0 after a
 * clean stop, 2 when another Koppel process runs the schedules or the host cannot start.
 */
export async function runDaemon(opts: DaemonOptions): Promise<number> {
  const { io } = opts;
  const home = koppelHome({ env: io.env });
  mkdirSync(home, { recursive: true });
  const log = createDaemonLog((line) => io.out(line + '\n'), Boolean(opts.json));
  const now = () => new Date().toISOString();

  let host: KoppelHost;
  try {
    host = await (opts.createHost ?? defaultHost)(home, io.env);
  } catch (error) {
    io.err(`koppel daemon: Koppel could not start in ${home}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const offRuns = host.onRunEvent((e) => log.onRunEvent(e));
  const offOps = host.onOpsLog((e) => log.onOpsLog(e));
  const stopSignals = opts.stop ? undefined : signals();
  try {
    // Safe before the lock: runs of another live Koppel process are left alone (the ledger knows their pid).
    const abandoned = host.markAbandonedRuns();
    if (abandoned > 0) log.info(now(), `Marked ${abandoned} run${abandoned === 1 ? '' : 's'} left running by a Koppel that stopped as failed.`);
    const started = await host.startScheduler({ owner: 'daemon' });
    if (!started.started) {
      io.err(`koppel daemon: ${started.message} Stop that one first; only one Koppel may run the schedules of a folder.\n`);
      return 2;
    }
    log.info(now(), `Running the schedules of ${home} (process ${process.pid}). Stop with Ctrl+C or SIGTERM.`);
    opts.onReady?.();
    const reason = await (opts.stop ?? stopSignals?.promise);
    log.info(now(), `Stopping${typeof reason === 'string' ? ` (${reason})` : ''}: running flows finish their current batch, the rest is cancelled.`);
    return 0;
  } catch (error) {
    io.err(`koppel daemon: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    stopSignals?.dispose();
    // Stops the scheduler, cancels running flows after their batch, sends the last notifications, releases the lock.
    await host.close();
    offRuns();
    offOps();
    log.info(now(), 'Stopped.');
  }
}
