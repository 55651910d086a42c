import { VismaApiError, customerInputSchema } from '../../../connectors/visma-net/index';
import type { Customer, CustomerInput, VismaClient } from '../../../connectors/visma-net/index';
import { contentHash, isJsonObject, shortHash, textOf, toJsonRecord } from '../../../engine';
import { stopsTheStep } from '../../../connectors/common/index';
import type { Journal } from '../../shared/batch-writer';
import type { FieldChange, FieldHashes, Json, JsonObject, LogLevel, NodeLedger } from '../../../engine';
import { changedSinceLastWrite, creationChanges, diffCustomer, leafHashes } from './customer-diff';
import type { MappedCustomer } from './customer-fields';
import { recordProblem } from '../../shared/messages';

export const CUSTOMER_SCOPE = 'customer';
/** Field-hash key of the contact person of a company customer. */
const CONTACT = '(contact)';

export interface CustomerSyncOptions {
  client: VismaClient;
  /** Reads of the id map. */
  ledger: Pick<NodeLedger, 'getMapping' | 'pendingWrite'>;
  /** Every ledger write goes through the step writer's journal. */
  journal: Journal;
  dryRun: boolean;
  signal: AbortSignal;
  log: (level: LogLevel, message: string, key: string) => void;
  /** What to do when no customer has the e-mail address. */
  whenMissing: 'create' | 'fail';
  updateExisting: boolean;
}

export interface CustomerResult {
  /** The Visma.net customer number; null for a customer a dry run would create. */
  number: string | null;
  action: 'created' | 'updated' | 'skipped';
  reason?: string;
  changes?: FieldChange[];
  sent?: JsonObject;
}

/** The contact person of a company customer, from the customer view. */
interface Person {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

function personOf(view: JsonObject): Person | undefined {
  if (view.kind !== 'company') return undefined;
  const t = (k: string) => textOf(view[k]) ?? '';
  // Visma.net requires a last name on a contact.
  return { firstName: t('firstName'), lastName: t('lastName') || t('personName') || t('company'), email: t('email'), phone: t('phone') };
}

/** Drops empty text and empty objects: a new customer gets only what is known. */
function compact(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === '' || v === null) continue;
    if (isJsonObject(v)) {
      const inner = compact(v);
      if (Object.keys(inner).length) out[k] = inner;
    } else out[k] = v;
  }
  return out;
}

/** The mapped fields checked against Visma.net's customer fields, so a mapping mistake names the field. */
function asInput(key: string, fields: JsonObject): CustomerInput {
  const parsed = customerInputSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => {
    if (i.code === 'unrecognized_keys') return `${i.keys.map((k) => `'${[...i.path, k].join('.')}'`).join(', ')} is not a Visma.net customer field`;
    return `'${i.path.join('.') || 'customer'}': ${i.message}`;
  });
  throw recordProblem('customer.refused', { key, detail: issues.join('; ') }, 'fields');
}

/** The connectors' one rule (connectors/common/api-error.ts): these stop the step, everything else fails the record. */
const fatal = stopsTheStep;

/**
 * Finds the Visma.net customer of a shop customer by e-mail (customer filter, then contacts), creates it when there
 * is none, or updates the fields that changed. The ledger keeps the customer number and a hash of what was mapped,
 * so an unchanged customer costs no call at all.
 */
export async function syncCustomer(key: string, view: JsonObject, mapped: MappedCustomer, o: CustomerSyncOptions): Promise<CustomerResult> {
  const email = textOf(view.email) ?? '';
  if (!email) {
    throw recordProblem('customer.noEmail', { key }, 'email');
  }
  const emailKey = email.toLowerCase();
  const person = personOf(view);
  const personJson: Json = person ? { firstName: person.firstName, lastName: person.lastName, email: person.email, phone: person.phone } : null;
  const hash = contentHash({ fields: mapped.fields, createOnly: mapped.createOnly, person: personJson });
  const known = o.ledger.getMapping(CUSTOMER_SCOPE, emailKey);
  if (known && known.hash === hash) return { number: known.targetId, action: 'skipped', reason: 'unchanged since the last run' };
  const fields: FieldHashes = { ...leafHashes(mapped.fields, mapped.createOnly), [CONTACT]: shortHash(personJson) };

  try {
    // Known and written before: send what changed in the shop since then, without reading the customer first.
    if (known?.fields && !o.dryRun && o.updateExisting) {
      const direct = await updateKnown(key, known.targetId, known.fields, emailKey, hash, fields, mapped, person, o);
      if (direct) return direct;
    }
    let current: Customer | undefined = known ? await o.client.customers.find(known.targetId, { signal: o.signal }) : undefined;
    if (!current) {
      const found = await o.client.customers.findByEmail(email, { signal: o.signal });
      if (found.length > 1) o.log('warn', `${found.length} Visma.net customers have e-mail '${email}' (${found.map((c) => c.number).join(', ')}); Koppel uses ${found[0]?.number ?? ''}. Merge them in Visma.net to avoid doubt.`, key);
      current = found[0];
    }
    if (!current?.number) return await create(key, email, emailKey, hash, fields, mapped, person, o);
    return await update(key, current.number, current, emailKey, hash, fields, mapped, person, o);
  } catch (error) {
    if (error instanceof VismaApiError && !fatal(error)) throw recordProblem('customer.notSaved', { email, key, detail: error.message }, 'customer');
    throw error;
  }
}

async function create(key: string, email: string, emailKey: string, hash: string, hashes: FieldHashes, mapped: MappedCustomer, person: Person | undefined, o: CustomerSyncOptions): Promise<CustomerResult> {
  if (o.whenMissing === 'fail') {
    throw recordProblem('customer.notFound', { email, key }, 'email');
  }
  const fields = compact(mapped.fields);
  const input = asInput(key, fields);
  const changes = creationChanges(fields);
  if (person) changes.push({ field: 'contact', after: `${person.firstName} ${person.lastName}`.trim() });
  if (o.dryRun) return { number: null, action: 'created', changes, sent: fields };
  const number = await o.journal.write(
    CUSTOMER_SCOPE,
    emailKey,
    hash,
    async () => {
      // A POST lost in transit is followed by the same look-up by e-mail before anything is sent again.
      const created = await o.client.customers.create(input, {
        signal: o.signal,
        findExisting: async () => (await o.client.customers.findByEmail(email, { signal: o.signal }))[0]?.number ?? undefined,
      });
      if (person) await addContact(key, created.id, person, o);
      return created.id;
    },
    (id) => id,
    hashes,
  );
  return { number, action: 'created', changes, sent: fields };
}

async function update(key: string, number: string, current: Customer, emailKey: string, hash: string, hashes: FieldHashes, mapped: MappedCustomer, person: Person | undefined, o: CustomerSyncOptions): Promise<CustomerResult> {
  // A run that died right after creating this customer left its intent: the customer is there, and every path
  // below settles the id map, which also clears that intent.
  if (!o.updateExisting) {
    o.journal.settle(CUSTOMER_SCOPE, emailKey, number, hash, hashes);
    return { number, action: 'skipped', reason: 'exists in Visma.net; updating is off' };
  }
  const diff = diffCustomer(mapped.fields, toJsonRecord(current), mapped.createOnly);
  const needsContact = person ? !(await hasContact(number, person.email, o)) : false;
  const changes = [...diff.changes, ...(needsContact && person ? [{ field: 'contact', after: `${person.firstName} ${person.lastName}`.trim() }] : [])];
  if (changes.length === 0) {
    o.journal.settle(CUSTOMER_SCOPE, emailKey, number, hash, hashes);
    return { number, action: 'skipped', reason: 'already up to date in Visma.net' };
  }
  const input = asInput(key, diff.update);
  if (o.dryRun) return { number, action: 'updated', changes, sent: diff.update };
  if (Object.keys(diff.update).length) await o.client.customers.update(number, input, { signal: o.signal });
  if (needsContact && person) await addContact(key, number, person, o);
  o.journal.settle(CUSTOMER_SCOPE, emailKey, number, hash, hashes);
  return { number, action: 'updated', changes, sent: diff.update };
}

/**
 * The update of a customer the id map knows, by field hashes: one PUT of the fields changed in the shop, and the
 * contact only when the person changed. Undefined when the customer is gone from Visma.net (then it is looked for
 * by e-mail again).
 */
async function updateKnown(key: string, number: string, last: FieldHashes, emailKey: string, hash: string, hashes: FieldHashes, mapped: MappedCustomer, person: Person | undefined, o: CustomerSyncOptions): Promise<CustomerResult | undefined> {
  const diff = changedSinceLastWrite(mapped.fields, mapped.createOnly, last);
  const personChanged = person !== undefined && last[CONTACT] !== hashes[CONTACT];
  const needsContact = personChanged && person ? !(await hasContact(number, person.email, o)) : false;
  const changes = [...diff.changes, ...(needsContact && person ? [{ field: 'contact', after: `${person.firstName} ${person.lastName}`.trim() }] : [])];
  if (Object.keys(diff.update).length) {
    try {
      await o.client.customers.update(number, asInput(key, diff.update), { signal: o.signal });
    } catch (error) {
      if (error instanceof VismaApiError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }
  if (needsContact && person) await addContact(key, number, person, o);
  o.journal.settle(CUSTOMER_SCOPE, emailKey, number, hash, hashes);
  return changes.length ? { number, action: 'updated', changes, sent: diff.update } : { number, action: 'skipped', reason: 'no field changed in the shop since the last write' };
}

async function hasContact(number: string, email: string, o: CustomerSyncOptions): Promise<boolean> {
  const contacts = await o.client.contacts.forCustomer(number, { signal: o.signal });
  return contacts.some((c) => (c.email ?? '').trim().toLowerCase() === email.trim().toLowerCase());
}

/** The person of a company customer becomes its contact; a failure here does not undo the customer. */
async function addContact(key: string, number: string, person: Person, o: CustomerSyncOptions): Promise<void> {
  try {
    await o.client.contacts.create(
      { businessAccount: number, firstName: person.firstName || undefined, lastName: person.lastName, email: person.email, phone1: person.phone || undefined, active: true },
      { signal: o.signal },
    );
  } catch (error) {
    if (!(error instanceof VismaApiError) || fatal(error)) throw error;
    o.log('warn', `Customer ${number} is saved, but its contact ${person.email} could not be added: ${error.message}`, key);
  }
}
