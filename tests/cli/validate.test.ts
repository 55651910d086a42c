import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';
import type { Io } from '../../cli/io';

/** Runs the CLI in-process and captures what it prints and the exit code. */
async function koppel(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  let code = 0;
  const io: Io = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    exit: (c) => void (code = Math.max(code, c)),
    isTTY: false,
    env: { ...env },
  };
  const returned = await main(['node', 'koppel', ...args], io);
  return { out, err, code: Math.max(code, returned) };
}

let dir: string;
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

const validFlow = {
  koppel: 2,
  id: 'demo',
  name: 'Demo',
  nodes: [
    { id: 'start', type: 'trigger.manual', version: 1, params: {} },
    { id: 'keep', type: 'core.filter', version: 1, params: { mode: 'expression', expression: 'true' } },
  ],
  edges: [{ from: { node: 'start', port: 'out' }, to: { node: 'keep', port: 'in' } }],
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'koppel-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('koppel validate', () => {
  it('accepts a valid flow with exit 0', async () => {
    const r = await koppel(['validate', file('ok.flow.json', JSON.stringify(validFlow))]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/valid \(2 nodes/);
    expect(r.code).toBe(0);
  });

  it('reports malformed JSON with its line, exit 2', async () => {
    const r = await koppel(['validate', file('broken.flow.json', '{\n  "koppel": 2,\n  "id": "x",,\n}')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 3/);
  });

  it('names an unknown node type and the node, exit 2', async () => {
    const flow = { ...validFlow, nodes: [...validFlow.nodes, { id: 'mystery', type: 'acme.teleport', version: 1, params: {} }] };
    const r = await koppel(['validate', file('unknown.flow.json', JSON.stringify(flow))]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("node 'mystery'");
    expect(r.err).toContain('acme.teleport');
  });

  it('names a JSONata expression that does not compile, exit 2', async () => {
    const flow = { ...validFlow, nodes: [validFlow.nodes[0], { ...validFlow.nodes[1], params: { mode: 'expression', expression: 'price >' } }] };
    const r = await koppel(['validate', file('expr.flow.json', JSON.stringify(flow))]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("node 'keep'");
    expect(r.err).toMatch(/expression/i);
  });

  it('refuses to run an invalid flow with exit 2 and a pointer to validate', async () => {
    const r = await koppel(['run', file('not-json.flow.json', 'not json at all')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('koppel validate');
  });

  it('says when the file does not exist', async () => {
    const r = await koppel(['validate', path.join(dir, 'nope.flow.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('There is no file');
  });

  it('prints the flow file JSON Schema', async () => {
    const r = await koppel(['schema']);
    const schema: unknown = JSON.parse(r.out);
    expect(schema).toMatchObject({ type: 'object' });
    expect(r.out).toContain('"koppel"');
  });
});
