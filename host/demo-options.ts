/*
 * The one set of options both demo entry points (`koppel run --demo`, the desktop demo workspace) start the
 * simulators with, so the example flows see the same, coherent data: the shop's seeded products carry item
 * numbers of the seeded Visma.net items (a shop already partly synced), and Visma.net has the cost items the
 * order flows post shipping and payment costs to.
 */
import { seededItem } from '../simulators/visma-net/index';
import type { VismaSimOptions } from '../simulators/visma-net/index';
import type { CcvSimOptions, SeedSkus } from '../simulators/ccv-shop/index';

/** Small enough that a first demo run finishes within CCV Shop's per-minute budgets, large enough to show paging. */
export const DEMO_SIZES = { visma: { inventory: 40, customers: 20 }, ccv: { products: 10, orders: 40, users: 20 } } as const;
export const DEMO_SEED = 1;

/** The CCV seed's variant products (index 3, 13, ...) have sizes S/M/L times colours Zwart/Wit. */
const isShopVariant = (i: number): boolean => i % 10 === 3;
const SHOP_SIZES = ['S', 'M', 'L'];
/** Visma.net's seeded families have RED/BLUE/BLACK; Zwart maps to BLACK, Wit (absent there) to another colour. */
const PREFERRED_COLOURS = ['BLACK', 'BLUE', 'RED'];

/** Item families whose combinations can all be sold: base and the two colours used for the shop's two. */
export interface DemoSizes {
  visma: { inventory: number; customers: number };
  ccv: { products: number; orders: number; users: number };
}

function sellableFamilies(seed: number, inventory: number): { base: string; colours: string[] }[] {
  const active = new Map<string, Map<string, Set<string>>>();
  for (let i = 0; i < inventory; i++) {
    const item = seededItem(seed, i);
    const size = item.attributes.find((a) => a.id === 'SIZE')?.value;
    const colour = item.attributes.find((a) => a.id === 'COLOR')?.value;
    if (!size || !colour || item.status !== 'Active') continue;
    const base = item.inventoryNumber.slice(0, item.inventoryNumber.length - `-${colour}-${size}`.length);
    const colours = active.get(base) ?? new Map<string, Set<string>>();
    colours.set(colour, (colours.get(colour) ?? new Set()).add(size));
    active.set(base, colours);
  }
  return [...active].flatMap(([base, colours]) => {
    const full = PREFERRED_COLOURS.filter((c) => SHOP_SIZES.every((s) => colours.get(c)?.has(s)));
    return full.length >= 2 ? [{ base, colours: full.slice(0, 2) }] : [];
  });
}

/** Shop SKUs for the demo: simple products get active simple items, variant products a sellable item family. */
export function demoShopSkus(seed: number = DEMO_SEED, sizes: DemoSizes = DEMO_SIZES): SeedSkus {
  const simple: string[] = [];
  for (let i = 0; i < sizes.visma.inventory; i++) {
    const item = seededItem(seed, i);
    if (item.status === 'Active' && !item.attributes.some((a) => a.id === 'SIZE')) simple.push(item.inventoryNumber);
  }
  const families = sellableFamilies(seed, sizes.visma.inventory);
  const products: string[] = [];
  const combinations: (string[] | null)[] = [];
  for (let i = 0; i < sizes.ccv.products; i++) {
    const family = isShopVariant(i) ? families.shift() : undefined;
    if (family) {
      products.push(family.base);
      combinations.push(SHOP_SIZES.flatMap((size) => family.colours.map((colour) => `${family.base}-${colour}-${size}`)));
      continue;
    }
    // More shop products than items: the rest keep the shop's own numbers (not synced yet).
    products.push(simple.shift() ?? `SKU-${String(i + 1).padStart(6, '0')}`);
    combinations.push(null);
  }
  return { products, combinations };
}

/** Options of both demo simulators (port and host are the caller's). */
export function demoSimulatorOptions(): { visma: VismaSimOptions; ccv: CcvSimOptions } {
  return {
    visma: { seed: DEMO_SEED, sizes: DEMO_SIZES.visma, costItems: true, quiet: true },
    ccv: { seed: DEMO_SEED, sizes: DEMO_SIZES.ccv, skus: demoShopSkus(), quiet: true },
  };
}
