import { personalInfoSchema, isEmptyAddress, userSchema } from '../../../connectors/ccv-shop/index';
import type { Address, PersonalInfo } from '../../../connectors/ccv-shop/index';
import { isJsonObject, stripMeta } from '../../../engine';
import type { Item, JsonObject } from '../../../engine';
import { recordProblem } from '../../shared/messages';

/** EU member states (ISO 3166-1 alpha-2): intra-community supplies need both parties in the EU. */
export const EU_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
]);

/** The key Koppel uses in value tables for EU business customers that get the reverse-charge treatment. */
export const EU_B2B_KEY = 'EU-B2B';

export type Segment = 'private' | 'company' | 'company-eu';

const text = (v: string | null | undefined): string => (v ?? '').trim();

/** "Voorbeeldstraat 3" from address line 1, or street + house number + suffix. */
export function streetLine(a: Address): string {
  const line = text(a.address_line_1);
  if (line) return line;
  const number = a.housenumber === null || a.housenumber === undefined ? '' : String(a.housenumber);
  return [text(a.street), [number, text(a.housenumber_suffix)].filter(Boolean).join(' ')].filter(Boolean).join(' ');
}

export function personName(a: Address): string {
  const full = text(a.full_name);
  if (full) return full;
  return [text(a.first_name) || text(a.initials), text(a.last_name)].filter(Boolean).join(' ');
}

/** Visma.net `AddressUpdateDto` fields from a CCV address. */
export function vismaAddress(a: Address): JsonObject {
  return {
    addressLine1: streetLine(a),
    addressLine2: text(a.address_line_2),
    postalCode: text(a.zipcode),
    city: text(a.city),
    countryId: text(a.country_code).toUpperCase(),
  };
}

/** Visma.net `ContactInfoUpdateDto`: a company is the name, the person is the attention line. */
export function vismaContactInfo(a: Address, email: string): JsonObject {
  const company = text(a.company);
  const person = personName(a);
  return {
    name: company || person,
    attention: company ? person : '',
    email,
    phone1: text(a.telephone) || text(a.mobile),
  };
}

/** The customer part of a record: an order's `customer`, a user's `userinfo`, or the record itself. */
export function personalInfoOf(item: Item): PersonalInfo {
  const json = stripMeta(item.json);
  const candidate = isJsonObject(json.customer) ? json.customer : isJsonObject(json.userinfo) ? json.userinfo : json;
  const parsed = personalInfoSchema.safeParse(candidate);
  if (!parsed.success) throw recordProblem('customer.unreadable', { key: item.key }, 'customer');
  const info = parsed.data;
  // A user record may keep the e-mail only in its username.
  if (!text(info.email) && isJsonObject(json.userinfo)) {
    const user = userSchema.safeParse(json);
    if (user.success && text(user.data.username).includes('@')) return { ...info, email: text(user.data.username) };
  }
  return info;
}

/**
 * A flat, readable view of a shop customer: the data the customer mapping's expressions see. `segment` says how
 * a bookkeeper treats the customer: private, company at home, or company elsewhere in the EU with a VAT number
 * (intra-community, VAT reverse-charged).
 */
export function customerView(info: PersonalInfo, homeCountry: string, source: JsonObject): JsonObject {
  const billing: Address = info.billingaddress ?? {};
  const delivery = isEmptyAddress(info.deliveryaddress) ? undefined : (info.deliveryaddress ?? undefined);
  const email = text(info.email);
  const company = text(billing.company);
  const country = text(billing.country_code).toUpperCase();
  const vatNumber = text(info.btw).replace(/\s+/g, '').toUpperCase();
  const home = homeCountry.trim().toUpperCase();
  const segment: Segment = !company ? 'private' : vatNumber && country && country !== home && EU_COUNTRIES.has(country) ? 'company-eu' : 'company';
  const person = personName(billing);
  return {
    email,
    kind: company ? 'company' : 'private',
    segment,
    company,
    firstName: text(billing.first_name) || text(billing.initials),
    lastName: text(billing.last_name),
    personName: person,
    name: company || person || email,
    country,
    homeCountry: home,
    vatNumber,
    kvk: text(info.kvk),
    phone: text(billing.telephone) || text(billing.mobile),
    reference: text(info.reference),
    customertype: text(info.customertype),
    mainAddress: vismaAddress(billing),
    mainContact: vismaContactInfo(billing, email),
    deliveryAddress: delivery ? vismaAddress(delivery) : null,
    deliveryContact: delivery ? vismaContactInfo(delivery, email) : null,
    source,
  };
}
