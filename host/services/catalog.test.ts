import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCatalog, defineNode } from '../../engine/index';
import { sourceNode, testCatalog, writerNode } from '../testing/fixtures';
import { createCatalogService, nodeTypeInfo } from './catalog';

describe('catalog as the renderer sees it', () => {
  it('describes params as JSON Schema with the UI hints, and the defaults of an empty params object', () => {
    const info = nodeTypeInfo(sourceNode);
    expect(info).toMatchObject({ type: 'test.source', version: 1, category: 'transform', writes: false, inputs: [{ name: 'in', title: 'Start' }] });
    expect(info.paramsSchema).toMatchObject({
      type: 'object',
      properties: { count: { type: 'integer', title: 'How many', ui: { widget: 'number' }, default: 3 }, prefix: { type: 'string', ui: { widget: 'text' } } },
    });
    expect(info.defaults).toEqual({ count: 3, prefix: 'SKU-', batch: 10 });
  });

  it('marks writing nodes and their connection type, and takes single defaults when {} is not valid', () => {
    const info = nodeTypeInfo(writerNode);
    expect(info).toMatchObject({ writes: true, connection: 'ccv-shop', outputs: [{ name: 'out' }, { name: 'error' }] });
    // `target` is required, so {} does not parse: the defaults of the other params still come through.
    expect(info.defaults).toEqual({ failKeys: [] });
  });

  it('survives params zod cannot put into JSON Schema', () => {
    const odd = defineNode({
      type: 'test.odd',
      version: 1,
      title: 'Odd',
      category: 'logic',
      description: '',
      icon: 'x',
      inputs: [],
      outputs: [],
      params: z.strictObject({ when: z.date().optional(), n: z.number().default(1) }),
      async *run() {},
    });
    const info = nodeTypeInfo(odd);
    expect(info.paramsSchema).toHaveProperty('type', 'object');
    expect(info.defaults).toEqual({ n: 1 });
  });

  it('lists every node type of the catalogue', () => {
    const list = createCatalogService(testCatalog()).list();
    expect(list.map((n) => n.type)).toEqual(['trigger.manual', 'test.source', 'test.writer', 'test.wait']);
    expect(createCatalogService(createCatalog([])).list()).toEqual([]);
  });
});
