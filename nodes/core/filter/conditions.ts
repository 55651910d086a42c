import { z } from 'zod';
import { FieldPathError, getAtPath, isJsonObject, jsonSchema, parseFieldPath } from '../../../engine';
import type { Json, PathSegment } from '../../../engine';

export const conditionOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'in', 'exists', 'empty'] as const;
export type ConditionOp = (typeof conditionOps)[number];
const NO_VALUE: ReadonlySet<ConditionOp> = new Set(['exists', 'empty']);

const opLabels: Record<ConditionOp, string> = {
  eq: 'is',
  ne: 'is not',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  contains: 'contains',
  startsWith: 'starts with',
  in: 'is one of',
  exists: 'has a value',
  empty: 'is empty',
};

export const conditionSchema = z
  .strictObject({
    field: z.string().min(1).meta({
      title: 'Field',
      description: "Where in the record, e.g. 'status' or 'warehouseDetails[0].quantityAvailable'.",
      ui: { widget: 'text' },
    }),
    op: z.enum(conditionOps).meta({
      title: 'Test',
      ui: { widget: 'select', options: conditionOps.map((value) => ({ value, label: opLabels[value] })) },
    }),
    value: jsonSchema.optional().meta({ title: 'Value', description: "For 'is one of': a list, or text with commas.", ui: { widget: 'text' } }),
    not: z.boolean().optional().meta({ title: 'Not', description: 'Turn the test around.', ui: { widget: 'toggle' } }),
  })
  .superRefine((c, ctx) => {
    try {
      parseFieldPath(c.field);
    } catch (err) {
      if (err instanceof FieldPathError) ctx.addIssue({ code: 'custom', path: ['field'], message: err.message });
      else throw err;
    }
    if (!NO_VALUE.has(c.op) && c.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `the test '${opLabels[c.op]}' needs a value to compare with` });
    }
    if (c.op === 'in' && !Array.isArray(c.value) && typeof c.value !== 'string') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: "'is one of' needs a list of values, or text with commas" });
    }
  });
export type Condition = z.infer<typeof conditionSchema>;

/** Numbers typed as text in the editor ("5") compare as numbers with record numbers. */
function asNumber(v: Json | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function equal(a: Json | undefined, b: Json | undefined): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = asNumber(a);
    const y = asNumber(b);
    if (x !== undefined && y !== undefined) return x === y;
  }
  if (typeof a === 'boolean' && typeof b === 'string') return String(a) === b.trim().toLowerCase();
  if (typeof b === 'boolean' && typeof a === 'string') return String(b) === a.trim().toLowerCase();
  if (a === undefined || b === undefined) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

function compare(a: Json | undefined, b: Json | undefined): number | undefined {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  // Text compares as text, which orders ISO dates correctly.
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function isEmpty(v: Json | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (isJsonObject(v)) return Object.keys(v).length === 0;
  return false;
}

function listOf(v: Json | undefined): Json[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return v.split(',').map((s) => s.trim());
  return v === undefined ? [] : [v];
}

export interface CompiledCondition {
  test(json: Json): boolean;
}

/** Parses the field path once; `test` then runs per record. */
export function compileCondition(c: Condition): CompiledCondition {
  const path: PathSegment[] = parseFieldPath(c.field);
  const check = (actual: Json | undefined): boolean => {
    const v = c.value;
    switch (c.op) {
      case 'eq':
        return equal(actual, v);
      case 'ne':
        return !equal(actual, v);
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        const d = compare(actual, v);
        if (d === undefined) return false;
        return c.op === 'gt' ? d > 0 : c.op === 'gte' ? d >= 0 : c.op === 'lt' ? d < 0 : d <= 0;
      }
      case 'contains':
        if (typeof actual === 'string') return v !== undefined && v !== null && actual.includes(String(v));
        if (Array.isArray(actual)) return actual.some((x) => equal(x, v));
        return false;
      case 'startsWith':
        return typeof actual === 'string' && v !== undefined && v !== null && actual.startsWith(String(v));
      case 'in':
        return listOf(v).some((x) => equal(actual, x));
      case 'exists':
        return actual !== undefined && actual !== null;
      case 'empty':
        return isEmpty(actual);
    }
  };
  return { test: (json) => check(getAtPath(json, path)) !== (c.not === true) };
}
