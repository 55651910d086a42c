import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureRenderer } from '../../cli/commands/serve';

// A fresh clone has no out/renderer: `koppel serve` builds the editor on its first start.
const out = mkdtempSync(path.join(tmpdir(), 'koppel-renderer-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('koppel serve in a fresh clone', () => {
  it('builds the editor where it serves it from, once', async () => {
    const said: string[] = [];
    await ensureRenderer({ err: (t) => void said.push(t) }, false, out);
    expect(said.join('')).toContain('building the editor');
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('<div id="root">');
    expect(html).toMatch(/src="\.\/assets\/[^"]+\.js"/);
    expect(existsSync(path.join(out, 'renderer'))).toBe(false);
    said.length = 0;
    await ensureRenderer({ err: (t) => void said.push(t) }, false, out);
    expect(said).toEqual([]);
  }, 180_000);
});
