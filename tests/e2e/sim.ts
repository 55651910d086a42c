/** Reads the CCV Shop simulator behind the demo connection, found through the host API like a user would. */
import { z } from 'zod';
import type { KoppelServer } from './koppel-server';

const storeSchema = z.looseObject({ total: z.number(), items: z.array(z.looseObject({ id: z.union([z.number(), z.string()]), productnumber: z.string().optional() })) });
const requestsSchema = z.looseObject({ items: z.array(z.looseObject({ method: z.string(), path: z.string() })) });

export type StoredProduct = z.infer<typeof storeSchema>['items'][number];

export async function ccvSimulatorUrl(k: KoppelServer): Promise<string> {
  const shop = (await k.call('connections.list')).find((c) => c.type === 'ccv-shop' && c.demo);
  const url = shop?.settings.baseUrl;
  if (!url) throw new Error('No demo CCV Shop connection with a baseUrl: was the demo workspace set up?');
  return url;
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return res.json();
}

/** Every product in the simulator's store (paged: the admin endpoint gives at most 100 at a time). */
export async function storeProducts(ccvUrl: string): Promise<StoredProduct[]> {
  const all: StoredProduct[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = storeSchema.parse(await getJson(`${ccvUrl}/__sim/store/products?offset=${offset}&limit=100`));
    all.push(...page.items);
    if (page.items.length === 0 || all.length >= page.total) return all;
  }
}

export async function simRequests(ccvUrl: string): Promise<Array<{ method: string; path: string }>> {
  return requestsSchema.parse(await getJson(`${ccvUrl}/__sim/requests`)).items;
}

export async function clearSimRequests(ccvUrl: string): Promise<void> {
  const res = await fetch(`${ccvUrl}/__sim/requests`, { method: 'DELETE' });
  if (!res.ok) throw new Error(`DELETE ${ccvUrl}/__sim/requests answered ${res.status}`);
}

