import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { readFile } from 'node:fs/promises';
import { parseFlow } from '../../engine/index';
import { catalog } from '../../nodes/catalog';
import { secretEnvName } from '../../host/secret-env';
import { openWorkspace } from '../workspace';
import type { Io } from '../io';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function keyValues(pairs: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`"${pair}" is not key=value (e.g. --set clientId=isv_acme).`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

/** Reads the secret from stdin (never from argv, where it would land in the shell history and `ps`). */
async function readSecret(io: Io, label: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks).toString('utf8').trim();
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    io.err(`${label} (input hidden is not supported on every terminal; it is stored in the keychain): `);
    return (await rl.question('')).trim();
  } finally {
    rl.close();
  }
}

async function withWorkspace<T>(io: Io, fn: (ws: ReturnType<typeof openWorkspace>) => Promise<T>): Promise<T | undefined> {
  const ws = openWorkspace(io.env);
  try {
    return await fn(ws);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    io.exit(2);
    return undefined;
  } finally {
    await ws.close();
  }
}

/** `koppel connections add|list|test|remove|bind`: connections with their secrets in the OS keychain. */
export function registerConnections(program: Command, io: Io): void {
  const cmd = program.command('connections').description('Manage connections to Visma.net and CCV Shop (secrets go to the OS keychain)');

  cmd
    .command('add')
    .description('Add or update a connection; the secret is read from stdin')
    .argument('<type>', 'visma-net or ccv-shop')
    .argument('<name>', 'a name, e.g. "Visma.net production"')
    .option('--id <id>', 'connection id (default: from the name)')
    .option('--set <key=value>', 'a setting (Visma.net: clientId, tenantId, tokenUrl, apiUrl, salesOrderUrl; CCV Shop: baseUrl, publicKey)', collect)
    .option('--no-secret', 'do not ask for the secret (use KOPPEL_SECRET_<ID> on this machine instead)')
    .action(async (type: string, name: string, flags: { id?: string; set?: string[]; secret: boolean }) => {
      await withWorkspace(io, async (ws) => {
        if (type !== 'visma-net' && type !== 'ccv-shop') throw new Error(`Unknown connection type '${type}': use visma-net or ccv-shop.`);
        const settings = keyValues(flags.set);
        const secret = flags.secret ? await readSecret(io, type === 'visma-net' ? 'Client secret' : 'Secret key') : undefined;
        const saved = await ws.connections
          .save({ ...(flags.id ? { id: flags.id } : {}), type, name, settings, ...(secret ? { secret } : {}) })
          .catch((error: unknown) => {
            if (!secret) throw error;
            // Nothing was saved; on a machine without a keychain the connection can still be added, secret from the environment.
            throw new Error(`${error instanceof Error ? error.message : String(error)}\nNothing was saved. Without a keychain, add the connection with --no-secret and set the variable.`);
          });
        io.out(`saved connection '${saved.id}' (${saved.name}); secret ${saved.hasSecret ? 'stored' : `not stored: set ${secretEnvName(saved.id)}`}\n`);
      });
    });

  cmd
    .command('list')
    .description('List connections (never shows secrets)')
    .option('--json', 'as JSON')
    .action(async (flags: { json?: boolean }) => {
      await withWorkspace(io, async (ws) => {
        const all = await ws.connections.list();
        if (flags.json) return io.out(JSON.stringify(all, null, 2) + '\n');
        if (all.length === 0) return io.out('no connections yet: add one with `koppel connections add`\n');
        for (const c of all) {
          const where = c.settings.baseUrl ?? c.settings.apiUrl ?? 'api.finance.visma.net';
          io.out(`${c.id.padEnd(24)} ${c.type.padEnd(10)} ${c.name}  (${where}${c.hasSecret ? '' : ', no secret'})\n`);
        }
      });
    });

  cmd
    .command('test')
    .description('Test a connection against the real service')
    .argument('<id>')
    .action(async (id: string) => {
      await withWorkspace(io, async (ws) => {
        const result = await ws.clients.test(ws.connections.get(id));
        io.out(`${result.ok ? 'ok' : 'failed'}: ${result.message}\n`);
        if (!result.ok) io.exit(1);
      });
    });

  cmd
    .command('remove')
    .description('Remove a connection and its secret')
    .argument('<id>')
    .action(async (id: string) => {
      await withWorkspace(io, async (ws) => {
        await ws.connections.remove(id);
        io.out(`removed connection '${id}'\n`);
      });
    });

  cmd
    .command('bind')
    .description("Fill a flow's connection slot with a connection on this machine (kept outside the flow file)")
    .argument('<flow>', 'a *.flow.json file')
    .argument('<slot>', 'slot name from the flow\'s "connections"')
    .argument('<id>', 'connection id')
    .action(async (file: string, slot: string, id: string) => {
      await withWorkspace(io, async (ws) => {
        const parsed = parseFlow(await readFile(file, 'utf8'), catalog);
        if (!parsed.ok) throw new Error(`${file} is not a valid flow: ${parsed.problems[0]?.message ?? 'unknown problem'} Run koppel validate ${file}.`);
        const spec = parsed.flow.connections[slot];
        if (!spec) throw new Error(`Flow '${parsed.flow.name}' has no slot '${slot}'. Its slots: ${Object.keys(parsed.flow.connections).join(', ') || 'none'}.`);
        const connection = ws.connections.get(id);
        if (connection.type !== spec.type) throw new Error(`Slot '${slot}' needs a ${spec.type} connection; '${id}' is ${connection.type}.`);
        ws.bindings.set(parsed.flow.id, slot, id);
        io.out(`flow '${parsed.flow.name}': slot '${slot}' → connection '${id}'\n`);
      });
    });
}
