import { z } from 'zod';

/** A problem in a flow, worded for the bookkeeper who has to fix it. */
export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  nodeId: z.string().optional(),
  /** Where in the node or file, e.g. `params.rows[2].target` or `edges[3].to.port`. */
  field: z.string().optional(),
  message: z.string(),
  /** What to do about it. */
  fix: z.string(),
  /** For JSON syntax errors: 1-based position in the file. */
  line: z.number().optional(),
  column: z.number().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** `['rows', 2, 'target']` → `rows[2].target`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    if (typeof seg === 'symbol') return undefined;
    const key = String(seg);
    cur = Object.prototype.hasOwnProperty.call(cur, key) ? Reflect.get(cur, key) : undefined;
  }
  return cur;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return 'an object';
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'empty (null)',
};

export interface IssueContext {
  /** The data that was parsed, to tell "missing" from "wrong type". */
  root: unknown;
  /** Words in front of the path, e.g. "Parameter" or "Field". */
  subject: string;
  /** Path prefix that the issue paths are relative to (for `field`). */
  fieldPrefix?: string;
  nodeId?: string;
}

function joinField(prefix: string | undefined, path: string): string | undefined {
  if (!prefix) return path || undefined;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** Turns zod issues into plain problems that name the field and say what to do. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], ctx: IssueContext): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path);
    const base = { severity: 'error' as const, ...(ctx.nodeId !== undefined ? { nodeId: ctx.nodeId } : {}) };
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const full = path ? `${path}.${key}` : key;
        problems.push({
          ...base,
          field: joinField(ctx.fieldPrefix, full),
          message: `${ctx.subject} '${full}' is not known here.`,
          fix: `Remove '${key}', or check its spelling.`,
        });
      }
      continue;
    }
    const label = path || '(the whole value)';
    const value = valueAt(ctx.root, issue.path);
    const field = joinField(ctx.fieldPrefix, path);
    if (issue.code === 'invalid_type') {
      const expected = typeWords[issue.expected] ?? issue.expected;
      if (value === undefined) {
        problems.push({ ...base, field, message: `${ctx.subject} '${label}' is missing.`, fix: `Fill in '${label}' (${expected}).` });
      } else {
        problems.push({
          ...base,
          field,
          message: `${ctx.subject} '${label}' should be ${expected}, but it is ${describe(value)}.`,
          fix: `Change '${label}' to ${expected}.`,
        });
      }
      continue;
    }
    if (issue.code === 'invalid_value') {
      const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
      problems.push({
        ...base,
        field,
        message: `${ctx.subject} '${label}' is ${describe(value)}, which is not allowed here.`,
        fix: `Use one of: ${options}.`,
      });
      continue;
    }
    if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) {
      problems.push({ ...base, field, message: `${ctx.subject} '${label}' is empty.`, fix: `Fill in '${label}'.` });
      continue;
    }
    problems.push({ ...base, field, message: `${ctx.subject} '${label}': ${issue.message}`, fix: `Correct '${label}'.` });
  }
  return problems;
}
