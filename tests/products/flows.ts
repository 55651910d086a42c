import { parseFlow } from '../../engine';
import type { FlowDocument, Json, JsonObject } from '../../engine';
import { catalog } from '../../nodes/catalog';

interface NodeSpec {
  id: string;
  type: string;
  connection?: 'visma' | 'shop';
  params?: JsonObject;
}

/** A flow document for a test: nodes in a row, edges as [from, fromPort, to, toPort]. */
export function flowOf(id: string, nodes: NodeSpec[], edges: [string, string, string, string][], tables: Record<string, { default?: Json; rows: JsonObject }> = {}): FlowDocument {
  const parsed = parseFlow(
    {
      koppel: 2,
      id,
      name: id,
      connections: { visma: { type: 'visma-net' }, shop: { type: 'ccv-shop' } },
      nodes: nodes.map((n) => ({ id: n.id, type: n.type, version: 1, params: n.params ?? {}, ...(n.connection ? { connection: n.connection } : {}) })),
      edges: edges.map(([from, fromPort, to, toPort]) => ({ from: { node: from, port: fromPort }, to: { node: to, port: toPort } })),
      tables,
    },
    catalog,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.flow;
}

const start = { id: 'start', type: 'trigger.manual' };

/** Sales categories → shop categories, and active items → their category links. */
export const categoriesFlow = () =>
  flowOf(
    'categories',
    [
      start,
      { id: 'cats', type: 'visma.fetch', connection: 'visma', params: { resource: 'salesCategories', delta: 'off' } },
      { id: 'items', type: 'visma.fetch', connection: 'visma', params: { resource: 'inventory', status: 'Active', delta: 'lastModified' } },
      { id: 'sync', type: 'ccv.syncCategories', connection: 'shop' },
    ],
    [
      ['start', 'out', 'cats', 'in'],
      ['start', 'out', 'items', 'in'],
      ['cats', 'out', 'sync', 'categories'],
      ['items', 'out', 'sync', 'products'],
    ],
  );

/** Items whose image attachment changed → their main photo. */
export const imagesFlow = () =>
  flowOf(
    'images',
    [
      start,
      { id: 'items', type: 'visma.fetch', connection: 'visma', params: { resource: 'inventory', status: 'Active', delta: 'attachment' } },
      { id: 'image', type: 'visma.fetchImage', connection: 'visma' },
      { id: 'photo', type: 'ccv.syncPhoto', connection: 'shop' },
    ],
    [
      ['start', 'out', 'items', 'in'],
      ['items', 'out', 'image', 'in'],
      ['image', 'out', 'photo', 'in'],
    ],
  );

const VARIANTS = `[variants.{
  "sku": inventoryNumber,
  "ean": (crossReferences[alternateType = 'Barcode'].alternateID)[0],
  "stock": $max([0, $sum(warehouseDetails.available)]),
  "options": { "SIZE": attributes[id = 'SIZE'].value, "COLOR": $table('colour', attributes[id = 'COLOR'].value) }
}]`;

/** Active items grouped per product (TSHIRT-RED-M → TSHIRT) → variant products; properties for every item. */
export const variantsFlow = () =>
  flowOf(
    'variants',
    [
      start,
      // Every run reads all items: a product's fields come from all its variants, so a group must be complete.
      { id: 'items', type: 'visma.fetch', connection: 'visma', params: { resource: 'inventory', status: 'Active', delta: 'off' } },
      { id: 'group', type: 'visma.groupVariants', params: { groupBy: 'pattern', pattern: '^([A-Z]+)-(?:RED|BLUE|BLACK)-[SML]$' } },
      {
        id: 'map',
        type: 'core.map',
        params: {
          rows: [
            { target: 'productnumber', mode: 'field', source: 'groupKey' },
            { target: 'name', mode: 'expression', source: "$substringBefore(variants[0].description, ' ')" },
            { target: 'price', mode: 'expression', source: '$min(variants.defaultPrice)' },
            { target: 'taxtariff', mode: 'constant', source: 'normal', updateOnResync: false },
            { target: 'variants', mode: 'expression', source: VARIANTS },
          ],
        },
      },
      {
        id: 'write',
        type: 'ccv.upsertVariantProduct',
        connection: 'shop',
        params: {
          attributes: [
            { vismaAttribute: 'SIZE', shopAttribute: 'Maat' },
            { vismaAttribute: 'COLOR', shopAttribute: 'Kleur' },
          ],
        },
      },
    ],
    [
      ['start', 'out', 'items', 'in'],
      ['items', 'out', 'group', 'in'],
      ['group', 'groups', 'map', 'in'],
      ['map', 'out', 'write', 'in'],
    ],
    { colour: { rows: { RED: 'Rood', BLUE: 'Blauw', BLACK: 'Zwart' } } },
  );

/** Country of origin and item class of every active item → product properties. */
export const propertiesFlow = () =>
  flowOf(
    'properties',
    [
      start,
      { id: 'items', type: 'visma.fetch', connection: 'visma', params: { resource: 'inventory', status: 'Active', delta: 'lastModified', expand: { accountInformation: false } } },
      {
        id: 'map',
        type: 'core.map',
        params: {
          rows: [
            { target: 'inventoryNumber', mode: 'field', source: 'inventoryNumber' },
            { target: 'properties', mode: 'expression', source: "{ 'Land van herkomst': intrastat.countryOfOrigin, 'Artikelgroep': itemClass.description }" },
          ],
        },
      },
      { id: 'write', type: 'ccv.syncProperties', connection: 'shop', params: { group: 'Specificaties' } },
    ],
    [
      ['start', 'out', 'items', 'in'],
      ['items', 'out', 'map', 'in'],
      ['map', 'out', 'write', 'in'],
    ],
  );
