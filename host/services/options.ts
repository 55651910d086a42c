import { z } from 'zod';
import { CcvClient, type CategoryTreeNode } from '../../connectors/ccv-shop/index';
import { VismaClient, flattenSalesCategories } from '../../connectors/visma-net/index';
import type { SlotType } from '../../engine/flow/schema';
import type { ClientFactory } from '../clients';
import { optionKindSchema } from '../contract';
import { HostError, messageOf } from '../errors';
import { TYPE_LABEL } from '../labels';
import type { StoredConnection } from '../stored';

export type OptionKind = z.infer<typeof optionKindSchema>;
export interface Option {
  value: string;
  label: string;
}

const MAX_OPTIONS = 10_000;
const CACHE_MS = 60_000;

const KIND_LABEL: Record<OptionKind, string> = {
  vatCategories: 'VAT categories',
  vatZones: 'VAT zones',
  paymentMethods: 'payment methods',
  creditTerms: 'credit terms',
  carriers: 'carriers',
  branches: 'branches',
  warehouses: 'warehouses',
  customerClasses: 'customer classes',
  itemClasses: 'item classes',
  salesCategories: 'sales categories',
  currencies: 'currencies',
  salesOrderTypes: 'sales order types',
  ccvOrderStatuses: 'order statuses',
  ccvPayMethods: 'payment methods',
  ccvPackages: 'packages',
  ccvAttributes: 'attributes',
  ccvCategories: 'categories',
};

export const kindSource = (kind: OptionKind): SlotType => (kind.startsWith('ccv') ? 'ccv-shop' : 'visma-net');

/** "21 – High rate"; just the value when there is no description or it says the same. */
function option(value: string | number | null | undefined, description?: string | null): Option | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const v = String(value);
  const d = description?.trim();
  return { value: v, label: d && d !== v ? `${v} – ${d}` : v };
}

async function collect<T>(items: AsyncIterable<T> | Promise<readonly T[]>, map: (item: T) => Option | undefined): Promise<Option[]> {
  const out: Option[] = [];
  const push = (item: T): boolean => {
    const o = map(item);
    if (o) out.push(o);
    return out.length < MAX_OPTIONS;
  };
  if (Symbol.asyncIterator in items) {
    for await (const item of items) if (!push(item)) break;
  } else {
    for (const item of await items) if (!push(item)) break;
  }
  return out;
}

const orderTypeSchema = z.array(z.looseObject({ orderType: z.string().nullish(), description: z.string().nullish(), active: z.boolean().nullish() }));

/** CCV's documented default statuses (reference/ccv-shop/README.md §6.5), for shops whose settings list none. */
const CCV_DEFAULT_STATUSES = ['New', 'In process', 'Wait for manufacturer', 'Wait for payment', 'Sent', 'Delivered', 'Completed', 'Cancelled', 'Wait for supplier', 'Is being packaged', 'Ready to be collected', 'Is being assembled', 'Backorder', 'Reserved'];

function flattenCcvTree(nodes: readonly CategoryTreeNode[], parents: string[] = []): Option[] {
  const out: Option[] = [];
  for (const node of nodes) {
    const name = node.name ?? String(node.id ?? '');
    const path = [...parents, name];
    if (node.id !== null && node.id !== undefined) out.push({ value: String(node.id), label: path.join(' / ') });
    out.push(...flattenCcvTree(node.children, path));
  }
  return out;
}

async function loadVisma(client: VismaClient, kind: OptionKind): Promise<Option[]> {
  switch (kind) {
    case 'vatCategories':
      return collect(client.vatCategories.list(), (c) => (c.active === false ? undefined : option(c.vatCategoryId, c.description)));
    case 'vatZones':
      return collect(client.vatZones.iterate(), (z) => option(z.id, z.description));
    case 'paymentMethods':
      return collect(client.paymentMethods.list(), (m) => (m.active === false ? undefined : option(m.paymentMethodID, m.description)));
    case 'creditTerms':
      return collect(client.creditTerms.iterate(), (t) => option(t.termsId, t.description));
    case 'carriers':
      return collect(client.carriers.iterate(), (c) => option(c.carrierId, c.carrierDescription));
    case 'branches':
      return collect(client.branches.list(), (b) => (b.isActive === false ? undefined : option(b.number, b.name)));
    case 'warehouses':
      return collect(client.warehouses.iterate(), (w) => (w.active === false ? undefined : option(w.warehouseID, w.description)));
    case 'customerClasses':
      return collect(client.customerClasses.list(), (c) => option(c.id, c.description));
    case 'itemClasses':
      return collect(client.itemClasses.iterate(), (c) => option(c.id, c.description));
    case 'salesCategories':
      return flattenSalesCategories(await client.salesCategories.tree()).map((c) => ({ value: String(c.categoryID), label: c.path.join(' / ') }));
    case 'currencies':
      return collect(client.currencies.list(), (c) => option(c.id, c.description));
    case 'salesOrderTypes': {
      // No typed resource: `GET /v1/salesordertype` (reference/visma-net/README.md §6.3) through the client's raw call.
      const response = await client.request({ service: 'main', method: 'GET', path: '/v1/salesordertype', query: { pageNumber: 1, pageSize: 1000 }, what: 'the sales order types' });
      const parsed = orderTypeSchema.safeParse(response.json);
      if (!parsed.success) throw new Error('Visma.net answered the list of sales order types in an unexpected shape.');
      return parsed.data.filter((t) => t.active !== false).flatMap((t) => option(t.orderType, t.description) ?? []);
    }
    default:
      return [];
  }
}

async function loadCcv(client: CcvClient, kind: OptionKind): Promise<Option[]> {
  switch (kind) {
    case 'ccvOrderStatuses': {
      const shop = await client.webshops.current();
      const settings = await client.webshops.settings(shop.id);
      const listed = (settings.order_status ?? []).flatMap((s) => option(s.id, s.status_name ?? s.status) ?? []);
      return listed.length > 0 ? listed : CCV_DEFAULT_STATUSES.map((name, i) => ({ value: String(i + 1), label: `${i + 1} – ${name}` }));
    }
    case 'ccvPayMethods':
      // Orders name their method by `combined_name` (reference/ccv-shop/README.md §6.6), so that is the value to map on.
      return collect(client.payMethods.list(), (m) => {
        const value = m.combined_name ?? m.method ?? (m.id === undefined ? undefined : String(m.id));
        return value ? { value, label: m.label && m.label !== value ? `${m.label} (${value})` : value } : undefined;
      });
    case 'ccvPackages':
      return collect(client.packages.iterate(), (p) => option(p.id, p.name));
    case 'ccvAttributes':
      return collect(client.attributes.iterate(), (a) => option(a.id, a.name));
    case 'ccvCategories':
      return flattenCcvTree((await client.categories.tree()).root_categories);
    default:
      return [];
  }
}

/** Option lists for the inspector (VAT categories, warehouses, order statuses, ...), loaded live from the bound connection. */
export function createOptionsService(deps: { clients: ClientFactory; getConnection: (id: string) => StoredConnection; now?: () => number }) {
  const now = deps.now ?? Date.now;
  const cache = new Map<string, { at: number; options: Option[] }>();
  return {
    /** Forgets cached lists of a connection (after it was edited). */
    forget(connectionId: string): void {
      for (const key of cache.keys()) if (key.startsWith(`${connectionId}\u0000`)) cache.delete(key);
    },
    async list(connectionId: string, kind: OptionKind): Promise<Option[]> {
      const connection = deps.getConnection(connectionId);
      const source = kindSource(kind);
      if (connection.type !== source) {
        throw new HostError('invalid-input', `The list of ${KIND_LABEL[kind]} comes from a ${TYPE_LABEL[source]} connection, but '${connection.name}' is ${TYPE_LABEL[connection.type]}. Bind a ${TYPE_LABEL[source]} connection to this node's slot.`);
      }
      const key = `${connectionId}\u0000${kind}`;
      const hit = cache.get(key);
      if (hit && now() - hit.at < CACHE_MS) return hit.options;
      const client = await deps.clients.clientFor(connection);
      let options: Option[];
      try {
        options = client instanceof VismaClient ? await loadVisma(client, kind) : await loadCcv(client, kind);
      } catch (error) {
        throw new HostError('failed', `Could not load the ${KIND_LABEL[kind]} from '${connection.name}': ${messageOf(error)}`);
      }
      cache.set(key, { at: now(), options });
      return options;
    },
  };
}
