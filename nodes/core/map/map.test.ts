import { describe, expect, it } from 'vitest';
import { itemError, itemMeta, runNodeOnce, withMeta } from '../../../engine';
import type { Item } from '../../../engine';
import { mapNode } from './definition';

const order: Item = {
  key: '1001',
  json: { ordernumber: 1001, customer: { email: 'jan@example.nl', country: 'BE' }, total: 121, lines: [{ sku: 'A' }, { sku: 'B' }] },
};
const tables = { 'vat-code-per-country': { rows: { NL: 'H', BE: 'EU' } } };

describe('core.map', () => {
  it('fills fields from record fields, expressions and fixed values, building nested objects', async () => {
    const r = await runNodeOnce(mapNode, {
      tables,
      params: {
        rows: [
          { target: 'orderNumber', mode: 'field', source: 'ordernumber' },
          { target: 'firstSku', mode: 'field', source: 'lines[0].sku' },
          { target: 'amount.exVat', source: '$round2($exVat(total, 21))' },
          { target: 'amount.currency', mode: 'constant', source: 'EUR' },
          { target: 'vatCode', source: "$table('vat-code-per-country', customer.country)" },
          { target: 'skus', source: 'lines.sku' },
          { target: 'nothing', mode: 'field', source: 'no.such.field' },
        ],
      },
      inputs: { in: [[order]] },
    });
    expect(r.outputs.out).toEqual([
      { key: '1001', json: { orderNumber: 1001, firstSku: 'A', amount: { exVat: 100, currency: 'EUR' }, vatCode: 'EU', skus: ['A', 'B'] } },
    ]);
  });

  it('marks create-only fields for the writing node', async () => {
    const r = await runNodeOnce(mapNode, {
      params: {
        rows: [
          { target: 'sku', mode: 'field', source: 'ordernumber', updateOnResync: false },
          { target: 'email', mode: 'field', source: 'customer.email' },
          { target: 'createdBy', mode: 'constant', source: 'Koppel', updateOnResync: false },
        ],
      },
      inputs: { in: [[order]] },
    });
    const out = r.outputs.out?.[0];
    expect(out?.json.__koppel).toEqual({ createOnly: ['sku', 'createdBy'] });
    expect(out && itemMeta(out).createOnly).toEqual(['sku', 'createdBy']);
  });

  it('keeps where the record came from (the shop and its reference prefix) on the record it makes', async () => {
    const fromShop = withMeta(order, { origin: { shop: 'https://two.example.nl', referencePrefix: 'CCV2-' } });
    const r = await runNodeOnce(mapNode, { params: { rows: [{ target: 'orderNumber', mode: 'field', source: 'ordernumber', updateOnResync: false }] }, inputs: { in: [[fromShop]] } });
    const out = r.outputs.out?.[0];
    expect(out && itemMeta(out)).toEqual({ createOnly: ['orderNumber'], origin: { shop: 'https://two.example.nl', referencePrefix: 'CCV2-' } });
  });

  it('re-keys records with the key expression', async () => {
    const r = await runNodeOnce(mapNode, {
      params: { rows: [{ target: 'n', mode: 'field', source: 'ordernumber' }], key: '"ORD-" & $string(ordernumber)' },
      inputs: { in: [[order]] },
    });
    expect(r.outputs.out?.[0]?.key).toBe('ORD-1001');
  });

  it('sends a record whose field cannot be filled to error, naming field, record and what to do', async () => {
    const other: Item = { key: '1002', json: { ordernumber: 1002, customer: { country: 'NL' }, total: 10 } };
    const r = await runNodeOnce(mapNode, {
      nodeId: 'map-orders',
      tables: { 'vat-code-per-country': { rows: { NL: 'H' } } },
      params: { rows: [{ target: 'vatCode', source: "$table('vat-code-per-country', customer.country)" }] },
      inputs: { in: [[order, other]] },
    });
    expect(r.outputs.out?.map((i) => i.key)).toEqual(['1002']);
    const failed = r.outputs.error?.[0];
    expect(failed?.key).toBe('1001');
    // The failed record keeps its data, so the error branch can still use it.
    expect(failed?.json.ordernumber).toBe(1001);
    expect(failed && itemError(failed)).toEqual({
      message: "The expression in field 'vatCode' of 'map-orders' failed for record '1001': No value for 'BE' in table 'vat-code-per-country': add a row for it",
      nodeId: 'map-orders',
      field: 'vatCode',
    });
  });

  it('fails a record whose new key is empty', async () => {
    const r = await runNodeOnce(mapNode, { params: { rows: [], key: 'missing' }, inputs: { in: [[order]] } });
    expect(r.outputs.error?.[0] && itemError(r.outputs.error[0])).toMatchObject({ field: 'key', message: expect.stringContaining('no text or number to use as the new key') });
  });

  it('rejects mapper settings a person must fix', () => {
    const issues = (params: unknown) => mapNode.params.safeParse(params).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(issues({ rows: [{ target: 'a', source: 'x' }, { target: 'a', source: 'y' }] })).toEqual([['rows.1.target', "field 'a' is filled twice"]]);
    expect(issues({ rows: [{ target: 'a', source: 'x' }, { target: 'a.b', source: 'y' }] })).toEqual([['rows.1.target', "field 'a.b' clashes with field 'a'"]]);
    expect(issues({ rows: [{ target: '__koppel', mode: 'constant', source: 1 }] })[0]?.[1]).toContain('reserved');
    expect(issues({ rows: [{ target: 'a', mode: 'field', source: 7 }] })).toEqual([['rows.0.source', 'write the field path to copy']]);
    expect(issues({ rows: [{ target: 'bad name', source: 'x' }] })[0]?.[0]).toBe('rows.0.target');
  });

  it('lists its expressions for validation', () => {
    expect(
      mapNode.expressions({
        rows: [
          { target: 'a', source: 'x + 1' },
          { target: 'b', mode: 'field', source: 'y' },
          { target: 'c', mode: 'constant', source: 'z' },
        ],
        key: 'sku',
      }),
    ).toEqual([
      { field: 'rows[0].source', source: 'x + 1' },
      { field: 'key', source: 'sku' },
    ]);
  });
});
