import { z } from 'zod';
import { ExpressionError, FieldPathError, META_KEY, defineNode, failItem, getAtPath, jsonSchema, keepOrigin, parseFieldPath, setAtPath } from '../../../engine';
import type { CompiledExpression, Item, Json, JsonObject, PathSegment } from '../../../engine';

const TARGET_RE = /^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/;

const rowSchema = z
  .strictObject({
    target: z
      .string()
      .regex(TARGET_RE, "Use a field name like 'description' or 'address.city'.")
      .meta({ title: 'Field', description: "The field to fill in the result; dots make nested objects ('address.city').", ui: { widget: 'text' } }),
    mode: z
      .enum(['expression', 'constant', 'field'])
      .default('expression')
      .meta({
        title: 'Fill with',
        ui: {
          widget: 'select',
          options: [
            { value: 'field', label: 'a field of the record' },
            { value: 'expression', label: 'an expression (JSONata)' },
            { value: 'constant', label: 'a fixed value' },
          ],
        },
      }),
    source: jsonSchema.meta({ title: 'Source', description: 'The field path, the expression, or the fixed value.', ui: { widget: 'expression' } }),
    updateOnResync: z
      .boolean()
      .default(true)
      .meta({ title: 'Update on resync', description: 'Off: the field is only written when the record is created.', ui: { widget: 'toggle' } }),
  })
  .superRefine((row, ctx) => {
    if (row.target === META_KEY || row.target.startsWith(`${META_KEY}.`)) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: `'${META_KEY}' is reserved for Koppel; pick another field name` });
    }
    if (row.mode === 'constant') return;
    if (typeof row.source !== 'string' || row.source.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['source'], message: row.mode === 'field' ? 'write the field path to copy' : 'write the expression' });
      return;
    }
    if (row.mode === 'field') {
      try {
        parseFieldPath(row.source);
      } catch (err) {
        if (err instanceof FieldPathError) ctx.addIssue({ code: 'custom', path: ['source'], message: err.message });
        else throw err;
      }
    }
  });

const paramsSchema = z
  .strictObject({
    rows: z.array(rowSchema).default([]).meta({ title: 'Fields', ui: { widget: 'mapper' } }),
    key: z
      .string()
      .optional()
      .meta({ title: 'New key', description: 'An expression that gives each record a new key, e.g. sku.', ui: { widget: 'expression' } }),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.rows.forEach((row, i) => {
      if (seen.has(row.target)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'target'], message: `field '${row.target}' is filled twice` });
      for (const other of seen) {
        if (row.target.startsWith(`${other}.`) || other.startsWith(`${row.target}.`)) {
          ctx.addIssue({ code: 'custom', path: ['rows', i, 'target'], message: `field '${row.target}' clashes with field '${other}'` });
        }
      }
      seen.add(row.target);
    });
  });
type MapRow = z.infer<typeof rowSchema>;

type Filler =
  | { kind: 'constant'; value: Json }
  | { kind: 'field'; path: PathSegment[] }
  | { kind: 'expression'; expr: CompiledExpression };

interface PreparedRow {
  row: MapRow;
  target: string[];
  fill: Filler;
}

function keyText(value: Json | undefined): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The data mapper: builds each output record field by field from the input record. */
export const mapNode = defineNode({
  type: 'core.map',
  version: 1,
  title: 'Map fields',
  category: 'transform',
  description: 'Builds a new record from fields, fixed values and expressions; value tables translate codes.',
  icon: 'map',
  inputs: [{ name: 'in', title: 'Records' }],
  outputs: [
    { name: 'out', title: 'Mapped', description: 'The new records.' },
    { name: 'error', title: 'Error', description: 'Records a field could not be filled for, with the reason.' },
  ],
  params: paramsSchema,
  expressions: (p) => [
    ...p.rows.flatMap((row, i) => (row.mode === 'expression' && typeof row.source === 'string' ? [{ field: `rows[${i}].source`, source: row.source }] : [])),
    ...(p.key ? [{ field: 'key', source: p.key }] : []),
  ],
  async *run(ctx, inputs) {
    const label = ctx.nodeName ?? ctx.nodeId;
    const rows: PreparedRow[] = ctx.params.rows.map((row) => {
      const target = row.target.split('.');
      if (row.mode === 'constant') return { row, target, fill: { kind: 'constant', value: row.source } };
      const source = typeof row.source === 'string' ? row.source : '';
      if (row.mode === 'field') return { row, target, fill: { kind: 'field', path: parseFieldPath(source) } };
      return { row, target, fill: { kind: 'expression', expr: ctx.expr.compile(source, `field '${row.target}' of '${label}'`) } };
    });
    const keyExpr = ctx.params.key ? ctx.expr.compile(ctx.params.key, `the key of '${label}'`) : undefined;
    const createOnly = ctx.params.rows.filter((r) => !r.updateOnResync).map((r) => r.target);

    const evaluate = async (fill: Filler, item: Item): Promise<Json | undefined> => {
      if (fill.kind === 'constant') return fill.value;
      if (fill.kind === 'field') return getAtPath(item.json, fill.path);
      return fill.expr.evaluate(item.json, { key: item.key }, item.key);
    };
    const fail = (item: Item, err: unknown, field: string): Item => {
      if (!(err instanceof ExpressionError)) throw err;
      return failItem(item, err.message, { nodeId: ctx.nodeId, field });
    };

    /** The mapped record, or the input record marked with why it failed. */
    const mapItem = async (item: Item): Promise<{ ok: boolean; item: Item }> => {
      const json: JsonObject = {};
      for (const { row, target, fill } of rows) {
        try {
          const value = await evaluate(fill, item);
          if (value !== undefined) setAtPath(json, target, value);
        } catch (err) {
          return { ok: false, item: fail(item, err, row.target) };
        }
      }
      let key = item.key;
      if (keyExpr) {
        try {
          const k = keyText(await keyExpr.evaluate(item.json, { key: item.key }, item.key));
          if (k === undefined) {
            throw new ExpressionError({
              kind: 'result',
              where: `the key of '${label}'`,
              key: item.key,
              detail: 'it gave no text or number to use as the new key',
              fix: 'Make the key expression return a value for every record, e.g. sku or $string(id).',
            });
          }
          key = k;
        } catch (err) {
          return { ok: false, item: fail(item, err, 'key') };
        }
      }
      if (createOnly.length > 0) json[META_KEY] = { createOnly };
      return { ok: true, item: keepOrigin(item, { key, json }) };
    };

    const input = inputs.in;
    if (!input) return;
    for await (const batch of input) {
      const out: Item[] = [];
      const failed: Item[] = [];
      for (const item of batch) {
        const result = await mapItem(item);
        (result.ok ? out : failed).push(result.item);
      }
      if (out.length) yield { port: 'out', items: out };
      if (failed.length) yield { port: 'error', items: failed };
    }
  },
});
