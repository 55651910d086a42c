import { describe, expect, it } from 'vitest';
import type { NodeTypeInfo } from '../../host/contract';
import { groupCatalog } from './palette-groups';

const info = (type: string, title: string, category: NodeTypeInfo['category'], description = ''): NodeTypeInfo => ({
  type,
  version: 1,
  title,
  category,
  description,
  icon: 'box',
  inputs: [],
  outputs: [],
  writes: false,
  paramsSchema: {},
  defaults: {},
});

const catalog = [
  info('core.map', 'Map fields', 'transform'),
  info('ccv.upsertProduct', 'Update products', 'ccv', 'Creates or updates products'),
  info('trigger.manual', 'Manual start', 'trigger'),
  info('visma.fetchInventory', 'Fetch inventory', 'visma'),
  info('visma.fetchCustomers', 'Fetch customers', 'visma'),
  info('core.filter', 'Filter', 'logic'),
];

describe('palette groups', () => {
  it('groups Triggers, Visma.net, CCV Shop, Logic, Transform in that order, titles sorted', () => {
    const groups = groupCatalog(catalog);
    expect(groups.map((g) => g.category)).toEqual(['trigger', 'visma', 'ccv', 'logic', 'transform']);
    expect(groups[1]?.items.map((i) => i.title)).toEqual(['Fetch customers', 'Fetch inventory']);
  });

  it('filters by title, description or type and drops empty groups', () => {
    expect(groupCatalog(catalog, 'product').map((g) => g.category)).toEqual(['ccv']);
    expect(groupCatalog(catalog, 'CORE.').flatMap((g) => g.items.map((i) => i.type))).toEqual(['core.filter', 'core.map']);
    expect(groupCatalog(catalog, 'zzz')).toEqual([]);
  });
});
