import { Command, CommanderError } from 'commander';
import { processIo, type Io } from './io';
import { registerSim } from './commands/sim';
import { registerRun } from './commands/run';
import { registerValidate } from './commands/validate';
import { registerConnections } from './commands/connections';
import { registerServe } from './commands/serve';
import { registerDaemon } from './commands/daemon';

/** Builds the `koppel` command tree writing through `io`. */
export function buildProgram(io: Io): Command {
  const program = new Command('koppel')
    .description('Koppel: integration flows between Visma.net ERP and CCV Shop')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerRun(program, io);
  registerValidate(program, io);
  registerSim(program, io);
  registerConnections(program, io);
  registerServe(program, io);
  registerDaemon(program, io);
  return program;
}

/** Entry point of the `koppel` command; returns the process exit code. */
export async function main(argv: string[], io?: Io): Promise<number> {
  let code = 0;
  const theIo = io ?? processIo((c) => (code = Math.max(code, c)));
  const program = buildProgram(theIo);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    theIo.err(`koppel: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  return code;
}
