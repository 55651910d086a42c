import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A user's clone is the whole project: no file may reach outside the repository at run or test time (the vendor
// references live in reference/). Every relative path written in a source or script file must stay inside.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const skip = new Set(['node_modules', 'out', 'dist', 'release', '.git', 'reference', 'coverage', 'test-results']);
// Its import paths belong to virtual files (engine/sub/x.ts, ...) that eslint is asked about, not to the test itself.
const lintFixtures = new Set(['tests/layering.test.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (skip.has(e.name)) return [];
    const at = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(at);
    if (lintFixtures.has(path.relative(root, at))) return [];
    return /\.(ts|tsx|mjs|cjs|js|sh)$/.test(e.name) || e.name === 'run' ? [at] : [];
  });
}

/** Relative paths in string literals ('../x', "./y", `../z`), resolved against the file's folder. */
function escapingPaths(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s$]*)['"`]/g)) {
    const target = path.resolve(path.dirname(file), m[1] ?? '');
    if (target !== root && !target.startsWith(root + path.sep)) out.push(`${path.relative(root, file)}: ${m[1]}`);
  }
  if (/\bshared\/(reference|DESIGN)/.test(text)) out.push(`${path.relative(root, file)}: names the shared folder outside the repository`);
  return out;
}

describe('the repository stands on its own', () => {
  it('no source, test or script file points outside the repository', () => {
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(escapingPaths)).toEqual([]);
  });

  it('the reference files the tests read are in reference/', () => {
    for (const file of ['visma-net/visma-net-erp-service-api.trimmed.openapi.json', 'visma-net/visma-net-salesorders-v3.trimmed.openapi.json', 'ccv-shop/auth_test_vectors.json', 'ccv-shop/schemas/products.json']) {
      expect(() => JSON.parse(readFileSync(path.join(root, 'reference', file), 'utf8')), file).not.toThrow();
    }
    expect(readFileSync(path.join(root, 'reference/README.md'), 'utf8')).toMatch(/where it comes from/);
  });
});
