import { z } from 'zod';
import { ExpressionError } from '../expr/errors';
import { compileJsonata } from '../expr/compiler';
import { tableReferences } from '../expr/table-refs';
import type { AnyNodeDefinition } from '../types';
import { issuesToProblems } from './problems';
import { stripRisky } from './secret-guard';
import type { Problem } from './problems';
import type { FlowDocument, FlowNode } from './schema';

export function nodeLabel(node: FlowNode): string {
  return node.name ? `'${node.name}'` : `'${node.id}'`;
}

function prefixed(node: FlowNode, problems: Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, message: `Node ${nodeLabel(node)}: ${p.message}` }));
}

/** Plain `z.object` drops unknown keys silently; a flow file with a misspelt parameter should say so instead. */
function strippedKeys(schema: z.ZodType, params: Record<string, unknown>): string[] {
  if (!(schema instanceof z.ZodObject) || schema.def.catchall !== undefined) return [];
  const shape = schema.shape;
  return Object.keys(params).filter((k) => !Object.prototype.hasOwnProperty.call(shape, k));
}

function paramProblems(node: FlowNode, def: AnyNodeDefinition): { problems: Problem[]; valid: boolean } {
  const problems: Problem[] = [];
  const parsed = def.params.safeParse(node.params);
  if (!parsed.success) {
    problems.push(...issuesToProblems(parsed.error.issues, { root: node.params, subject: 'Parameter', fieldPrefix: 'params', nodeId: node.id }));
  }
  for (const key of strippedKeys(def.params, node.params)) {
    problems.push({ severity: 'error', nodeId: node.id, field: `params.${key}`, message: `Parameter '${key}' is not known here.`, fix: `Remove '${key}', or check its spelling.` });
  }
  return { problems: prefixed(node, problems), valid: parsed.success };
}

function connectionProblems(node: FlowNode, def: AnyNodeDefinition, flow: FlowDocument): Problem[] {
  const label = nodeLabel(node);
  if (!def.connection) {
    if (node.connection === undefined) return [];
    return [
      {
        severity: 'warning',
        nodeId: node.id,
        field: 'connection',
        message: `Node ${label} does not use a connection, but refers to slot '${node.connection}'.`,
        fix: 'Remove the connection from this node.',
      },
    ];
  }
  if (node.connection === undefined) {
    return [
      {
        severity: 'error',
        nodeId: node.id,
        field: 'connection',
        message: `Node ${label} needs a ${def.connection} connection, but none is chosen.`,
        fix: `Choose a ${def.connection} connection slot for this node.`,
      },
    ];
  }
  const slot = flow.connections[node.connection];
  if (!slot) {
    return [
      {
        severity: 'error',
        nodeId: node.id,
        field: 'connection',
        message: `Node ${label} uses connection slot '${node.connection}', which this flow does not declare.`,
        fix: `Add a ${def.connection} slot named '${node.connection}' under Connections, or pick another slot.`,
      },
    ];
  }
  if (slot.type !== def.connection) {
    return [
      {
        severity: 'error',
        nodeId: node.id,
        field: 'connection',
        message: `Node ${label} needs a ${def.connection} connection, but slot '${node.connection}' is a ${slot.type} connection.`,
        fix: `Pick a ${def.connection} slot for this node.`,
      },
    ];
  }
  return [];
}

function expressionProblems(node: FlowNode, def: AnyNodeDefinition, flow: FlowDocument): Problem[] {
  const problems: Problem[] = [];
  const label = nodeLabel(node);
  for (const { field, source } of def.expressions(node.params)) {
    const where = field;
    try {
      const compiled = compileJsonata(source, where);
      for (const name of tableReferences(compiled.ast())) {
        if (Object.prototype.hasOwnProperty.call(flow.tables, name)) continue;
        problems.push({
          severity: 'error',
          nodeId: node.id,
          field: `params.${field}`,
          message: `Node ${label}: the expression in ${field} uses table '${name}', which this flow does not have.`,
          fix: `Add a value table named '${name}', or correct the name in the expression.`,
        });
      }
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      problems.push({ severity: 'error', nodeId: node.id, field: `params.${field}`, message: `Node ${label}: ${err.message}.`, fix: err.fix });
    }
  }
  return problems;
}

/** Flow files get shared; details that belong in a connection are worth a warning before that happens. */
function privateDetailProblems(node: FlowNode): Problem[] {
  return stripRisky(node.params, 'params').findings.map((f) => ({
    severity: 'warning' as const,
    nodeId: node.id,
    field: f.path,
    message: `Node ${nodeLabel(node)}: '${f.path.replace(/^params\./, '')}' should not be in a flow file: ${f.reason}.`,
    fix: 'Keep secrets, web addresses and account ids in a connection; exporting the flow removes this value.',
  }));
}

/** Everything about one node on its own: its type, version, params, connection slot and expressions. */
export function validateNode(node: FlowNode, def: AnyNodeDefinition | undefined, flow: FlowDocument): Problem[] {
  const label = nodeLabel(node);
  if (!def) {
    return [
      {
        severity: 'error',
        nodeId: node.id,
        field: 'type',
        message: `Node ${label} has type '${node.type}', which this Koppel does not know.`,
        fix: 'Update Koppel, or remove the node.',
      },
    ];
  }
  if (node.version !== def.version) {
    return [
      {
        severity: 'error',
        nodeId: node.id,
        field: 'version',
        message: `Node ${label} is ${def.title} version ${node.version}, but this Koppel has version ${def.version}.`,
        fix: 'Open the flow with parseFlow (it converts older nodes), or update Koppel.',
      },
    ];
  }
  const params = paramProblems(node, def);
  const problems = [...params.problems, ...connectionProblems(node, def, flow), ...privateDetailProblems(node)];
  if (params.valid) problems.push(...expressionProblems(node, def, flow));
  return problems;
}
