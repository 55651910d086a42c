import type { NodeContext } from '../../../engine';
import type { CcvClient, Property } from '../../../connectors/ccv-shop/index';

const same = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

export interface ShopProperty {
  id: number;
  type: string;
  /** Option name → id, for properties of type option. */
  options: Map<string, number>;
}

/**
 * The property group and its properties, looked up once per run and created when missing (not in a dry run:
 * undefined then means "would be created").
 */
export class PropertyCatalog {
  private group: Promise<number | undefined> | undefined;
  private readonly properties = new Map<string, ShopProperty>();
  private loaded = false;

  constructor(
    private readonly ctx: NodeContext<unknown>,
    private readonly client: CcvClient,
    private readonly groupName: string,
  ) {}

  groupId(): Promise<number | undefined> {
    this.group ??= (async () => {
      for await (const g of this.client.productProperties.groups({ signal: this.ctx.signal })) if (same(g.name, this.groupName)) return g.id;
      if (this.ctx.dryRun) return undefined;
      const created = await this.client.productProperties.createGroup({ name: this.groupName }, { signal: this.ctx.signal });
      this.ctx.log('info', `Created property group '${this.groupName}' in the shop.`);
      return created.id;
    })();
    return this.group;
  }

  private remember(p: Property): ShopProperty {
    const options = new Map<string, number>();
    for (const o of p.options?.collection ?? []) options.set((o.name ?? '').trim().toLowerCase(), o.id);
    const shop = { id: p.id, type: p.type ?? 'text', options };
    this.properties.set((p.name ?? '').trim().toLowerCase(), shop);
    return shop;
  }

  async property(name: string): Promise<ShopProperty | undefined> {
    const key = name.trim().toLowerCase();
    const groupId = await this.groupId();
    if (groupId === undefined) return undefined;
    if (!this.loaded) {
      for await (const p of this.client.productProperties.properties(groupId, { signal: this.ctx.signal })) this.remember(p);
      this.loaded = true;
    }
    const known = this.properties.get(key);
    if (known || this.ctx.dryRun) return known;
    const created = await this.client.productProperties.createProperty(groupId, { name: name.trim(), type: 'text' }, { signal: this.ctx.signal });
    return this.remember(created);
  }

  /** The value as CCV stores it: text, "true"/"false" for a checkbox, the option id for an option property. */
  async valueFor(p: ShopProperty, text: string): Promise<string | undefined> {
    if (p.type === 'checkbox') return ['1', 'true', 'yes', 'ja', 'y'].includes(text.trim().toLowerCase()) ? 'true' : 'false';
    if (p.type !== 'option') return text;
    const key = text.trim().toLowerCase();
    const known = p.options.get(key);
    if (known !== undefined) return String(known);
    if (this.ctx.dryRun) return undefined;
    const created = await this.client.productProperties.createOption(p.id, { name: text.trim() }, { signal: this.ctx.signal });
    p.options.set(key, created.id);
    return String(created.id);
  }
}
