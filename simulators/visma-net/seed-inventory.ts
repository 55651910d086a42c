// Seeded inventory: record `i` depends only on (seed, i). Every block of 20 holds 11 simple items and one
// family of 9 variants (COLOR x SIZE, SKUs like TSHIRT-RED-M); a few simple SKUs contain reserved characters.
import { isoStamp } from './dates';
import { seededVersion } from './etag';
import type { CrossRef, Item, StockRow } from './model';
import { money, rngFor } from './rng';

export const SEED_BASE_MS = Date.UTC(2024, 0, 1);
const LATEST_MS = Date.UTC(2024, 11, 31, 12);

const FAMILIES = [
  { base: 'TSHIRT', name: 'T-shirt', category: 2, vat: '01', price: 19.95 },
  { base: 'HOODIE', name: 'Hoodie', category: 3, vat: '01', price: 54.95 },
  { base: 'CAP', name: 'Pet', category: 5, vat: '01', price: 14.95 },
  { base: 'SOCKS', name: 'Sokken', category: 6, vat: '01', price: 7.95 },
  { base: 'POLO', name: 'Polo', category: 2, vat: '01', price: 29.95 },
  { base: 'SWEATER', name: 'Trui', category: 3, vat: '01', price: 44.95 },
];
const COLORS = [
  { id: 'RED', name: 'Rood' }, { id: 'BLUE', name: 'Blauw' }, { id: 'BLACK', name: 'Zwart' },
];
const SIZES = ['S', 'M', 'L'];
/** Simple-item numbers with reserved URL characters; fetch them with b64() (reference/visma-net/README.md §4.4). */
const SPECIAL_SKUS: Record<number, string> = { 1: 'AB/12', 4: 'R&D+4;X', 7: 'Q?#7' };

const NOUNS = ['Notitieboek', 'Mok', 'Tas', 'Paraplu', 'Waterfles', 'Sleutelhanger', 'Poster', 'Pennenset', 'Kaarsenset', 'Puzzel', 'Kookboek', 'Roman', 'Cadeaubon', 'Installatieservice'];
const ADJECTIVES = ['klassiek', 'premium', 'compact', 'duurzaam', 'luxe', 'mini', 'XL', 'vintage'];
const BRANDS = ['Koppel', 'Noordzee', 'Polder', 'Tulp'];

interface Slot {
  kind: 'simple' | 'variant';
  simpleNo: number;
  family: number;
  variant: number;
}

function slot(i: number): Slot {
  const block = Math.floor(i / 20);
  const s = i % 20;
  return s <= 10 ? { kind: 'simple', simpleNo: block * 11 + s, family: block, variant: -1 } : { kind: 'variant', simpleNo: -1, family: block, variant: s - 11 };
}

function familyBase(f: number): string {
  const fam = FAMILIES[f % FAMILIES.length];
  const round = Math.floor(f / FAMILIES.length);
  return `${fam?.base ?? 'ITEM'}${round > 0 ? round + 1 : ''}`;
}

/** The SKU of generated item `i`, without generating the item. */
export function inventoryNumberAt(i: number): string {
  const s = slot(i);
  if (s.kind === 'variant') {
    return `${familyBase(s.family)}-${COLORS[Math.floor(s.variant / 3)]?.id}-${SIZES[s.variant % 3]}`;
  }
  const special = SPECIAL_SKUS[s.simpleNo];
  if (special) return special;
  if (s.simpleNo > 10 && s.simpleNo % 97 === 0) return `PK/${s.simpleNo}`;
  return `ART-${String(s.simpleNo).padStart(5, '0')}`;
}

function ean13(i: number): string {
  const body = `871${String(i).padStart(9, '0')}`;
  const sum = [...body].reduce((acc, d, k) => acc + Number(d) * (k % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

export function attachmentIdFor(seed: number, i: number): string {
  return rngFor(seed, 'attachment', i).uuid();
}

/** Items with an image: the first item and the first variant of every fifth family. */
export function hasImage(i: number): boolean {
  return i === 0 || i % 100 === 11;
}

export function generateItem(seed: number, i: number): Item {
  const r = rngFor(seed, 'inventory', i);
  const s = slot(i);
  const number = inventoryNumberAt(i);
  const created = SEED_BASE_MS + i * 5 * 60_000;
  const modified = Math.min(LATEST_MS, created + r.int(0, 10 * 24 * 60) * 60_000);
  const availability = Math.min(LATEST_MS, modified + r.int(0, 5 * 24 * 60) * 60_000);
  let description: string;
  let itemClass: string;
  let vatCode: string;
  let type = 'FinishedGoodItem';
  let price: number;
  let categories: number[];
  const attributes: { id: string; value: string }[] = [];
  if (s.kind === 'variant') {
    const fam = FAMILIES[s.family % FAMILIES.length] ?? FAMILIES[0];
    const color = COLORS[Math.floor(s.variant / 3)] ?? COLORS[0];
    const size = SIZES[s.variant % 3] ?? 'M';
    description = `${fam?.name} ${color?.name.toLowerCase()} maat ${size}`;
    itemClass = 'KLEDING';
    vatCode = fam?.vat ?? '01';
    price = (fam?.price ?? 19.95) + (size === 'L' ? 2 : 0);
    categories = [1, fam?.category ?? 2];
    attributes.push({ id: 'SIZE', value: size }, { id: 'COLOR', value: color?.id ?? 'RED' }, { id: 'WEBSHOP', value: '1' });
  } else {
    const noun = r.pick(NOUNS);
    description = `${noun} ${r.pick(ADJECTIVES)} ${s.simpleNo}`;
    itemClass = noun === 'Kookboek' || noun === 'Roman' ? 'BOEK' : noun === 'Installatieservice' ? 'DIENST' : 'ALG';
    vatCode = itemClass === 'BOEK' ? '02' : noun === 'Cadeaubon' ? '03' : '01';
    type = itemClass === 'DIENST' ? 'ServiceItem' : 'FinishedGoodItem';
    price = money(r.int(2, 149) + 0.95);
    categories = itemClass === 'BOEK' ? [7] : [r.pick([4, 8])];
    attributes.push({ id: 'WEBSHOP', value: r.chance(0.8) ? '1' : '0' }, { id: 'BRAND', value: r.pick(BRANDS) });
  }
  const stockItem = type !== 'ServiceItem';
  const roll = r.next();
  const status = i === 0 || SPECIAL_SKUS[s.simpleNo] !== undefined ? 'Active' : roll < 0.85 ? 'Active' : roll < 0.93 ? 'Inactive' : 'NoSales';
  const stock: StockRow[] = stockItem
    ? ['MAIN', 'EXTERN'].map((warehouse, w) => {
      const onHand = w === 0 ? r.int(0, 120) : r.chance(0.5) ? 0 : r.int(1, 40);
      const soBooked = Math.min(onHand, r.int(0, 5));
      return { warehouse, onHand, soBooked, soAllocated: Math.min(soBooked, r.int(0, 2)), soShipped: 0, purchaseOrders: r.chance(0.2) ? r.int(10, 50) : 0, notAvailable: 0, lastModified: isoStamp(availability) };
    })
    : [];
  const crossReferences: CrossRef[] = stockItem ? [{ alternateType: 'Barcode', alternateID: ean13(i), description: 'EAN', uom: 'PCS', bAccount: null }] : [];
  if (stockItem && i % 5 === 0) crossReferences.push({ alternateType: 'Global', alternateID: `0${ean13(i)}`, description: 'GTIN', uom: 'PCS', bAccount: null });
  return {
    inventoryId: 1000 + i,
    inventoryNumber: number,
    status,
    type,
    stockItem,
    kitItem: false,
    description,
    body: `<p>${description}. Gemaakt van duurzame materialen.</p><ul><li>Artikel ${number}</li></ul>`,
    note: r.chance(0.3) ? `Interne notitie bij ${number}` : null,
    itemClass,
    postingClass: 'STD',
    vatCode,
    defaultPrice: price,
    recommendedPrice: money(price * 1.2),
    currentCost: money(price * 0.45),
    lastCost: money(price * 0.45),
    baseUnit: 'PCS',
    salesUnit: 'PCS',
    purchaseUnit: 'PCS',
    defaultWarehouse: stockItem ? 'MAIN' : null,
    crossReferences,
    attachments: hasImage(i) ? [{ id: attachmentIdFor(seed, i), name: `${number.replace(/[^A-Za-z0-9-]/g, '_')}.png`, revision: 1 }] : [],
    attributes,
    salesCategories: categories,
    stock,
    packaging: stockItem ? { baseItemWeight: money(r.int(50, 900) / 1000), weightUOM: 'KG', baseItemVolume: null, volumeUOM: null } : null,
    intrastat: stockItem ? { cN8: '61091000', countryOfOrigin: 'PT', supplementaryMeasureUnit: null } : null,
    accounts: { salesAccount: vatCode === '02' ? '8010' : vatCode === '03' ? '8020' : '8000', salesEuAccount: '8030', salesExportAccount: '8040', cogsAccount: '7000', inventoryAccount: '3000' },
    createdDateTime: isoStamp(created),
    lastModifiedDateTime: isoStamp(modified),
    availabilityLastModified: isoStamp(availability),
    attachmentLastModified: isoStamp(modified),
    timestamp: seededVersion(1, i),
    extra: {},
  };
}
