import type { CcvClient } from '../../../connectors/ccv-shop/index';

/** Where a SKU's stock lives in CCV Shop: on a product, or on one variant (attribute combination) of a product. */
export type StockTarget =
  | { kind: 'product'; productId: number; stock?: number; stockenabled?: boolean }
  | { kind: 'variant'; combinationId: number; productId: number; stock?: number };

export type TargetChoice = 'auto' | 'product' | 'variant';

/** `product:12` / `variant:34@12`, as kept in the id map. */
export function encodeTarget(t: StockTarget): string {
  return t.kind === 'product' ? `product:${t.productId}` : `variant:${t.combinationId}@${t.productId}`;
}

export function decodeTarget(text: string): StockTarget | undefined {
  const p = /^product:(\d+)$/.exec(text);
  if (p) return { kind: 'product', productId: Number(p[1]) };
  const v = /^variant:(\d+)@(\d+)$/.exec(text);
  if (v) return { kind: 'variant', combinationId: Number(v[1]), productId: Number(v[2]) };
  return undefined;
}

const same = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Finds the SKU in the shop: a product with this product number, else a variant with this SKU (sku_number, or
 * product_number) found through GET /productqueries/?skunumber= (30 calls a minute, so only when needed).
 */
export async function findStockTarget(client: CcvClient, sku: string, choice: TargetChoice, signal: AbortSignal): Promise<StockTarget | undefined> {
  if (choice !== 'variant') {
    const product = await client.products.findByNumber(sku, { signal });
    if (product) return { kind: 'product', productId: product.id, stock: product.stock ?? undefined, stockenabled: product.stockenabled ?? undefined };
    if (choice === 'product') return undefined;
  }
  for await (const parent of client.products.query({ skunumber: sku }, { signal })) {
    for await (const c of client.attributeCombinations.listForProduct(parent.id, { signal })) {
      if (same(c.sku_number, sku) || same(c.product_number, sku)) return { kind: 'variant', combinationId: c.id, productId: parent.id, stock: c.stock ?? undefined };
    }
  }
  return undefined;
}

/** Reads the current stock of a known target (for a dry run's before value); undefined when it is gone. */
export async function currentStock(client: CcvClient, t: StockTarget, signal: AbortSignal): Promise<StockTarget | undefined> {
  if (t.kind === 'product') {
    const p = await client.products.get(t.productId, { signal });
    return { ...t, stock: p.stock ?? undefined, stockenabled: p.stockenabled ?? undefined };
  }
  const c = await client.attributeCombinations.get(t.combinationId, { signal });
  return { ...t, stock: c.stock ?? undefined };
}
