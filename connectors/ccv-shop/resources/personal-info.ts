import { z } from 'zod';
import { optNum, optStr } from '../schema-helpers';

/** An address in `vnd.verto.webshop.entity.personalinfo.v1` (order customer, user userinfo). */
export const addressSchema = z.looseObject({
  gender: optStr,
  initials: optStr,
  first_name: optStr,
  last_name: optStr,
  full_name: optStr,
  company: optStr,
  address_line_1: optStr,
  address_line_2: optStr,
  street: optStr,
  housenumber: optNum,
  housenumber_suffix: optStr,
  zipcode: optStr,
  city: optStr,
  province: optStr,
  country: optStr,
  /** ISO 3166-1 alpha-2. */
  country_code: optStr,
  telephone: optStr,
  fax: optStr,
  mobile: optStr,
  comment: optStr,
});
export type Address = z.output<typeof addressSchema>;

export const personalInfoSchema = z.looseObject({
  email: optStr,
  customertype: optStr,
  /** VAT number. */
  btw: optStr,
  /** Chamber of Commerce number. */
  kvk: optStr,
  iban: optStr,
  bic: optStr,
  reference: optStr,
  billingaddress: addressSchema.nullish(),
  /** All empty strings when the customer used the billing address (sample); see `isEmptyAddress`. */
  deliveryaddress: addressSchema.nullish(),
});
export type PersonalInfo = z.output<typeof personalInfoSchema>;

/** True when a delivery address carries no data, meaning "same as billing" (reference/ccv-shop/README.md §6.6 [I]). */
export function isEmptyAddress(address: Address | null | undefined): boolean {
  if (!address) return true;
  return Object.values(address).every((v) => v === null || v === undefined || v === '');
}

const s = z.string().optional();

const addressInputFields = {
  gender: s,
  initials: s,
  full_name: s,
  company: s,
  address_line_1: s,
  address_line_2: s,
  street: s,
  housenumber: z.number().int().optional(),
  housenumber_suffix: s,
  zipcode: s,
  city: s,
  province: s,
  /** Full country name; deprecated on input, prefer country_code. */
  country: s,
  country_code: s,
  telephone: s,
  mobile: s,
  comment: s,
};

/** `internal.entity.personalinfo.input.v1` (customer on order PATCH/POST). */
export const personalInfoInputSchema = z.strictObject({
  billingaddress: z.strictObject({ ...addressInputFields, first_name: s, last_name: s, fax: s }).optional(),
  deliveryaddress: z.strictObject(addressInputFields).optional(),
  email: s,
  customertype: s,
  bankaccount: s,
  bankname: s,
  bank: s,
  tenname: s,
  iban: s,
  bic: s,
  reference: s,
  reservationnumber: s,
  income: s,
  branche: s,
  branch: s,
  website: s,
  clubcity: s,
  clubcomment: s,
  clubname: s,
  beurs: s,
  stand: s,
  fair: s,
  booth: s,
  carbrand: s,
  cartype: s,
  carweight: s,
  birthdate: s,
  birthtime: s,
  birthplace: s,
  cardnumber: s,
  btw: s,
  kvk: s,
  costcentre: s,
  findus: s,
  ssnnumber: s,
  zzppass: s,
});
export type PersonalInfoInput = z.input<typeof personalInfoInputSchema>;
