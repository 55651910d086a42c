import type { NodeContext } from '../../../engine';
import type { CcvClient } from '../../../connectors/ccv-shop/index';
import type { AttributeRow } from './variant-input';

const ATTRIBUTE_SCOPE = 'attribute';
const VALUE_SCOPE = 'attribute value';

/**
 * Shop attributes and values by name: from this run, else the id map, else looked up in the shop, else created
 * (not in a dry run: then undefined means "would be created").
 */
export class AttributeCatalog {
  private readonly attributes = new Map<string, number>();
  private readonly values = new Map<string, number>();

  constructor(
    private readonly ctx: NodeContext<unknown>,
    private readonly client: CcvClient,
  ) {}

  async attributeId(row: AttributeRow): Promise<number | undefined> {
    const key = row.shopAttribute.toLowerCase();
    const known = this.attributes.get(key) ?? this.mapped(ATTRIBUTE_SCOPE, key);
    if (known !== undefined) return this.remember(this.attributes, key, known);
    const found = await this.client.attributes.findByName(row.shopAttribute, { signal: this.ctx.signal });
    if (found) return this.keep(ATTRIBUTE_SCOPE, this.attributes, key, found.id);
    if (this.ctx.dryRun) return undefined;
    const created = await this.client.attributes.create({ name: row.shopAttribute, type: row.type }, { signal: this.ctx.signal });
    this.ctx.log('info', `Created attribute '${row.shopAttribute}' in the shop.`);
    return this.keep(ATTRIBUTE_SCOPE, this.attributes, key, created.id);
  }

  async valueId(attributeId: number, name: string): Promise<number | undefined> {
    const key = `${attributeId}:${name.toLowerCase()}`;
    const known = this.values.get(key) ?? this.mapped(VALUE_SCOPE, key);
    if (known !== undefined) return this.remember(this.values, key, known);
    const found = await this.client.attributeValues.findByName(attributeId, name, { signal: this.ctx.signal });
    if (found) return this.keep(VALUE_SCOPE, this.values, key, found.id);
    if (this.ctx.dryRun) return undefined;
    const created = await this.client.attributeValues.create(attributeId, { name, default_price: 0 }, { signal: this.ctx.signal });
    return this.keep(VALUE_SCOPE, this.values, key, created.id);
  }

  private mapped(scope: string, key: string): number | undefined {
    const m = this.ctx.ledger.getMapping(scope, key);
    const id = m ? Number(m.targetId) : undefined;
    return id !== undefined && Number.isInteger(id) ? id : undefined;
  }

  private remember(map: Map<string, number>, key: string, id: number): number {
    map.set(key, id);
    return id;
  }

  private keep(scope: string, map: Map<string, number>, key: string, id: number): number {
    this.ctx.ledger.setMapping(scope, key, String(id), '');
    return this.remember(map, key, id);
  }
}
