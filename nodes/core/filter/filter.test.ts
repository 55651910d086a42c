import { describe, expect, it } from 'vitest';
import { itemError, runNodeOnce } from '../../../engine';
import type { Item } from '../../../engine';
import { compileCondition, conditionSchema } from './conditions';
import type { Condition } from './conditions';
import { filterNode } from './definition';

const record = {
  status: 'Active',
  sku: 'MUG-BLUE',
  price: 9.95,
  priceText: '12.50',
  tags: ['sale', 'kitchen'],
  note: '',
  modified: '2026-03-01T10:00:00Z',
  shipped: false,
  warehouseDetails: [{ warehouseId: 'MAIN', quantityAvailable: 4 }],
};

const test = (c: Condition) => compileCondition(conditionSchema.parse(c)).test(record);

describe('filter conditions', () => {
  it.each<[Condition, boolean]>([
    [{ field: 'status', op: 'eq', value: 'Active' }, true],
    [{ field: 'status', op: 'eq', value: 'active' }, false],
    [{ field: 'status', op: 'ne', value: 'Inactive' }, true],
    [{ field: 'price', op: 'eq', value: '9.95' }, true],
    [{ field: 'priceText', op: 'gt', value: 12 }, true],
    [{ field: 'price', op: 'gte', value: 9.95 }, true],
    [{ field: 'price', op: 'lt', value: 5 }, false],
    [{ field: 'price', op: 'lte', value: 10 }, true],
    [{ field: 'modified', op: 'gt', value: '2026-02-28' }, true],
    [{ field: 'warehouseDetails[0].quantityAvailable', op: 'gt', value: 0 }, true],
    [{ field: 'warehouseDetails[1].quantityAvailable', op: 'gt', value: 0 }, false],
    [{ field: 'sku', op: 'contains', value: 'BLUE' }, true],
    [{ field: 'tags', op: 'contains', value: 'sale' }, true],
    [{ field: 'sku', op: 'startsWith', value: 'MUG' }, true],
    [{ field: 'status', op: 'in', value: ['Active', 'OnHold'] }, true],
    [{ field: 'status', op: 'in', value: 'Inactive, OnHold' }, false],
    [{ field: 'shipped', op: 'eq', value: 'false' }, true],
    [{ field: 'note', op: 'exists' }, true],
    [{ field: 'missing', op: 'exists' }, false],
    [{ field: 'note', op: 'empty' }, true],
    [{ field: 'tags', op: 'empty' }, false],
    [{ field: 'tags', op: 'empty', not: true }, true],
    [{ field: 'price', op: 'gt', value: 'abc' }, false],
  ])('%j → %s', (condition, expected) => {
    expect(test(condition)).toBe(expected);
  });

  it('rejects conditions a person must fix, naming what is wrong', () => {
    const noValue = conditionSchema.safeParse({ field: 'price', op: 'gt' });
    expect(noValue.error?.issues[0]).toMatchObject({ path: ['value'], message: "the test 'is more than' needs a value to compare with" });
    const badPath = conditionSchema.safeParse({ field: 'lines[x].sku', op: 'exists' });
    expect(badPath.error?.issues[0]?.message).toContain("'[x]' must be a position number like [0]");
    const badIn = conditionSchema.safeParse({ field: 'status', op: 'in', value: 3 });
    expect(badIn.error?.issues[0]?.message).toContain("'is one of' needs a list");
  });
});

const items: Item[] = [
  { key: 'A', json: { status: 'Active', qty: 5 } },
  { key: 'B', json: { status: 'Inactive', qty: 0 } },
  { key: 'C', json: { status: 'Active', qty: 0 } },
];

describe('core.filter', () => {
  it('keeps records matching all conditions and drops the rest', async () => {
    const r = await runNodeOnce(filterNode, {
      params: {
        conditions: [
          { field: 'status', op: 'eq', value: 'Active' },
          { field: 'qty', op: 'gt', value: 0 },
        ],
      },
      inputs: { in: [items] },
    });
    expect(r.outputs.kept?.map((i) => i.key)).toEqual(['A']);
    expect(r.outputs.dropped?.map((i) => i.key)).toEqual(['B', 'C']);
    // Records pass unchanged: the very same objects.
    expect(r.outputs.kept?.[0]).toBe(items[0]);
  });

  it('keeps records matching any condition', async () => {
    const r = await runNodeOnce(filterNode, {
      params: {
        match: 'any',
        conditions: [
          { field: 'status', op: 'eq', value: 'Inactive' },
          { field: 'qty', op: 'gt', value: 1 },
        ],
      },
      inputs: { in: [items] },
    });
    expect(r.outputs.kept?.map((i) => i.key)).toEqual(['A', 'B']);
  });

  it('keeps records for which a JSONata condition is true; a failing one goes to error with the reason', async () => {
    const r = await runNodeOnce(filterNode, {
      nodeId: 'only-stock',
      params: { mode: 'expression', expression: 'qty > 0 or $table("force", $key) = true' },
      tables: { force: { rows: { C: true } } },
      inputs: { in: [items] },
    });
    expect(r.outputs.kept?.map((i) => i.key)).toEqual(['A', 'C']);
    expect(r.outputs.error?.map((i) => i.key)).toEqual(['B']);
    const reason = r.outputs.error?.[0] ? itemError(r.outputs.error[0]) : undefined;
    expect(reason).toEqual({
      message: "The expression in filter 'only-stock' failed for record 'B': No value for 'B' in table 'force': add a row for it",
      nodeId: 'only-stock',
      field: 'expression',
    });
  });

  it('needs an expression in expression mode and lists it for validation', () => {
    expect(filterNode.params.safeParse({ mode: 'expression' }).success).toBe(false);
    expect(filterNode.expressions({ mode: 'expression', expression: 'a = 1' })).toEqual([{ field: 'expression', source: 'a = 1' }]);
    expect(filterNode.expressions({ conditions: [] })).toEqual([]);
  });
});
