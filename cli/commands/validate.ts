import type { Command } from 'commander';
import { catalog } from '../../nodes/catalog';
import { flowJsonSchema } from '../../engine/index';
import { formatProblem, loadFlow } from '../flow-file';
import type { Io } from '../io';

/** `koppel validate <file>` and `koppel schema`. */
export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('Check a flow file without running it; prints each problem and exits 2 when there are errors')
    .argument('<file>', 'a *.flow.json file')
    .option('--json', 'print the problems as JSON')
    .action(async (file: string, flags: { json?: boolean }) => {
      const loaded = await loadFlow(file, catalog);
      if (flags.json) io.out(JSON.stringify({ ok: loaded.ok, problems: loaded.problems }, null, 2) + '\n');
      else {
        for (const p of loaded.problems) io.err(formatProblem(p) + '\n');
        if (loaded.ok) io.out(`${file}: valid (${loaded.flow.nodes.length} nodes${loaded.problems.length ? `, ${loaded.problems.length} warnings` : ''})\n`);
        else io.err(`${file}: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}\n`);
      }
      io.exit(loaded.ok ? 0 : 2);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of the flow file format')
    .action(() => {
      io.out(JSON.stringify(flowJsonSchema(), null, 2) + '\n');
    });
}
