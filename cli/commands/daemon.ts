import type { Command } from 'commander';
import { runDaemon, type DaemonOptions } from '../daemon/run-daemon';
import type { Io } from '../io';

/**
 * `koppel daemon`: runs the flow schedules headless — same settings file, keychain (or KOPPEL_SECRET_*) and ledger
 * under KOPPEL_HOME as the desktop app — with retention and notifications, until SIGINT/SIGTERM.
 */
export function registerDaemon(program: Command, io: Io, deps: Omit<DaemonOptions, 'io' | 'json'> = {}): void {
  program
    .command('daemon')
    .description('Run the flow schedules without the desktop app (for a server or an always-on PC)')
    .option('--json', 'print one JSON object per line')
    .action(async (flags: { json?: boolean }) => {
      io.exit(await runDaemon({ ...deps, io, json: Boolean(flags.json) }));
    });
}
