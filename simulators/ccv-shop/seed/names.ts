// Word lists for seeded data (Dutch web shop, customers in NL, BE, DE and FR).

export const PRODUCT_NOUNS = [
  'T-shirt', 'Hoodie', 'Sokken', 'Pet', 'Sjaal', 'Mok', 'Theedoek', 'Kaars', 'Notitieboek', 'Pen',
  'Rugzak', 'Shopper', 'Handdoek', 'Kussenhoes', 'Plaid', 'Broodplank', 'Waterfles', 'Muts', 'Polo', 'Schort',
] as const;

export const PRODUCT_ADJECTIVES = ['Basic', 'Premium', 'Eco', 'Klassiek', 'Sportief', 'Vintage', 'Luxe', 'Compact'] as const;
export const PRODUCT_MATERIALS = ['katoen', 'wol', 'linnen', 'bamboe', 'gerecycled', 'biologisch katoen', 'eikenhout', 'keramiek'] as const;

export interface CountryInfo {
  code: 'NL' | 'BE' | 'DE' | 'FR';
  /** Country name as CCV prints it (Dutch shop language). */
  name: string;
  cities: readonly { city: string; zip: string; province: string }[];
  streets: readonly string[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  phonePrefix: string;
  vatPrefix: string;
  /** Shipping costs in cents for a standard parcel to this country. */
  shippingCents: number;
}

export const COUNTRIES: readonly CountryInfo[] = [
  {
    code: 'NL',
    name: 'Nederland',
    cities: [
      { city: 'Amsterdam', zip: '1012 AB', province: 'Noord-Holland' },
      { city: 'Utrecht', zip: '3511 CD', province: 'Utrecht' },
      { city: 'Groningen', zip: '9711 EF', province: 'Groningen' },
      { city: 'Eindhoven', zip: '5611 GH', province: 'Noord-Brabant' },
    ],
    streets: ['Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenlaan', 'Prinsengracht'],
    firstNames: ['Jan', 'Sanne', 'Pieter', 'Fleur', 'Daan', 'Eva', 'Lars', 'Noor'],
    lastNames: ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder'],
    phonePrefix: '06',
    vatPrefix: 'NL',
    shippingCents: 495,
  },
  {
    code: 'BE',
    name: 'België',
    cities: [
      { city: 'Antwerpen', zip: '2000', province: 'Antwerpen' },
      { city: 'Gent', zip: '9000', province: 'Oost-Vlaanderen' },
      { city: 'Brussel', zip: '1000', province: 'Brussel' },
    ],
    streets: ['Meir', 'Veldstraat', 'Kerkstraat', 'Grote Markt'],
    firstNames: ['Lotte', 'Wout', 'Elise', 'Arne', 'Marie', 'Thomas'],
    lastNames: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Claes', 'Willems'],
    phonePrefix: '04',
    vatPrefix: 'BE',
    shippingCents: 695,
  },
  {
    code: 'DE',
    name: 'Duitsland',
    cities: [
      { city: 'Berlin', zip: '10115', province: 'Berlin' },
      { city: 'Köln', zip: '50667', province: 'Nordrhein-Westfalen' },
      { city: 'München', zip: '80331', province: 'Bayern' },
    ],
    streets: ['Hauptstraße', 'Schulstraße', 'Gartenweg', 'Bahnhofstraße'],
    firstNames: ['Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Mia'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker'],
    phonePrefix: '0151',
    vatPrefix: 'DE',
    shippingCents: 995,
  },
  {
    code: 'FR',
    name: 'Frankrijk',
    cities: [
      { city: 'Paris', zip: '75001', province: 'Île-de-France' },
      { city: 'Lyon', zip: '69001', province: 'Auvergne-Rhône-Alpes' },
      { city: 'Lille', zip: '59000', province: 'Hauts-de-France' },
    ],
    streets: ['Rue de la Paix', 'Avenue Victor Hugo', 'Rue du Moulin', 'Boulevard Saint-Michel'],
    firstNames: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Manon', 'Jules'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Laurent', 'Lefebvre', 'Moreau'],
    phonePrefix: '06',
    vatPrefix: 'FR',
    shippingCents: 995,
  },
];

export const COMPANY_WORDS = ['Bakkerij', 'Bloemenhuis', 'Boekhandel', 'Atelier', 'Fietsenmaker', 'Koffiebar', 'Studio', 'Drukkerij'] as const;
export const COMPANY_NAMES = ['De Graaf', 'Het Anker', 'Zonneveld', 'De Linde', 'Noorderlicht', 'Het Hoekje', 'Vennhof', 'Kade 12'] as const;
export const COMPANY_FORMS: Record<CountryInfo['code'], string> = { NL: 'B.V.', BE: 'BV', DE: 'GmbH', FR: 'SARL' };

/** A syntactically plausible VAT number for the country (not a real registration). */
export function vatNumber(country: CountryInfo['code'], n: number): string {
  const digits = String(100000000 + (n % 899999999)).slice(0, 9);
  switch (country) {
    case 'NL':
      return `NL${digits}B01`;
    case 'BE':
      return `BE0${digits}`;
    case 'DE':
      return `DE${digits}`;
    case 'FR':
      return `FR${String(10 + (n % 89))}${digits}`;
  }
}

/** EAN-13 with a valid check digit for a 12-digit body. */
export function ean13(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3);
  return body12 + String((10 - (sum % 10)) % 10);
}
