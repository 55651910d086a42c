import type { z } from 'zod';
import { contentHash, itemMeta, round2, shortHash, stripMeta, numberOf, textOf } from '../../../engine';
import type { FieldHashes, Item, Json, JsonObject } from '../../../engine';
import { CheckedBody, productCreateSchema, productPatchSchema } from '../../../connectors/ccv-shop/index';
import type { ProductCreate, ProductPatch } from '../../../connectors/ccv-shop/index';
import type { RecordProblem } from '../../shared/batch-writer';
import { recordProblem } from '../../shared/messages';

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
  /** What a create sends (before the default package is added). Checked when it is sent, not before. */
  create: JsonObject;
  /** The fields an update sends: the mapped fields minus the create-only ones. Checked when it is sent, not before. */
  update: JsonObject;
  createOnly: readonly string[];
  /** Content hash of `update`: unchanged since the last write = nothing to do. */
  hash: string;
}

function describe(value: Json | undefined): string {
  const text = JSON.stringify(value ?? null);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A record's product fields that CCV's schema refused, in the bookkeeper's words: which field, what to do. */
function problemOf(sku: string, fields: JsonObject, issues: readonly z.core.$ZodIssue[]): RecordProblem {
  const issue = issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return recordProblem('product.unknownField', { sku, field: key }, key);
  }
  const field = issue?.path.map(String).join('.') || '(record)';
  const top = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined;
  const value = top !== undefined ? fields[top] : undefined;
  return recordProblem('product.refusedValue', { sku, field, value: describe(value), detail: issue?.message ?? 'invalid' }, field);
}

/** The update, checked once against CCV's PATCH schema; the connector sends it without a second check. */
export function checkedUpdate(prep: PreparedProduct, fields: JsonObject = prep.update): CheckedBody<ProductPatch> {
  const checked = CheckedBody.check(productPatchSchema, fields);
  if (!checked.ok) throw problemOf(prep.productnumber, fields, checked.issues);
  return checked.body;
}

/** What a create sends, checked once against CCV's POST schema. */
export function checkedCreate(prep: PreparedProduct, packageId: number): CheckedBody<ProductCreate> {
  const body: JsonObject = { ...prep.create };
  body.package_id ??= packageId;
  const checked = CheckedBody.check(productCreateSchema, body);
  if (checked.ok) return checked.body;
  // A field a create may not do without names the mapping to fill in; an unknown or wrong one, the mapping to fix.
  const issue = checked.issues[0];
  if (issue && issue.code !== 'unrecognized_keys' && body[String(issue.path[0])] === undefined) {
    const field = issue.path.map(String).join('.') || 'name';
    throw recordProblem('product.createNeedsField', { sku: prep.productnumber, field, detail: issue.message }, field);
  }
  throw problemOf(prep.productnumber, body, checked.issues);
}

/** A short hash per field of the update, kept in the id map: which fields changed since the last write, without the values. */
export function fieldHashes(update: JsonObject): FieldHashes {
  const out: FieldHashes = {};
  for (const [k, v] of Object.entries(update)) out[k] = shortHash(v);
  return out;
}

/** The product number a mapped record is written under: its `productnumber`, else its key. */
export function productNumberOf(item: Item): string {
  return textOf(item.json.productnumber) ?? item.key;
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

  const tariff = textOf(fields.taxtariff) ?? rules.defaultTaxtariff;
  if (rules.mappedIncludeVat !== rules.shopIncludesVat && AMOUNT_FIELDS.some((f) => fields[f] !== undefined)) {
    const rate = numberOf(fields.vatrate) ?? rules.vatRates[tariff];
    if (rate === undefined) {
      throw recordProblem('product.noVatRate', { sku: productnumber, tariff }, 'taxtariff');
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
