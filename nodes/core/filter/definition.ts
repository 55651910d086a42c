import { z } from 'zod';
import { ExpressionError, defineNode, failItem, isJsonObject } from '../../../engine';
import type { Item, Json } from '../../../engine';
import { compileCondition, conditionSchema } from './conditions';

const paramsSchema = z
  .strictObject({
    mode: z
      .enum(['conditions', 'expression'])
      .default('conditions')
      .meta({
        title: 'Keep records that',
        ui: {
          widget: 'select',
          options: [
            { value: 'conditions', label: 'match these conditions' },
            { value: 'expression', label: 'match an expression (JSONata)' },
          ],
        },
      }),
    match: z
      .enum(['all', 'any'])
      .default('all')
      .meta({
        title: 'Match',
        ui: {
          widget: 'select',
          options: [
            { value: 'all', label: 'all conditions' },
            { value: 'any', label: 'any condition' },
          ],
        },
      }),
    conditions: z.array(conditionSchema).default([]).meta({ title: 'Conditions', ui: { widget: 'conditions' } }),
    expression: z
      .string()
      .optional()
      .meta({ title: 'Expression', description: 'Keeps the record when this is true, e.g. status = "Open" and amount > 0.', ui: { widget: 'expression' } }),
  })
  .superRefine((p, ctx) => {
    if (p.mode === 'expression' && !p.expression?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['expression'], message: 'write the expression that decides which records to keep' });
    }
  });

/** JSONata's own truth rules ($boolean): empty text, 0, empty lists and objects are false. */
function truthy(v: Json | undefined): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.some(truthy);
  return isJsonObject(v) && Object.keys(v).length > 0;
}

export const filterNode = defineNode({
  type: 'core.filter',
  version: 1,
  title: 'Filter',
  category: 'logic',
  description: 'Lets through only the records that match your conditions; the others go out on "dropped".',
  icon: 'filter',
  inputs: [{ name: 'in', title: 'Records' }],
  outputs: [
    { name: 'kept', title: 'Kept', description: 'Records that match.' },
    { name: 'dropped', title: 'Dropped', description: 'Records that do not match.' },
    { name: 'error', title: 'Error', description: 'Records the expression could not be evaluated for.' },
  ],
  params: paramsSchema,
  expressions: (p) => (p.mode === 'expression' && p.expression ? [{ field: 'expression', source: p.expression }] : []),
  async *run(ctx, inputs) {
    const p = ctx.params;
    const label = ctx.nodeName ?? ctx.nodeId;
    const tests = p.conditions.map(compileCondition);
    const expr = p.mode === 'expression' && p.expression ? ctx.expr.compile(p.expression, `filter '${label}'`) : undefined;
    const matches = async (item: Item): Promise<boolean> => {
      if (expr) return truthy(await expr.evaluate(item.json, { key: item.key }, item.key));
      if (tests.length === 0) return true;
      return p.match === 'all' ? tests.every((t) => t.test(item.json)) : tests.some((t) => t.test(item.json));
    };
    const input = inputs.in;
    if (!input) return;
    for await (const batch of input) {
      const kept: Item[] = [];
      const dropped: Item[] = [];
      const failed: Item[] = [];
      for (const item of batch) {
        try {
          ((await matches(item)) ? kept : dropped).push(item);
        } catch (err) {
          if (!(err instanceof ExpressionError)) throw err;
          failed.push(failItem(item, err.message, { nodeId: ctx.nodeId, field: 'expression' }));
        }
      }
      if (kept.length) yield { port: 'kept', items: kept };
      if (dropped.length) yield { port: 'dropped', items: dropped };
      if (failed.length) yield { port: 'error', items: failed };
    }
  },
});
