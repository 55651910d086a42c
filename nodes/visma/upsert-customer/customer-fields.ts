import { z } from 'zod';
import { customerInputSchema } from '../../../connectors/visma-net/index';
import { ExpressionError, FieldPathError, getAtPath, jsonSchema, parseFieldPath, setAtPath } from '../../../engine';
import type { CompiledExpression, ExpressionCompiler, Json, JsonObject, PathSegment } from '../../../engine';
import { expressionProblem } from '../../shared/messages';

const TARGET_RE = /^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/;
const customerFields: ReadonlySet<string> = new Set(Object.keys(customerInputSchema.shape));

const modeSchema = z
  .enum(['expression', 'constant', 'field'])
  .default('expression')
  .meta({
    title: 'Fill with',
    ui: {
      widget: 'select',
      options: [
        { value: 'field', label: 'a field of the customer' },
        { value: 'expression', label: 'an expression (JSONata)' },
        { value: 'constant', label: 'a fixed value' },
      ],
    },
  });
const updateOnResync = z
  .boolean()
  .default(true)
  .meta({ title: 'Update on resync', description: 'Off: the field is only written when the customer is created.', ui: { widget: 'toggle' } });

function checkSource(mode: string, source: Json, ctx: z.RefinementCtx): void {
  if (mode === 'constant') return;
  if (typeof source !== 'string' || source.trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['source'], message: mode === 'field' ? 'write the field path to copy' : 'write the expression' });
    return;
  }
  if (mode === 'field') {
    try {
      parseFieldPath(source);
    } catch (err) {
      if (err instanceof FieldPathError) ctx.addIssue({ code: 'custom', path: ['source'], message: err.message });
      else throw err;
    }
  }
}

export const customerFieldSchema = z
  .strictObject({
    target: z
      .string()
      .regex(TARGET_RE, "Use a Visma.net customer field like 'name' or 'mainAddress.city'.")
      .meta({ title: 'Visma.net field', description: "A field of the Visma.net customer, e.g. 'name', 'vatZoneId' or 'mainAddress.city'.", ui: { widget: 'text' } }),
    mode: modeSchema,
    source: jsonSchema.meta({ title: 'Source', description: 'The field path, the expression, or the fixed value.', ui: { widget: 'expression' } }),
    updateOnResync,
  })
  .superRefine((row, ctx) => {
    const top = row.target.split('.')[0] ?? '';
    if (!customerFields.has(top)) ctx.addIssue({ code: 'custom', path: ['target'], message: `'${top}' is not a field of a Visma.net customer` });
    checkSource(row.mode, row.source, ctx);
  });
export type CustomerField = z.infer<typeof customerFieldSchema>;

export const attributeFieldSchema = z
  .strictObject({
    attributeId: z.string().min(1).meta({ title: 'Attribute', description: 'The attribute id in Visma.net, e.g. KANAAL.', ui: { widget: 'text' } }),
    mode: modeSchema,
    source: jsonSchema.meta({ title: 'Source', ui: { widget: 'expression' } }),
    updateOnResync,
  })
  .superRefine((row, ctx) => checkSource(row.mode, row.source, ctx));
export type AttributeField = z.infer<typeof attributeFieldSchema>;

/**
 * The standard mapping of a shop customer to a Visma.net customer; every row can be changed in the flow.
 * Class and credit terms are only set when the customer is created, so a bookkeeper's later choice in Visma.net stays.
 */
export const defaultCustomerFields: CustomerField[] = [
  { target: 'name', mode: 'field', source: 'name', updateOnResync: true },
  { target: 'mainAddress', mode: 'field', source: 'mainAddress', updateOnResync: true },
  { target: 'mainContact', mode: 'field', source: 'mainContact', updateOnResync: true },
  { target: 'deliveryAddress', mode: 'field', source: 'deliveryAddress', updateOnResync: true },
  { target: 'deliveryContact', mode: 'field', source: 'deliveryContact', updateOnResync: true },
  { target: 'vatRegistrationId', mode: 'field', source: 'vatNumber', updateOnResync: true },
  { target: 'corporateId', mode: 'field', source: 'kvk', updateOnResync: true },
  { target: 'vatZoneId', mode: 'expression', source: "$table('vat-zone-per-country', segment = 'company-eu' ? 'EU-B2B' : country)", updateOnResync: true },
  { target: 'customerClassId', mode: 'expression', source: "$table('customer-class', segment)", updateOnResync: false },
  { target: 'creditTermsId', mode: 'expression', source: "$table('credit-terms', segment)", updateOnResync: false },
  { target: 'glAccounts.salesAccount', mode: 'expression', source: "$table('revenue-account-per-country', segment = 'company-eu' ? 'EU-B2B' : country)", updateOnResync: false },
];

interface Prepared {
  target: string[];
  createOnly: boolean;
  fill: (view: JsonObject, key: string) => Promise<Json | undefined>;
  where: string;
}

function filler(mode: string, source: Json, expr: ExpressionCompiler, where: string): (view: JsonObject, key: string) => Promise<Json | undefined> {
  if (mode === 'constant') return () => Promise.resolve(source);
  const text = typeof source === 'string' ? source : '';
  if (mode === 'field') {
    const path: PathSegment[] = parseFieldPath(text);
    return (view) => Promise.resolve(getAtPath(view, path));
  }
  const compiled: CompiledExpression = expr.compile(text, where);
  return (view, key) => compiled.evaluate(view, { key }, key);
}

export interface MappedCustomer {
  /** The Visma.net customer fields, as `CustomerInput`. */
  fields: JsonObject;
  /** Top-level and nested field paths that are written only when the customer is created. */
  createOnly: string[];
}

/** Compiles the mapping once per run; `map` then runs per customer. */
export function compileCustomerMapping(fields: readonly CustomerField[], attributes: readonly AttributeField[], expr: ExpressionCompiler, label: string) {
  const rows: Prepared[] = fields.map((f) => {
    const where = `field '${f.target}' of '${label}'`;
    return { target: f.target.split('.'), createOnly: !f.updateOnResync, where, fill: filler(f.mode, f.source, expr, where) };
  });
  const attrs = attributes.map((a) => {
    const where = `attribute '${a.attributeId}' of '${label}'`;
    return { id: a.attributeId, createOnly: !a.updateOnResync, fill: filler(a.mode, a.source, expr, where) };
  });
  return {
    async map(view: JsonObject, key: string): Promise<MappedCustomer> {
      const out: JsonObject = {};
      const createOnly: string[] = [];
      for (const row of rows) {
        let value: Json | undefined;
        try {
          value = await row.fill(view, key);
        } catch (err) {
          if (err instanceof ExpressionError) throw expressionProblem(err, row.target.join('.'));
          throw err;
        }
        if (value === undefined || value === null) continue;
        setAtPath(out, row.target, value);
        if (row.createOnly) createOnly.push(row.target.join('.'));
      }
      const lines: Json[] = [];
      for (const a of attrs) {
        let value: Json | undefined;
        try {
          value = await a.fill(view, key);
        } catch (err) {
          if (err instanceof ExpressionError) throw expressionProblem(err, `attributes.${a.id}`);
          throw err;
        }
        if (value === undefined || value === null) continue;
        lines.push({ attributeId: a.id, attributeValue: typeof value === 'string' ? value : JSON.stringify(value) });
        if (a.createOnly) createOnly.push(`attributeLines.${a.id}`);
      }
      if (lines.length) out.attributeLines = lines;
      return { fields: out, createOnly };
    },
  };
}
