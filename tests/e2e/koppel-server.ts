/**
 * Runs what `koppel serve` runs — the host services plus the web server on 127.0.0.1, port 0 — in this process,
 * on a throw-away KOPPEL_HOME. Not the child process: `koppel serve` keeps secrets in the OS keychain, and a
 * test machine (CI, containers) has none, so the demo setup could not store its secrets. Everything else is the
 * same code path as `cli/commands/serve.ts`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { channelSchemas, envelopeSchema } from '../../host/contract';
import type { Channel, ChannelInput, ChannelOutput } from '../../host/contract';
import { createHost } from '../../host/index';
import { createConfSettings } from '../../host/adapters/conf-settings';
import { createMemorySecrets } from '../../host/adapters/memory-secrets';
import { startWebServer } from '../../host/web/server';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
// The tests' own build: `out/renderer/` is rebuilt by whoever works on the editor, and a build empties its folder.
const staticDir = join(repoRoot, 'out', 'e2e-renderer');

export interface KoppelServer {
  url: string;
  origin: string;
  token: string;
  home: string;
  /** Calls a host channel over HTTP, as the renderer does, and returns the result checked against the contract. */
  call<C extends Channel>(channel: C, ...input: Record<string, never> extends ChannelInput<C> ? [ChannelInput<C>?] : [ChannelInput<C>]): Promise<ChannelOutput<C>>;
  stop(): Promise<void>;
}

export async function startKoppel(): Promise<KoppelServer> {
  await ensureRenderer();
  const home = mkdtempSync(join(tmpdir(), 'koppel-e2e-'));
  const host = await createHost({
    home,
    mode: 'web',
    settings: createConfSettings({ cwd: home }),
    secrets: createMemorySecrets(),
    // No KOPPEL_SECRET_* from the developer's shell may leak into the test.
    env: {},
    locale: 'en-GB',
  });
  const server = await startWebServer({ host, port: 0, staticDir });
  const origin = new URL(server.url).origin;
  return {
    url: server.url,
    origin,
    token: server.token,
    home,
    call: (channel, ...input) => callHost(origin, server.token, channel, input[0] ?? {}),
    stop: async () => {
      await server.close();
      await host.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Newest modification time of the editor's sources, so a stale build is not what gets tested. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function isFresh(index: string): boolean {
  if (!existsSync(index)) return false;
  // The renderer bundles the contract and, through it, the engine's schema modules.
  const contract = readdirSync(join(repoRoot, 'host')).filter((n) => n.startsWith('contract'));
  const sources = Math.max(newestSource(join(repoRoot, 'renderer')), newestSource(join(repoRoot, 'engine')), ...contract.map((n) => statSync(join(repoRoot, 'host', n)).mtimeMs));
  return statSync(index).mtimeMs >= sources;
}

/**
 * Builds `out/renderer/` when missing (a fresh checkout) or older than the sources; a lock folder keeps the
 * test files, which run in parallel, from building at the same time.
 */
async function ensureRenderer(): Promise<void> {
  const index = join(staticDir, 'index.html');
  if (isFresh(index)) return;
  const lock = join(repoRoot, 'out', '.e2e-build.lock');
  mkdirSync(join(repoRoot, 'out'), { recursive: true });
  let mine = false;
  try {
    mkdirSync(lock);
    mine = true;
  } catch {
    // Another test file is building it: wait for its result.
  }
  if (mine) {
    try {
      const { build } = await import('vite');
      await build({ configFile: join(repoRoot, 'vite.renderer.config.ts'), logLevel: 'warn', build: { outDir: staticDir, emptyOutDir: true } });
    } finally {
      rmdirSync(lock);
    }
    return;
  }
  // Another file holds the lock: wait until it is gone (its build finished), at most two minutes.
  for (let i = 0; i < 1200 && existsSync(lock); i++) await sleep(100);
  if (!existsSync(index)) throw new Error(`The editor was not built to ${staticDir}. Check that "npm run build:renderer" works, then try again.`);
}

async function callHost<C extends Channel>(origin: string, token: string, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  const res = await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-koppel-token': token },
    body: JSON.stringify(input),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const env = envelopeSchema.safeParse(body);
  if (!res.ok || !env.success || !env.data.ok) throw new Error(`Host channel ${channel} answered HTTP ${res.status}: ${text.slice(0, 500)}`);
  return channelSchemas[channel].output.parse(env.data.result);
}
