import type { Command } from 'commander';
import { runFlow, openLedger, ledgerPath, type FlowDocument } from '../../engine/index';
import { catalog } from '../../nodes/catalog';
import { formatProblem, loadFlow } from '../flow-file';
import { demoClients, demoTargets } from '../demo';
import { RunPrinter } from '../printer';
import { openWorkspace } from '../workspace';
import type { Io } from '../io';

interface RunFlags {
  dryRun?: boolean;
  demo?: boolean;
  json?: boolean;
  only?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `koppel run <flow>`: exit 0 on success, 1 on a partial or failed run, 2 on an invalid flow or configuration. */
export function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description('Run a flow file')
    .argument('<file>', 'a *.flow.json file')
    .option('--dry-run', 'write nothing; report what would be created or updated')
    .option('--demo', 'fill every slot with the demo simulators (KOPPEL_DEMO_VISMA_URL, KOPPEL_DEMO_CCV_URL); start them if nothing answers')
    .option('--json', 'print one JSON event per line')
    .option('--only <key>', 'replay: only this record key (repeatable)', collect)
    .action(async (file: string, flags: RunFlags) => {
      io.exit(await runCommand(file, flags, io));
    });
}

async function runCommand(file: string, flags: RunFlags, io: Io): Promise<number> {
  const loaded = await loadFlow(file, catalog);
  if (!loaded.ok) {
    for (const p of loaded.problems) io.err(formatProblem(p) + '\n');
    io.err(`${file} cannot run: fix the problems above (koppel validate ${file}).\n`);
    return 2;
  }
  const flow: FlowDocument = loaded.flow;
  for (const p of loaded.problems) io.err(formatProblem(p) + '\n');

  let clients: Record<string, unknown>;
  let cleanup: () => Promise<void>;
  try {
    if (flags.demo) {
      const targets = await demoTargets(io.env);
      for (const s of targets.started) io.err(`started ${s}\n`);
      clients = demoClients(flow, targets);
      cleanup = targets.close;
    } else {
      const workspace = openWorkspace(io.env);
      cleanup = workspace.close;
      clients = await workspace.clientsFor(flow).catch(async (error: unknown) => {
        await workspace.close();
        throw error;
      });
    }
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    io.err('Bind the slots with `koppel connections bind`, or try the flow with --demo.\n');
    return 2;
  }

  const ledger = openLedger(ledgerPath({ env: io.env }));
  const controller = new AbortController();
  const onSignal = () => {
    io.err('\nstopping: finishing the records in flight...\n');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const printer = new RunPrinter(io, flags.json ? 'json' : io.isTTY ? 'tty' : 'plain');
  try {
    let recorder: ReturnType<typeof ledger.recorder> | undefined;
    const summary = await runFlow({
      flow,
      catalog,
      clients,
      ledger,
      dryRun: Boolean(flags.dryRun),
      signal: controller.signal,
      ...(flags.only?.length ? { only: { keys: flags.only } } : {}),
      onEvent: (event) => {
        if (event.type === 'run.started') recorder = ledger.recorder(event.runId, flow);
        recorder?.onEvent(event);
        printer.onEvent(event);
      },
    });
    recorder?.flush();
    printer.summary(summary);
    return summary.status === 'succeeded' ? 0 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    ledger.close();
    await cleanup();
  }
}
