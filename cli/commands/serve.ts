import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { koppelHome } from '../../engine/index';
import { createHost } from '../../host/index';
import { createConfSettings } from '../../host/adapters/conf-settings';
import { createKeychainSecrets } from '../../host/adapters/keychain-secrets';
import { startWebServer } from '../../host/web/server';
import { intOption } from '../options';
import type { Io } from '../io';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const staticDir = path.join(root, 'out', 'renderer');

/**
 * Builds the renderer once when it is missing, so `koppel serve` works right after `npm install`. The config sets
 * its own root (renderer/); giving vite another one here would put the page one folder too deep.
 */
export async function ensureRenderer(io: Pick<Io, 'err'>, rebuild: boolean, outDir = staticDir): Promise<void> {
  if (!rebuild && existsSync(path.join(outDir, 'index.html'))) return;
  io.err('building the editor (once, about half a minute)...\n');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.renderer.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  if (!existsSync(path.join(outDir, 'index.html'))) throw new Error(`The editor was built, but ${path.join(outDir, 'index.html')} is missing. Run 'npm run build:renderer' and look at its output.`);
}

/** `koppel serve`: the editor in a browser, backed by the same host services as the desktop app. */
export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description('Serve the editor on 127.0.0.1 for a browser (a random per-session token guards it)')
    .option('--port <port>', 'port (0 = any free port)', intOption, 0)
    .option('--rebuild', 'rebuild the editor before serving')
    .action(async (flags: { port: number; rebuild?: boolean }) => {
      await ensureRenderer(io, Boolean(flags.rebuild));
      const home = koppelHome({ env: io.env });
      const host = await createHost({
        home,
        mode: 'web',
        settings: createConfSettings({ cwd: home }),
        secrets: createKeychainSecrets(),
        env: io.env,
        locale: Intl.DateTimeFormat().resolvedOptions().locale,
      });
      const server = await startWebServer({ host, port: flags.port, staticDir });
      io.out(JSON.stringify({ ready: true, url: server.url, port: server.port }) + '\n');
      io.err(`Koppel is running. Open ${server.url}\nStop with Ctrl+C.\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await server.close();
      await host.close();
    });
}
