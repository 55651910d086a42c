// Seeded people and the personalinfo shape CCV uses for order.customer and user.userinfo.
import type { JsonObject } from '../json';
import { rngFor } from '../prng';
import type { CountryInfo } from './names';
import { COMPANY_FORMS, COMPANY_NAMES, COMPANY_WORDS, vatNumber } from './names';

export interface Address {
  gender: string | null;
  first_name: string;
  last_name: string;
  company: string;
  street: string;
  housenumber: number;
  housenumber_suffix: string;
  zipcode: string;
  city: string;
  province: string;
  country: CountryInfo;
  telephone: string;
  mobile: string;
}

export interface Person {
  email: string;
  b2b: boolean;
  btw: string;
  kvk: string;
  billing: Address;
  /** null: delivery equals billing, which CCV returns as an all-empty delivery address. */
  delivery: Address | null;
}

export function makePerson(seed: number, tag: string, n: number, country: CountryInfo, company: boolean): Person {
  const r = rngFor(seed, tag, n);
  const first = r.pick(country.firstNames);
  const last = r.pick(country.lastNames);
  const loc = r.pick(country.cities);
  const companyName = company ? `${r.pick(COMPANY_WORDS)} ${r.pick(COMPANY_NAMES)} ${COMPANY_FORMS[country.code]}` : '';
  const phone = `${country.phonePrefix}${String(r.int(10_000_000, 99_999_999))}`;
  const billing: Address = {
    gender: r.pick(['male', 'female', null]),
    first_name: first,
    last_name: last,
    company: companyName,
    street: r.pick(country.streets),
    housenumber: r.int(1, 180),
    housenumber_suffix: r.chance(0.15) ? r.pick(['a', 'b', 'bis', 'II']) : '',
    zipcode: loc.zip,
    city: loc.city,
    province: loc.province,
    country,
    telephone: phone,
    mobile: r.chance(0.5) ? phone : '',
  };
  const slug = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
  return {
    email: company ? `inkoop+${n}@${slug.replace('.', '-')}.example` : `${slug}+${tag}${n}@example.com`,
    b2b: company,
    btw: company ? vatNumber(country.code, seed * 7919 + n) : '',
    kvk: company && country.code === 'NL' ? String(10_000_000 + ((seed * 31 + n * 17) % 89_999_999)) : '',
    billing,
    delivery: null,
  };
}

function addressLine(a: Address): string {
  return `${a.street} ${a.housenumber}${a.housenumber_suffix ? ` ${a.housenumber_suffix}` : ''}`;
}

const EMPTY_BILLING: JsonObject = {
  gender: null, initials: '', first_name: '', last_name: '', full_name: '', company: '', address_line_1: '', address_line_2: '',
  street: '', housenumber: null, housenumber_suffix: '', zipcode: '', city: '', province: '', telephone: '', fax: '', mobile: '',
  comment: '', country: '', country_code: null,
};

function billingJson(a: Address | null): JsonObject {
  if (!a) return { ...EMPTY_BILLING };
  return {
    gender: a.gender,
    initials: `${a.first_name.charAt(0)}.`,
    first_name: a.first_name,
    last_name: a.last_name,
    full_name: `${a.first_name} ${a.last_name}`,
    company: a.company,
    address_line_1: addressLine(a),
    address_line_2: '',
    street: a.street,
    housenumber: a.housenumber,
    housenumber_suffix: a.housenumber_suffix,
    zipcode: a.zipcode,
    city: a.city,
    province: a.province,
    telephone: a.telephone,
    fax: '',
    mobile: a.mobile,
    comment: '',
    country: a.country.name,
    country_code: a.country.code,
  };
}

function deliveryJson(a: Address | null): JsonObject {
  if (!a) {
    // Same-as-billing is returned as all empty strings and a null country_code (real sample).
    return {
      gender: null,
      full_name: '',
      initials: '',
      company: '',
      address_line_1: '',
      address_line_2: '',
      street: '',
      housenumber: null,
      housenumber_suffix: '',
      zipcode: '',
      city: '',
      province: '',
      telephone: '',
      mobile: '',
      comment: '',
      country: '',
      country_code: null,
    };
  }
  return {
    gender: a.gender,
    full_name: `${a.first_name} ${a.last_name}`,
    initials: `${a.first_name.charAt(0)}.`,
    company: a.company,
    address_line_1: addressLine(a),
    address_line_2: '',
    street: a.street,
    housenumber: a.housenumber,
    housenumber_suffix: a.housenumber_suffix,
    zipcode: a.zipcode,
    city: a.city,
    province: a.province,
    telephone: a.telephone,
    mobile: a.mobile,
    comment: '',
    country: a.country.name,
    country_code: a.country.code,
  };
}

/**
 * personalinfo in the field order of the real sample order's `customer`. The email_invoice*
 * fields were in that live order but are not in the 2022 schema, so users do not get them.
 */
export function personalInfo(p: Person, reference = '', invoiceEmails = true): JsonObject {
  return info(p.billing, p.delivery, p, reference, invoiceEmails);
}

/** A personalinfo with every field empty (the base for customers sent to POST /orders). */
export function emptyPersonalInfo(invoiceEmails = true): JsonObject {
  return info(null, null, { email: '', b2b: false, btw: '', kvk: '' }, '', invoiceEmails);
}

function info(
  billing: Address | null,
  delivery: Address | null,
  p: Pick<Person, 'email' | 'b2b' | 'btw' | 'kvk'>,
  reference: string,
  invoiceEmails: boolean,
): JsonObject {
  const empty = (keys: string[]): JsonObject => Object.fromEntries(keys.map((k) => [k, '']));
  return {
    billingaddress: billingJson(billing),
    deliveryaddress: deliveryJson(delivery),
    ...(invoiceEmails ? empty(['email_invoice', 'email_invoice_company', 'email_invoice_union']) : {}),
    email: p.email,
    customertype: p.b2b ? 'b2b' : 'b2c',
    ...empty(['bankaccount', 'iban', 'bic', 'bank', 'tenname', 'bankname']),
    btw: p.btw,
    kvk: p.kvk,
    reference,
    ...empty(['reservationnumber', 'income', 'branche', 'branch', 'website', 'clubcity', 'clubcomment', 'clubname']),
    ...empty(['beurs', 'fair', 'stand', 'booth', 'carbrand', 'cartype', 'carweight']),
    birthdate: null,
    birthplace: '',
    birthtime: null,
    ...empty(['cardnumber', 'findus', 'ssnnumber', 'zzppass', 'costcentre']),
  };
}
