// Test-only node definitions for the flow-file tests.
import { z } from 'zod';
import { createCatalog } from '../catalog';
import { defineNode } from '../types';

const passRun = async function* () {
  yield* [];
};

export const testCatalog = createCatalog([
  defineNode({
    type: 'test.start',
    version: 1,
    title: 'Start',
    category: 'trigger',
    description: '',
    icon: 'play',
    inputs: [],
    outputs: [{ name: 'out', title: 'Out' }],
    params: z.strictObject({}),
    run: passRun,
  }),
  defineNode({
    type: 'test.fetch',
    version: 1,
    title: 'Fetch items',
    category: 'visma',
    description: '',
    icon: 'x',
    connection: 'visma-net',
    inputs: [{ name: 'in', title: 'In' }],
    outputs: [
      { name: 'out', title: 'Out' },
      { name: 'error', title: 'Error' },
    ],
    params: z.strictObject({ pageSize: z.number().int().default(100), status: z.enum(['Active', 'Inactive']).optional() }),
    run: passRun,
  }),
  defineNode({
    type: 'test.calc',
    version: 2,
    title: 'Calculate',
    category: 'transform',
    description: '',
    icon: 'x',
    inputs: [{ name: 'in', title: 'In' }],
    outputs: [{ name: 'out', title: 'Out' }],
    // A plain z.object: unknown params would be dropped silently, so validation must name them.
    params: z.object({ formula: z.string(), fields: z.array(z.object({ name: z.string(), expr: z.string() })).default([]) }),
    expressions: (p) => [{ field: 'formula', source: p.formula }, ...p.fields.map((f, i) => ({ field: `fields[${i}].expr`, source: f.expr }))],
    // Version 1 called the formula `expression`.
    migrate: (from, params) => {
      if (from !== 1) throw new Error(`unknown version ${from}`);
      const { expression, ...rest } = params;
      return { ...rest, formula: expression ?? '' };
    },
    run: passRun,
  }),
  defineNode({
    type: 'test.upsert',
    version: 1,
    title: 'Save products',
    category: 'ccv',
    description: '',
    icon: 'x',
    connection: 'ccv-shop',
    writes: true,
    inputs: [{ name: 'in', title: 'In' }],
    outputs: [
      { name: 'out', title: 'Out' },
      { name: 'error', title: 'Error' },
    ],
    params: z.strictObject({}),
    run: passRun,
  }),
  defineNode({
    type: 'test.old',
    version: 3,
    title: 'Old thing',
    category: 'logic',
    description: '',
    icon: 'x',
    inputs: [{ name: 'in', title: 'In' }],
    outputs: [{ name: 'out', title: 'Out' }],
    params: z.strictObject({}),
    run: passRun,
  }),
]);

/** A valid flow document (raw JSON) that tests change one thing in. */
export function sampleFlow() {
  return {
    koppel: 2,
    id: 'stock-sync',
    name: 'Stock to shop',
    description: 'Moves stock levels from Visma.net to CCV Shop.',
    connections: { erp: { type: 'visma-net', title: 'Visma.net' }, shop: { type: 'ccv-shop' } },
    nodes: [
      { id: 'start', type: 'test.start', version: 1, params: {} },
      { id: 'fetch', type: 'test.fetch', version: 1, name: 'Fetch stock', connection: 'erp', params: { pageSize: 500 } },
      { id: 'calc', type: 'test.calc', version: 2, name: 'Calculate', params: { formula: "$table('vat', country)", fields: [] } },
      { id: 'save', type: 'test.upsert', version: 1, connection: 'shop', params: {} },
    ],
    edges: [
      { from: { node: 'start', port: 'out' }, to: { node: 'fetch', port: 'in' } },
      { from: { node: 'fetch', port: 'out' }, to: { node: 'calc', port: 'in' } },
      { from: { node: 'calc', port: 'out' }, to: { node: 'save', port: 'in' } },
    ],
    tables: { vat: { description: 'VAT code per country', default: 'EU', rows: { NL: 'H', BE: 'EU' } } },
    settings: { batchSize: 100, payloadLogging: 'redacted', stopOnError: false },
    layout: { nodes: { start: { x: 0, y: 0 }, fetch: { x: 200, y: 0 }, calc: { x: 400, y: 0 }, save: { x: 600, y: 0 } } },
  };
}
