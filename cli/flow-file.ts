import { readFile } from 'node:fs/promises';
import { parseFlow, validateFlow, hasErrors, type FlowDocument, type NodeCatalog, type Problem } from '../engine/index';

export type LoadedFlow = { ok: true; flow: FlowDocument; problems: Problem[]; notes: string[] } | { ok: false; problems: Problem[] };

/** Reads, parses and validates a flow file; never throws for a bad file, the problems say what is wrong. */
export async function loadFlow(file: string, catalog: NodeCatalog, opts: { boundSlots?: Set<string> } = {}): Promise<LoadedFlow> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const message = code === 'ENOENT' ? `There is no file '${file}'.` : `The file '${file}' could not be read (${code || String(error)}).`;
    return { ok: false, problems: [{ severity: 'error', message, fix: 'Check the path, or save the flow from Koppel first.' }] };
  }
  const parsed = parseFlow(text, catalog);
  if (!parsed.ok) return parsed;
  const problems = validateFlow(parsed.flow, catalog, opts.boundSlots ? { boundSlots: opts.boundSlots } : {});
  if (hasErrors(problems)) return { ok: false, problems };
  return { ok: true, flow: parsed.flow, problems, notes: parsed.notes };
}

/** One line per problem: where, what, and what to do. */
export function formatProblem(p: Problem): string {
  const where = [p.nodeId ? `node '${p.nodeId}'` : undefined, p.field, p.line !== undefined ? `line ${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : undefined]
    .filter(Boolean)
    .join(', ');
  return `${p.severity === 'error' ? 'error' : 'warning'}${where ? ` (${where})` : ''}: ${p.message}\n    fix: ${p.fix}`;
}
