import type { Json, JsonObject } from '../json';
import { isJsonObject } from '../json';
import type { FieldChange } from '../run/events';

/**
 * Personal fields masked when a flow logs payloads `redacted`: names, e-mail, phone, address lines, birth data,
 * bank details, IP addresses. Field names are compared lower-case without separators, so `first_name`,
 * `firstName` and `FIRSTNAME` match alike (CCV Shop and Visma.net spell them differently).
 */
export const PERSONAL_FIELDS: readonly string[] = [
  'firstname', 'lastname', 'middlename', 'fullname', 'combinedname', 'surname', 'givenname', 'familyname',
  'initials', 'displayname', 'contactname', 'attention', 'username', 'salutation', 'gender',
  'email', 'mail', 'customeremail', 'emailinvoice', 'emailinvoicecompany', 'emailinvoiceunion', 'emailaddress',
  'phone', 'phone1', 'phone2', 'phone3', 'telephone', 'mobile', 'customermobile', 'fax', 'phonenumber', 'mobilephone',
  'street', 'street2', 'streetname', 'housenumber', 'housenumbersuffix', 'addressline1', 'addressline2', 'addressline3',
  'postalcode', 'zipcode', 'postcode', 'city',
  'birthdate', 'birthplace', 'birthtime', 'dateofbirth',
  'iban', 'bic', 'bankaccount', 'accountholder',
  'ip', 'ipaddress',
];
const PERSONAL = new Set(PERSONAL_FIELDS);
/** `name` is personal only next to other personal fields (a customer or address), not on a product. */
const NAME_FIELDS = new Set(['name', 'company', 'companyname']);

export const MASK = '[redacted]';
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

const normalize = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

export function isPersonalField(key: string): boolean {
  return PERSONAL.has(normalize(key));
}

function maskValue(value: Json): Json {
  if (typeof value === 'string' || typeof value === 'number') return MASK;
  if (Array.isArray(value)) return value.map(maskValue);
  if (isJsonObject(value)) return redactJson(value);
  return value;
}

/** A copy with personal fields masked and e-mail addresses masked wherever they appear in text. */
export function redactJson(value: Json): Json {
  if (typeof value === 'string') return value.replace(EMAIL_IN_TEXT, MASK);
  if (Array.isArray(value)) return value.map(redactJson);
  if (!isJsonObject(value)) return value;
  return redactObject(value);
}

export function redactObject(value: JsonObject): JsonObject {
  const keys = Object.keys(value);
  const personalContext = keys.some((k) => PERSONAL.has(normalize(k)) && normalize(k) !== 'gender');
  const out: JsonObject = {};
  for (const key of keys) {
    const v = value[key];
    if (v === undefined) continue;
    const n = normalize(key);
    out[key] = PERSONAL.has(n) || (personalContext && NAME_FIELDS.has(n)) ? maskValue(v) : redactJson(v);
  }
  return out;
}

export type PayloadLogging = 'off' | 'redacted' | 'full';

/** A payload as the flow's `payloadLogging` allows it to be stored. */
export function loggedPayload(value: Json | undefined, mode: PayloadLogging): Json | undefined {
  if (value === undefined || mode === 'off') return undefined;
  return mode === 'full' ? value : redactJson(value);
}

/** Field-level changes as allowed: `off` keeps which fields changed but not the values. */
export function loggedChanges(changes: readonly FieldChange[] | undefined, mode: PayloadLogging): FieldChange[] | undefined {
  if (!changes) return undefined;
  if (mode === 'full') return [...changes];
  return changes.map((c) => {
    if (mode === 'off') return { field: c.field };
    const last = c.field.split(/[.[\]]/).filter(Boolean).pop() ?? c.field;
    const personal = isPersonalField(last);
    const out: FieldChange = { field: c.field };
    if (c.before !== undefined) out.before = personal ? MASK : redactJson(c.before);
    if (c.after !== undefined) out.after = personal ? MASK : redactJson(c.after);
    return out;
  });
}
