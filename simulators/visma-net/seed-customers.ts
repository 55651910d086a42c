// Seeded customers (private and company, NL/BE/DE/FR) and their contacts; record `i` depends only on (seed, i).
import { isoStamp } from './dates';
import { seededVersion } from './etag';
import type { Address, Contact, ContactInfo, Customer } from './model';
import { rngFor, type Rng } from './rng';
import { SEED_BASE_MS } from './seed-inventory';

interface CountryData {
  first: string[];
  last: string[];
  streets: string[];
  cities: string[];
  postal: (r: Rng) => string;
  companySuffix: string;
  vat: (r: Rng) => string;
  phone: string;
}

const digits = (r: Rng, n: number): string => Array.from({ length: n }, () => String(r.int(0, 9))).join('');

const DATA: Record<string, CountryData> = {
  NL: {
    first: ['Jan', 'Sanne', 'Pieter', 'Fleur', 'Daan', 'Anouk', 'Bram', 'Lotte'], last: ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder'],
    streets: ['Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Schoolstraat'], cities: ['Utrecht', 'Amsterdam', 'Zwolle', 'Groningen', 'Eindhoven'],
    postal: (r) => `${r.int(1000, 9999)} ${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}`, companySuffix: 'B.V.',
    vat: (r) => `NL${digits(r, 9)}B01`, phone: '+31 6',
  },
  BE: {
    first: ['Lucas', 'Emma', 'Arthur', 'Louise'], last: ['Peeters', 'Janssens', 'Maes', 'Dubois'], streets: ['Kerkstraat', 'Rue de la Gare', 'Stationsstraat'],
    cities: ['Antwerpen', 'Gent', 'Brussel', 'Leuven'], postal: (r) => String(r.int(1000, 9999)), companySuffix: 'BV', vat: (r) => `BE0${digits(r, 9)}`, phone: '+32 4',
  },
  DE: {
    first: ['Lukas', 'Mia', 'Felix', 'Hannah'], last: ['Müller', 'Schmidt', 'Schneider', 'Fischer'], streets: ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg'],
    cities: ['Köln', 'Düsseldorf', 'Berlin', 'Hamburg'], postal: (r) => String(r.int(10000, 99999)), companySuffix: 'GmbH', vat: (r) => `DE${digits(r, 9)}`, phone: '+49 15',
  },
  FR: {
    first: ['Louis', 'Chloé', 'Hugo', 'Léa'], last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre'], streets: ['Rue de la Paix', 'Avenue Victor Hugo', 'Rue du Moulin'],
    cities: ['Lille', 'Paris', 'Lyon', 'Nantes'], postal: (r) => String(r.int(10000, 95999)), companySuffix: 'SARL', vat: (r) => `FR${digits(r, 11)}`, phone: '+33 6',
  },
};
const TRADES = ['Bakkerij', 'Boekhandel', 'Fietsenmaker', 'Webwinkel', 'Drukkerij', 'Atelier'];

const ascii = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ü/g, 'u').replace(/[^A-Za-z0-9]+/g, '').toLowerCase();

export function customerNumberAt(i: number): string {
  return String(10001 + i);
}

interface Person {
  country: string;
  isCompany: boolean;
  first: string;
  last: string;
  companyName: string;
  email: string;
}

function person(seed: number, i: number): { p: Person; r: Rng } {
  const r = rngFor(seed, 'customer', i);
  const roll = r.next();
  const country = i === 0 ? 'NL' : roll < 0.55 ? 'NL' : roll < 0.75 ? 'BE' : roll < 0.9 ? 'DE' : 'FR';
  const d = DATA[country] ?? DATA.NL;
  const isCompany = i === 1 || (i > 1 && r.chance(0.35));
  const first = r.pick(d?.first ?? ['Jan']);
  const last = r.pick(d?.last ?? ['Jansen']);
  const companyName = `${r.pick(TRADES)} ${last} ${d?.companySuffix ?? 'B.V.'}`;
  const email = isCompany ? `info.${ascii(last)}${i}@example.com` : `${ascii(first)}.${ascii(last)}${i}@example.com`;
  return { p: { country, isCompany, first, last, companyName, email }, r };
}

function address(id: number, r: Rng, country: string): Address {
  const d = DATA[country] ?? DATA.NL;
  return { addressId: id, addressLine1: `${r.pick(d?.streets ?? ['Kerkstraat'])} ${r.int(1, 250)}`, addressLine2: null, addressLine3: null, postalCode: d?.postal(r) ?? '1000 AA', city: r.pick(d?.cities ?? ['Utrecht']), countryId: country, county: null };
}

export function generateCustomer(seed: number, i: number): Customer {
  const { p, r } = person(seed, i);
  const created = SEED_BASE_MS + i * 37 * 60_000;
  const modified = Math.min(Date.UTC(2024, 11, 31, 12), created + r.int(0, 30 * 24 * 60) * 60_000);
  const addr = address(30000 + i, r, p.country);
  const contact: ContactInfo = {
    contactId: 20000 + i, name: p.isCompany ? p.companyName : `${p.first} ${p.last}`, attention: p.isCompany ? `${p.first} ${p.last}` : null,
    email: p.email, web: p.isCompany ? `https://${ascii(p.last)}${i}.example.com` : null, phone1: `${DATA[p.country]?.phone ?? '+31 6'} ${digits(r, 8)}`, phone2: null, fax: null,
  };
  const zone = p.country === 'NL' ? 'NL' : p.isCompany ? 'EU' : p.country;
  const roll = r.next();
  return {
    internalId: 5000 + i,
    number: customerNumberAt(i),
    name: contact.name,
    status: i < 2 ? 'Active' : roll < 0.9 ? 'Active' : roll < 0.95 ? 'OnHold' : 'Inactive',
    isCompany: p.isCompany,
    accountReference: null,
    parentRecordNumber: null,
    currencyId: 'EUR',
    creditLimit: p.isCompany ? 5000 : 0,
    creditDaysPastDue: null,
    creditVerification: p.isCompany ? 'CreditLimit' : 'Disabled',
    customerClassId: p.isCompany ? (p.country === 'NL' ? 'ZAK' : 'EU') : 'PRIV',
    creditTermsId: p.isCompany ? r.pick(['14D', '30D']) : 'DIRECT',
    vatRegistrationId: p.isCompany ? (DATA[p.country]?.vat(r) ?? null) : null,
    corporateId: p.isCompany ? digits(r, 8) : null,
    vatZoneId: zone,
    gln: null,
    priceClassId: null,
    note: null,
    defaultPaymentMethodId: p.isCompany ? 'BANK' : 'IDEAL',
    statementType: 'OpenItem',
    mainAddress: addr,
    mainContact: contact,
    invoiceAddress: { ...addr, addressId: 40000 + i },
    invoiceContact: { ...contact, contactId: 60000 + i },
    deliveryAddress: { ...addr, addressId: 50000 + i },
    deliveryContact: { ...contact, contactId: 70000 + i },
    flags: { printInvoices: false, acceptAutoInvoices: false, sendInvoicesByEmail: true, sendDunningLettersViaEMail: true, printDunningLetters: false, printStatements: false, sendStatementsByEmail: false, printMultiCurrencyStatements: false, invoiceToDefaultLocation: true },
    attributes: [],
    createdDateTime: isoStamp(created),
    lastModifiedDateTime: isoStamp(modified),
    timeStamp: seededVersion(2, i),
    extra: {},
  };
}

/** Contact `i` is the contact person of customer `i`. */
export function generateContact(seed: number, i: number): Contact {
  const { p } = person(seed, i);
  const c = generateCustomer(seed, i);
  return {
    contactId: 20000 + i,
    active: true,
    title: null,
    firstName: p.first,
    lastName: p.last,
    position: p.isCompany ? 'Inkoper' : null,
    businessAccount: c.number,
    sameAsAccount: true,
    address: { ...c.mainAddress, addressId: 80000 + i },
    email: p.isCompany ? `${ascii(p.first)}.${ascii(p.last)}${i}@example.com` : c.mainContact.email,
    web: null,
    phone1: c.mainContact.phone1,
    phone2: null,
    phone3: null,
    fax: null,
    contactMethod: 'Any',
    doNot: { doNotCall: false, doNotFax: false, doNotEmail: false, doNotMail: false, noMassMail: false, noMarketing: false },
    lastModifiedDateTime: c.lastModifiedDateTime,
    timeStamp: seededVersion(3, i),
  };
}
