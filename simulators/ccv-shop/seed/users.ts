// Seeded customers (/users): private and company accounts in NL, BE, DE and FR.
import type { Rec } from '../json';
import type { RootGenerator } from '../table';
import { IDS } from './ids';
import { COUNTRIES } from './names';
import { makePerson, personalInfo } from './people';
import type { Person } from './people';

/** User u is a company when u % 3 === 1; its country cycles NL, BE, DE, FR every three users. */
export const userIsCompany = (u: number): boolean => u % 3 === 1;
export const userCountryIndex = (u: number): number => Math.floor(u / 3) % COUNTRIES.length;

export function userPerson(seed: number, u: number): Person {
  const country = COUNTRIES[userCountryIndex(u)] ?? COUNTRIES[0];
  if (!country) throw new Error('no countries');
  return makePerson(seed, 'user', u, country, userIsCompany(u));
}

export function userGenerator(seed: number, size: number): RootGenerator {
  return {
    size,
    idOf: (u) => IDS.users + u,
    indexOf: (id) => (id >= IDS.users && id < IDS.users + size ? id - IDS.users : undefined),
    make: (u) => makeUser(seed, u),
  };
}

export function makeUser(seed: number, u: number): Rec {
  const person = userPerson(seed, u);
  return {
    id: IDS.users + u,
    username: person.email,
    group_id: null,
    status: u % 11 !== 10,
    approval_status: u % 7 === 6 ? 'pending' : 'accepted',
    product_in_category_discount: 'N',
    userinfo: personalInfo(person, `K${String(1000 + u)}`, false),
  };
}
