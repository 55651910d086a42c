// Small, fixed reference data of the seeded shop: packages, brands, pay methods, categories,
// attributes, property groups, settings. Held fully in memory.
import type { JsonObject, Rec } from '../json';
import { IDS } from './ids';

export const PACKAGES: Rec[] = [
  { id: IDS.packages, name: 'Brievenbuspakje' },
  { id: IDS.packages + 1, name: 'Pakket' },
  { id: IDS.packages + 2, name: 'Groot pakket' },
];

/** Base shipping costs (cents, NL) per package id, shown as productshippingcosts.costs. */
export const PACKAGE_SHIPPING_CENTS: Record<number, number> = {
  [IDS.packages]: 395,
  [IDS.packages + 1]: 695,
  [IDS.packages + 2]: 1295,
};

const named = (base: number, names: string[]): Rec[] => names.map((name, i) => ({ id: base + i, name }));

export const BRANDS = named(IDS.brands, ['Koppel Basics', 'Noorderzon', 'Atelier Vos', 'GreenLine']);
export const SUPPLIERS = named(IDS.suppliers, ['Groothandel Jansen', 'Textiel Direct']);
export const CONDITIONS = named(IDS.conditions, ['Nieuw', 'Gebruikt', 'Refurbished']);

export const COLORS: Rec[] = [
  { id: IDS.colors, name: 'Zwart', type: 'color', hex: '#000000', position: 1 },
  { id: IDS.colors + 1, name: 'Wit', type: 'color', hex: '#FFFFFF', position: 2 },
  { id: IDS.colors + 2, name: 'Blauw', type: 'color', hex: '#1E3A8A', position: 3 },
  { id: IDS.colors + 3, name: 'Meerkleurig', type: 'multicolor', hex: null, position: 4 },
  { id: IDS.colors + 4, name: 'Transparant', type: 'transparent', hex: null, position: 5 },
];

/** Pay methods; id 3 / BankTransfer / "Vooraf overmaken" matches the real sample order. */
export const PAYMETHODS: Rec[] = [
  pay(1, 'Mollie', 'ideal', 'MollieIdeal', 'iDEAL'),
  pay(2, 'Mollie', 'bancontact', 'MollieBancontact', 'Bancontact'),
  pay(3, '', 'BankTransfer', 'BankTransfer', 'Vooraf overmaken'),
  { ...pay(4, 'PayPal', 'PayPal', 'PayPal', 'PayPal'), extra_costs: true, extra_costs_fixed: 0.35, extra_costs_percentage: 1.9 },
  pay(5, '', 'Invoice', 'Invoice', 'Op rekening'),
];

function pay(id: number, psp: string, method: string, combined: string, label: string): Rec {
  return {
    id,
    psp,
    method,
    combined_name: combined,
    label,
    extra_costs: false,
    extra_costs_fixed: 0,
    extra_costs_percentage: 0,
    apppsp: null,
    apppsppaymethod: null,
  };
}

/** Category tree template: [name, index of parent or null]. */
const CATEGORY_TREE: [string, number | null][] = [
  ['Kleding', null],
  ['T-shirts', 0],
  ['Truien', 0],
  ['Accessoires', null],
  ['Tassen', 3],
  ['Petten en mutsen', 3],
  ['Wonen', null],
  ['Keuken', 6],
  ['Textiel', 6],
  ['Kantoor', null],
  ['Schrijfwaren', 9],
  ['Cadeaus', null],
];

export function seedCategories(count: number): Rec[] {
  const out: Rec[] = [];
  for (let i = 0; i < count; i++) {
    const tpl = CATEGORY_TREE[i];
    const name = tpl ? tpl[0] : `Categorie ${i + 1}`;
    // Beyond the template, categories hang under the four root categories in turn.
    const parentIndex = tpl ? tpl[1] : ([0, 3, 6, 9][i % 4] ?? null);
    const siblings = out.filter((c) => c.parentcategory_id === (parentIndex === null ? null : IDS.categories + parentIndex));
    out.push(categoryRecord(IDS.categories + i, name, parentIndex === null ? null : IDS.categories + parentIndex, siblings.length + 1));
  }
  return out;
}

export function categoryRecord(id: number, name: string, parentId: number | null, position: number): Rec {
  const alias = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    id,
    name,
    description: '',
    description_photo_size: 'SMALL',
    description_photo_position: 'LEFT',
    description_photo: '',
    description_bottom: '',
    searchwords: '',
    photo: '',
    show_big_photo: false,
    productphoto_in_canvas: false,
    show_orderbutton: true,
    orderby: 'position',
    items_per_page: 24,
    position,
    layout_of_products_id: 1,
    layout_of_categories_id: 1,
    show_on_website: true,
    color: 0,
    color_alternative: 0,
    meta_description: '',
    meta_keywords: '',
    page_title: name,
    no_index: false,
    no_follow: false,
    alias,
    parentcategory_id: parentId,
  };
}

/** Leaf categories (no children) of a category list, in id order. */
export function leafCategoryIds(categories: Rec[]): number[] {
  const parents = new Set(categories.map((c) => c.parentcategory_id));
  return categories.filter((c) => !parents.has(c.id)).map((c) => c.id);
}

export const ATTR = { size: IDS.attributes, color: IDS.attributes + 1, engraving: IDS.attributes + 2, giftwrap: IDS.attributes + 3 };

export const ATTRIBUTES: Rec[] = [
  { id: ATTR.size, name: 'Maat', type: 'option_menu' },
  { id: ATTR.color, name: 'Kleur', type: 'option_menu' },
  { id: ATTR.engraving, name: 'Gravering', type: 'text' },
  { id: ATTR.giftwrap, name: 'Cadeauverpakking', type: 'additional_menu' },
];

/** Attribute values: [attribute id, name, default price, short code used in generated SKUs]. */
const VALUE_LIST: [number, string, number, string][] = [
  [ATTR.size, 'S', 0, 'S'],
  [ATTR.size, 'M', 0, 'M'],
  [ATTR.size, 'L', 1, 'L'],
  [ATTR.size, 'XL', 2, 'XL'],
  [ATTR.color, 'Zwart', 0, 'ZW'],
  [ATTR.color, 'Wit', 0.5, 'WI'],
  [ATTR.color, 'Blauw', 0.5, 'BL'],
  [ATTR.giftwrap, 'Ja, graag', 2.5, 'CV'],
];

export const ATTRIBUTE_VALUES: Rec[] = VALUE_LIST.map(([attribute_id, name, default_price], i) => ({
  id: IDS.attributevalues + i,
  name,
  default_price,
  attribute_id,
}));

export const VALUE_CODES: Record<number, string> = Object.fromEntries(
  VALUE_LIST.map(([, , , code], i) => [IDS.attributevalues + i, code]),
);

/** Attribute value ids used by generated variant products: sizes S, M, L times colours Zwart, Wit. */
export const VARIANT_VALUES = {
  sizes: [IDS.attributevalues, IDS.attributevalues + 1, IDS.attributevalues + 2],
  colors: [IDS.attributevalues + 4, IDS.attributevalues + 5],
};

export const PROPERTY_GROUPS: Rec[] = [{ id: IDS.productpropertygroups, name: 'Specificaties' }];
export const PROPERTIES: Rec[] = [
  { id: IDS.productproperties, group_id: IDS.productpropertygroups, parent: null, name: 'Materiaal', description: '', position: 1, icon: '', type: 'text' },
  { id: IDS.productproperties + 1, group_id: IDS.productpropertygroups, parent: null, name: 'Wasbaar', description: '', position: 2, icon: '', type: 'checkbox' },
  { id: IDS.productproperties + 2, group_id: IDS.productpropertygroups, parent: null, name: 'Pasvorm', description: '', position: 3, icon: '', type: 'option' },
];
export const PROPERTY_OPTIONS: Rec[] = [
  { id: IDS.productpropertyoptions, property_id: IDS.productproperties + 2, name: 'Regular fit', position: 1 },
  { id: IDS.productpropertyoptions + 1, property_id: IDS.productproperties + 2, name: 'Slim fit', position: 2 },
];

/** Order status ids 1..14 with CCV's names (reference/ccv-shop/README.md §6.6) and Dutch display names. */
export const ORDER_STATUSES: [number, string, string][] = [
  [1, 'New', 'Nieuw'],
  [2, 'In process', 'In behandeling'],
  [3, 'Wait for manufacturer', 'Wacht op fabrikant'],
  [4, 'Wait for payment', 'Wacht op betaling'],
  [5, 'Sent', 'Verzonden'],
  [6, 'Delivered', 'Afgeleverd'],
  [7, 'Completed', 'Afgerond'],
  [8, 'Cancelled', 'Geannuleerd'],
  [9, 'Wait for supplier', 'Wacht op leverancier'],
  [10, 'Is being packaged', 'Wordt ingepakt'],
  [11, 'Ready to be collected', 'Klaar om op te halen'],
  [12, 'Is being assembled', 'Wordt samengesteld'],
  [13, 'Backorder', 'Backorder'],
  [14, 'Reserved', 'Gereserveerd'],
];

const statusList = (items: [number, string, string][]): JsonObject[] =>
  items.map(([id, status, status_name]) => ({ id, status, status_name, text_color: '#FFFFFF', background_color: '#4A90D9' }));

export function seedSettings(): JsonObject {
  return {
    webshop_enabled: true,
    webshop_disabled_title: '',
    webshop_disabled_text: '',
    currency: 'EUR',
    default_vat_rat: 21,
    prices_include_vat: true,
    full_ssl_webshop: true,
    creditpoint_value: 0.01,
    languages: ['nl', 'en'],
    backend_language: 'nl',
    separate_domain_per_language: false,
    stock: true,
    ordering_without_stock: 'no',
    stock_level_warnings: { low_threshold: 5, high_threshold: 50 },
    multishop_readonly_properties: [],
    checkout_type: ['regular'],
    takeoutsettings: { deliveryinterval: 0, orderinadvance: 0, preparationtime: 0, allowselection: false, periods: [], excludes: [] },
    quotation_status: statusList([
      [1, 'Open', 'Open'],
      [2, 'Sent', 'Verstuurd'],
      [3, 'Accepted', 'Geaccepteerd'],
    ]),
    order_status: statusList(ORDER_STATUSES),
    invoice_status: statusList([
      [1, 'Unpaid', 'Onbetaald'],
      [2, 'Paid', 'Betaald'],
      [3, 'Reimbursed', 'Terugbetaald'],
    ]),
    return_status: statusList([
      [1, 'New', 'Nieuw'],
      [2, 'Processed', 'Verwerkt'],
    ]),
  };
}

export const LANGUAGES: JsonObject[] = [
  { label: 'Nederlands', active: true, base_language: 'nl', iso_code: 'nl', flag_icon: '/Global/Images/flags/nl.png' },
  { label: 'English', active: true, base_language: 'en', iso_code: 'en', flag_icon: '/Global/Images/flags/en.png' },
];

/** Tax tariffs and their NL percentages (taxtariff names are CCV's, percentages are the NL rates). */
export const TAX_TARIFFS: Record<string, number> = { normal: 21, 'low a': 9, 'low b': 9, 'extra low': 0, zero: 0 };
