import { getAtPath, isJsonObject, setAtPath, shortHash } from '../../../engine';
import type { FieldChange, FieldHashes, Json, JsonObject } from '../../../engine';

/** One field of a customer input, e.g. `mainAddress.city` or `attributeLines.KANAAL`. */
interface Leaf {
  path: string[];
  value: Json;
}

const ADDRESSES = new Set(['mainAddress', 'invoiceAddress', 'deliveryAddress']);
/** Update fields that the response shows as a `{id, description}` reference. */
const REFERENCES: Record<string, [string, string]> = {
  customerClassId: ['customerClass', 'id'],
  creditTermsId: ['creditTerms', 'id'],
  vatZoneId: ['vatZone', 'id'],
  priceClassId: ['priceClass', 'id'],
  parentRecordNumber: ['parentRecord', 'number'],
};

function leaves(fields: JsonObject): Leaf[] {
  const out: Leaf[] = [];
  const walk = (value: Json, path: string[]): void => {
    if (path[0] === 'attributeLines' && Array.isArray(value)) {
      for (const line of value) {
        if (isJsonObject(line) && typeof line.attributeId === 'string') out.push({ path: ['attributeLines', line.attributeId], value: line.attributeValue ?? null });
      }
      return;
    }
    if (isJsonObject(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      return;
    }
    out.push({ path, value });
  };
  for (const [k, v] of Object.entries(fields)) walk(v, [k]);
  return out;
}

const UNKNOWN = Symbol('unknown');

/** The current value of an update field in a customer as Visma.net returns it (names differ, reference/visma-net/README.md §4.2). */
function currentValue(customer: JsonObject, path: readonly string[]): Json | undefined | typeof UNKNOWN {
  const [top = '', sub] = path;
  const ref = REFERENCES[top];
  if (ref && path.length === 1) return getAtPath(customer, ref);
  if (top === 'attributeLines' && sub !== undefined) {
    const list = customer.attributes;
    if (!Array.isArray(list)) return undefined;
    const hit = list.find((a) => isJsonObject(a) && a.id === sub);
    return isJsonObject(hit) ? hit.value : undefined;
  }
  if (top === 'defaultPaymentMethod' && sub === 'paymentMethodId') return customer.defaultPaymentMethodId;
  if (ADDRESSES.has(top) && (sub === 'countryId' || sub === 'county')) return getAtPath(customer, [top, sub === 'countryId' ? 'country' : 'county', 'id']);
  if (!(top in customer)) return UNKNOWN;
  const value = getAtPath(customer, [...path]);
  // GL accounts come back as `{number, description}`.
  return isJsonObject(value) && typeof value.number === 'string' ? value.number : value;
}

function normal(value: Json | undefined): Json {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  return value;
}

function same(path: readonly string[], a: Json | undefined, b: Json | undefined): boolean {
  const x = normal(a);
  const y = normal(b);
  if (typeof x === 'string' && typeof y === 'string') {
    const last = path[path.length - 1] ?? '';
    // Codes and e-mail addresses are not case-sensitive in Visma.net.
    return /Id$|email|Number$/i.test(last) ? x.toLowerCase() === y.toLowerCase() : x === y;
  }
  return JSON.stringify(x) === JSON.stringify(y);
}

function isCreateOnly(path: readonly string[], createOnly: readonly string[]): boolean {
  const joined = path.join('.');
  return createOnly.some((c) => joined === c || joined.startsWith(`${c}.`));
}

export interface CustomerDiff {
  changes: FieldChange[];
  /** Only the changed fields, nested as `CustomerInput` wants them. */
  update: JsonObject;
}

/** What differs between the mapped customer and the one in Visma.net, leaving create-only fields alone. */
export function diffCustomer(desired: JsonObject, current: JsonObject, createOnly: readonly string[]): CustomerDiff {
  const changes: FieldChange[] = [];
  const update: JsonObject = {};
  const attributeLines: Json[] = [];
  for (const leaf of leaves(desired)) {
    if (isCreateOnly(leaf.path, createOnly)) continue;
    const before = currentValue(current, leaf.path);
    if (before !== UNKNOWN && same(leaf.path, before, leaf.value)) continue;
    const field = leaf.path.join('.');
    changes.push(before === UNKNOWN || before === undefined ? { field, after: leaf.value } : { field, before, after: leaf.value });
    if (leaf.path[0] === 'attributeLines') attributeLines.push({ attributeId: leaf.path[1] ?? '', attributeValue: leaf.value });
    else setAtPath(update, leaf.path, leaf.value);
  }
  if (attributeLines.length) update.attributeLines = attributeLines;
  return { changes, update };
}

/** Every field of a new record as a change from nothing, for dry runs and the run log. */
export function creationChanges(fields: JsonObject): FieldChange[] {
  return leaves(fields).map((l) => ({ field: l.path.join('.'), after: l.value }));
}

/** A short hash per updatable field (leaf) of the mapped customer, kept in the id map. */
export function leafHashes(fields: JsonObject, createOnly: readonly string[]): FieldHashes {
  const out: FieldHashes = {};
  for (const leaf of leaves(fields)) if (!isCreateOnly(leaf.path, createOnly)) out[leaf.path.join('.')] = shortHash(leaf.value);
  return out;
}

/**
 * The fields that changed in the shop since the last write (their hashes in the id map differ), nested as
 * `CustomerInput` wants them: what an update sends without reading the customer first. A field changed in
 * Visma.net but not in the shop stays as the bookkeeper left it.
 */
export function changedSinceLastWrite(desired: JsonObject, createOnly: readonly string[], last: FieldHashes): CustomerDiff {
  const changes: FieldChange[] = [];
  const update: JsonObject = {};
  const attributeLines: Json[] = [];
  for (const leaf of leaves(desired)) {
    if (isCreateOnly(leaf.path, createOnly)) continue;
    const field = leaf.path.join('.');
    if (last[field] === shortHash(leaf.value)) continue;
    changes.push({ field, after: leaf.value });
    if (leaf.path[0] === 'attributeLines') attributeLines.push({ attributeId: leaf.path[1] ?? '', attributeValue: leaf.value });
    else setAtPath(update, leaf.path, leaf.value);
  }
  if (attributeLines.length) update.attributeLines = attributeLines;
  return { changes, update };
}
