import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// A server without a keychain: the D-Bus address points nowhere, as on a headless machine with no session bus.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const home = mkdtempSync(path.join(tmpdir(), 'koppel-no-keychain-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function koppel(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, KOPPEL_HOME: home, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/koppel-test-bus', ...opts.env };
  for (const key of Object.keys(env)) if (key.startsWith('KOPPEL_SECRET_') && !(opts.env && key in opts.env)) delete env[key];
  const r = spawnSync(process.execPath, [path.join(root, 'bin/koppel.mjs'), ...args], { cwd: root, env, input: opts.input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const add = ['connections', 'add', 'ccv-shop', 'My shop', '--set', 'baseUrl=https://myshop.ccvshop.nl', '--set', 'publicKey=abc123'];

describe('koppel without a reachable keychain', () => {
  it('refuses to store a secret with a message naming the connection and KOPPEL_SECRET_<ID>, no stack trace, nothing saved', () => {
    const r = koppel(add, { input: 'the-secret-key' });
    expect(r.code).toBe(2);
    expect(r.err).toContain("connection 'my-shop'");
    expect(r.err).toContain('KOPPEL_SECRET_MY_SHOP');
    expect(r.err).toContain('--no-secret');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.err + r.out).not.toContain('the-secret-key');
    expect(koppel(['connections', 'list']).out).toContain('no connections yet');
  });

  it('adds the connection with --no-secret and takes the secret from the environment', () => {
    const r = koppel([...add, '--no-secret']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('set KOPPEL_SECRET_MY_SHOP');
    expect(koppel(['connections', 'list']).out).toMatch(/my-shop .*no secret/);
    expect(koppel(['connections', 'list'], { env: { KOPPEL_SECRET_MY_SHOP: 'from-env' } }).out).not.toContain('no secret');
  });

  it('a run that needs the secret says where to put it', () => {
    const r = koppel(['connections', 'test', 'my-shop']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('KOPPEL_SECRET_MY_SHOP');
    expect(r.out + r.err).not.toMatch(/\n\s+at /);
  });
});
