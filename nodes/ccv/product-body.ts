import { contentHash, itemMeta, round2, stripMeta } from '../../engine';
import type { Item, Json, JsonObject } from '../../engine';
import { productPatchSchema } from '../../connectors/ccv-shop/index';
import { numberOf, textOf } from '../visma/json-value';
import { RecordProblem } from './record-writer';

/** Product fields that are amounts in the shop's price convention (incl. or excl. VAT); `purchaseprice` is always excl. */
const AMOUNT_FIELDS = ['price', 'discount'] as const;

export interface PriceRules {
  /** Whether the mapped amounts include VAT. */
  mappedIncludeVat: boolean;
  /** Whether the shop's prices include VAT (`prices_include_vat`). */
  shopIncludesVat: boolean;
  /** VAT percentage per CCV tax tariff. */
  vatRates: Readonly<Record<string, number>>;
  defaultTaxtariff: string;
}

export interface PreparedProduct {
  productnumber: string;
  /** What a create sends (before the defaults for package and discount are added). */
  create: JsonObject;
  /** The fields an update compares and patches: the mapped fields minus the create-only ones. */
  update: JsonObject;
  createOnly: readonly string[];
  /** Content hash of `update`: unchanged since the last write = nothing to do. */
  hash: string;
}

function describe(value: Json | undefined): string {
  const text = JSON.stringify(value ?? null);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Checks mapped product fields against CCV's PATCH schema; the message names the field and what to do. */
export function checkProductFields(sku: string, fields: JsonObject): void {
  const parsed = productPatchSchema.safeParse(fields);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  if (!issue) return;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    throw new RecordProblem(`Product '${sku}': '${key}' is not a CCV Shop product field. Remove it from the mapping or check its spelling (e.g. eannumber, shortdescription, package_id).`, key);
  }
  const field = issue.path.map(String).join('.') || '(record)';
  const top = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
  const value = top !== undefined ? fields[top] : undefined;
  throw new RecordProblem(`Product '${sku}': field '${field}' has ${describe(value)}, which CCV Shop does not accept (${issue.message}). Fix the mapping of '${field}'.`, field);
}

/** The mapped record → what to create and what to update, with amounts converted to the shop's VAT convention. */
export function prepareProduct(item: Item, rules: PriceRules): PreparedProduct {
  const fields: JsonObject = {};
  for (const [k, v] of Object.entries(stripMeta(item.json))) {
    // An empty mapped value means "nothing to send", not "clear the shop's value".
    if (v === null) continue;
    fields[k === 'is_active' ? 'active' : k] = v;
  }
  if (item.json.active !== undefined && item.json.active !== null) fields.active = item.json.active;
  const productnumber = textOf(fields.productnumber) ?? item.key;
  fields.productnumber = productnumber;
  checkProductFields(productnumber, fields);

  const tariff = textOf(fields.taxtariff) ?? rules.defaultTaxtariff;
  if (rules.mappedIncludeVat !== rules.shopIncludesVat && AMOUNT_FIELDS.some((f) => fields[f] !== undefined)) {
    const rate = numberOf(fields.vatrate) ?? rules.vatRates[tariff];
    if (rate === undefined) {
      throw new RecordProblem(
        `Product '${productnumber}': there is no VAT percentage for tax tariff '${tariff}', so the price cannot be converted to the shop's ${rules.shopIncludesVat ? 'incl.' : 'excl.'} VAT prices. Add '${tariff}' to the VAT rates of this step.`,
        'taxtariff',
      );
    }
    for (const f of AMOUNT_FIELDS) {
      const amount = numberOf(fields[f]);
      if (amount === undefined) continue;
      const converted = rules.shopIncludesVat ? amount * (1 + rate / 100) : amount / (1 + rate / 100);
      fields[f] = round2(converted) ?? converted;
    }
  }
  const createOnly = (itemMeta(item).createOnly ?? []).map((f) => (f === 'is_active' ? 'active' : f));
  const update: JsonObject = {};
  for (const [k, v] of Object.entries(fields)) if (!createOnly.includes(k)) update[k] = v;
  const create: JsonObject = { ...fields };
  if (create.taxtariff === undefined && create.vatrate === undefined) create.taxtariff = rules.defaultTaxtariff;
  if (create.discount === undefined) create.discount = 0;
  return { productnumber, create, update, createOnly, hash: contentHash(update) };
}
