import type { z } from 'zod';
import { isJsonObject } from '../json';
import type { NodeCatalog } from '../types';
import { parseJsonText } from './json-text';
import { migrateFormat, migrateNodes } from './migrate';
import type { FormatMigration } from './migrate';
import { formatMigrations } from './migrate';
import { hasErrors, issuesToProblems } from './problems';
import type { Problem } from './problems';
import type { FlowDocument } from './schema';
import { flowDocumentSchema } from './schema';

export type ParseFlowResult =
  | { ok: true; flow: FlowDocument; /** What was converted on the way (older format or node versions). */ notes: string[] }
  | { ok: false; problems: Problem[] };

function nodeIdAt(doc: unknown, index: number): string | undefined {
  if (!isJsonObject(doc)) return undefined;
  const nodes = doc.nodes;
  if (!Array.isArray(nodes)) return undefined;
  const node = nodes[index];
  return isJsonObject(node) && typeof node.id === 'string' ? node.id : undefined;
}

/** Issues inside `nodes[i]` are reported against the node (by id) with the path inside it. */
function documentProblems(issues: readonly z.core.$ZodIssue[], doc: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const [first, index, ...rest] = issue.path;
    if (first === 'nodes' && typeof index === 'number') {
      const nodeId = nodeIdAt(doc, index);
      const rawNodes = isJsonObject(doc) && Array.isArray(doc.nodes) ? doc.nodes : [];
      const inner = { ...issue, path: rest };
      const subject = rest[0] === 'params' ? 'Parameter' : 'Field';
      const found = issuesToProblems([inner], { root: rawNodes[index], subject, ...(nodeId !== undefined ? { nodeId } : { fieldPrefix: `nodes[${index}]` }) });
      problems.push(...found);
    } else {
      problems.push(...issuesToProblems([issue], { root: doc, subject: 'Field' }));
    }
  }
  return problems;
}

/**
 * Reads a flow file (text or already-parsed JSON): syntax, older formats, the document schema and node versions.
 * Semantic checks (ports, cycles, params against node schemas) are `validateFlow`'s job.
 */
export function parseFlow(input: unknown, catalog: NodeCatalog, migrations: readonly FormatMigration[] = formatMigrations): ParseFlowResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
    raw = parsed.value;
  }
  if (!isJsonObject(raw)) {
    return {
      ok: false,
      problems: [{ severity: 'error', message: 'The flow file must hold one JSON object ({ "koppel": 2, ... }).', fix: 'Open a file saved by Koppel (*.flow.json).' }],
    };
  }
  const format = migrateFormat(raw, migrations);
  if (!format.ok) return { ok: false, problems: format.problems };
  const result = flowDocumentSchema.safeParse(format.doc);
  if (!result.success) return { ok: false, problems: documentProblems(result.error.issues, format.doc) };
  const nodes = migrateNodes(result.data, catalog);
  if (hasErrors(nodes.problems)) return { ok: false, problems: nodes.problems };
  return { ok: true, flow: nodes.flow, notes: [...format.notes, ...nodes.notes] };
}
