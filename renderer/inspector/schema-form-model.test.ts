import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isJsonObject } from '../lib/json';
import type { JsonObject } from '../lib/json';
import { checkValue, describeSchema, emptyValue, humanise, newRow, parseCellValue, parseNumberInput } from './schema-form-model';
import type { FieldDescriptor } from './schema-form-model';

/** The schema as the host produces it: zod 4 params with `.meta({ ui })` → JSON Schema. */
function fromZod(schema: z.ZodType): JsonObject {
  const json: unknown = JSON.parse(JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })));
  if (!isJsonObject(json)) throw new Error('not an object');
  return json;
}

const params = z.object({
  warehouse: z.string().meta({ title: 'Warehouse', description: 'Where stock is counted', ui: { widget: 'select', optionsFrom: 'warehouses' } }),
  pageSize: z.number().int().min(1).max(1000).default(500).meta({ title: 'Page size' }),
  mode: z.enum(['all', 'changed']).default('changed'),
  includeInactive: z.boolean().default(false),
  status: z.string().optional().meta({ ui: { options: [{ value: '1', label: 'New' }, '2'] } }),
  filter: z.string().nullable().optional().meta({ title: 'Filter', ui: { widget: 'expression' } }),
  rows: z
    .array(z.object({ target: z.string(), source: z.string(), mode: z.enum(['expression', 'constant', 'field']), updateOnResync: z.boolean().default(true) }))
    .default([])
    .meta({ ui: { widget: 'mapper' } }),
  headers: z.record(z.string(), z.string()).default({}),
  skus: z.array(z.string()).optional(),
  paging: z.object({ from: z.number(), to: z.number().optional() }).optional(),
  kind: z.union([z.literal('a'), z.literal('b')]).optional(),
  secretSauce: z.string().optional().meta({ ui: { widget: 'hidden' } }),
});

const byKey = (fields: FieldDescriptor[], key: string) => {
  const f = fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};

describe('schema form model', () => {
  const fields = describeSchema(fromZod(params));

  it('keeps schema order and skips hidden fields', () => {
    expect(fields.map((f) => f.key)).toEqual(['warehouse', 'pageSize', 'mode', 'includeInactive', 'status', 'filter', 'rows', 'headers', 'skus', 'paging', 'kind']);
  });

  it('reads title, description, required and optionsFrom', () => {
    expect(byKey(fields, 'warehouse')).toMatchObject({ title: 'Warehouse', description: 'Where stock is counted', required: true, widget: 'select', optionsFrom: 'warehouses' });
  });

  it('maps numbers with limits and defaults', () => {
    expect(byKey(fields, 'pageSize')).toMatchObject({ widget: 'number', valueType: 'integer', minimum: 1, maximum: 1000, default: 500, required: false });
  });

  it('turns enums, literal unions and ui.options into selects', () => {
    expect(byKey(fields, 'mode')).toMatchObject({ widget: 'select', default: 'changed' });
    expect(byKey(fields, 'mode').options?.map((o) => o.value)).toEqual(['all', 'changed']);
    expect(byKey(fields, 'kind').options?.map((o) => o.value)).toEqual(['a', 'b']);
    expect(byKey(fields, 'status').options).toEqual([
      { value: '1', label: 'New', raw: '1' },
      { value: '2', label: '2', raw: '2' },
    ]);
  });

  it('maps booleans to toggles and explicit widgets win', () => {
    expect(byKey(fields, 'includeInactive').widget).toBe('toggle');
    expect(byKey(fields, 'filter')).toMatchObject({ widget: 'expression', nullable: true, valueType: 'string' });
  });

  it('describes mapper rows as columns', () => {
    const rows = byKey(fields, 'rows');
    expect(rows.widget).toBe('mapper');
    expect(rows.fields?.map((f) => [f.key, f.widget])).toEqual([
      ['target', 'text'],
      ['source', 'text'],
      ['mode', 'select'],
      ['updateOnResync', 'toggle'],
    ]);
  });

  it('maps records to key/value tables, string arrays to lists and objects to groups', () => {
    expect(byKey(fields, 'headers')).toMatchObject({ widget: 'keyvalue', valueField: { valueType: 'string' } });
    expect(byKey(fields, 'skus')).toMatchObject({ widget: 'list', itemField: { valueType: 'string' } });
    expect(byKey(fields, 'paging').widget).toBe('group');
    expect(byKey(fields, 'paging').fields?.map((f) => [f.key, f.required])).toEqual([
      ['from', true],
      ['to', false],
    ]);
  });

  it('humanises keys without a title', () => {
    expect(humanise('salesOrderType')).toBe('Sales order type');
    expect(byKey(fields, 'includeInactive').title).toBe('Include inactive');
  });

  it('resolves $ref definitions', () => {
    const row = z.object({ a: z.string() }).meta({ id: 'Row' });
    const schema = fromZod(z.object({ one: row, many: z.array(row) }));
    const f = describeSchema(schema);
    expect(byKey(f, 'one').widget).toBe('group');
    expect(byKey(f, 'many').fields?.[0]?.key).toBe('a');
  });

  it('fills new rows from column defaults and required columns', () => {
    expect(newRow(byKey(fields, 'rows').fields ?? [])).toEqual({ target: '', source: '', mode: 'expression', updateOnResync: true });
    expect(emptyValue(byKey(fields, 'pageSize'))).toBe(500);
    expect(emptyValue(byKey(fields, 'status'))).toBeUndefined();
  });

  it('checks values against required and limits', () => {
    expect(checkValue(byKey(fields, 'warehouse'), '')).toEqual({ code: 'required' });
    expect(checkValue(byKey(fields, 'warehouse'), 'MAIN')).toBeNull();
    expect(checkValue(byKey(fields, 'pageSize'), 0)).toEqual({ code: 'min', limit: 1 });
    expect(checkValue(byKey(fields, 'pageSize'), 1001)).toEqual({ code: 'max', limit: 1000 });
    expect(checkValue(byKey(fields, 'pageSize'), 2.5)).toEqual({ code: 'notInteger' });
    expect(checkValue(byKey(fields, 'pageSize'), undefined)).toBeNull();
  });

  it('parses typed numbers and keeps the kind of key/value cells', () => {
    expect(parseNumberInput(' 12,5 ')).toBe(12.5);
    expect(parseNumberInput('')).toBeUndefined();
    expect(parseNumberInput('abc')).toBe('invalid');
    expect(parseCellValue('0012', 'x')).toBe('0012');
    expect(parseCellValue('21', 9)).toBe(21);
    expect(parseCellValue('n/a', 9)).toBe('n/a');
    expect(parseCellValue('false', true)).toBe(false);
  });
});
