import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { koppelHome, ledgerPath } from './paths';
import { MASK, isPersonalField, redactJson } from './redact';

describe('ledgerPath', () => {
  it('uses KOPPEL_HOME when set', () => {
    expect(ledgerPath({ env: { KOPPEL_HOME: '/data/koppel' }, platform: 'linux', home: '/home/a' })).toBe(join('/data/koppel', 'ledger.db'));
  });

  it('uses the per-user config folder of each OS', () => {
    expect(koppelHome({ env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\a' })).toBe(
      join('C:\\Users\\a\\AppData\\Roaming', 'Koppel'),
    );
    expect(koppelHome({ env: {}, platform: 'darwin', home: '/Users/a' })).toBe(join('/Users/a', 'Library', 'Application Support', 'Koppel'));
    expect(koppelHome({ env: { XDG_CONFIG_HOME: '/home/a/.cfg' }, platform: 'linux', home: '/home/a' })).toBe(join('/home/a/.cfg', 'koppel'));
    expect(koppelHome({ env: {}, platform: 'linux', home: '/home/a' })).toBe(join('/home/a', '.config', 'koppel'));
  });
});

describe('redactJson', () => {
  it('matches personal field names however they are spelt', () => {
    for (const key of ['first_name', 'lastName', 'EMAIL', 'customer_email', 'phone1', 'addressLine1', 'postalCode', 'zipcode', 'housenumber_suffix', 'iban'])
      expect(isPersonalField(key)).toBe(true);
    for (const key of ['sku', 'price', 'country', 'quantityAvailable', 'description']) expect(isPersonalField(key)).toBe(false);
  });

  it('masks names only where they belong to a person or address', () => {
    const out = redactJson({
      product: { name: 'Blue mug', price: 9.95 },
      billingaddress: { name: 'Jan Jansen', street: 'Dorpsstraat', housenumber: 12, city: 'Utrecht', country: 'NL' },
      lines: [{ description: 'mail me at jan@example.nl', qty: 1 }],
      emailed: true,
    });
    expect(out).toEqual({
      product: { name: 'Blue mug', price: 9.95 },
      billingaddress: { name: MASK, street: MASK, housenumber: MASK, city: MASK, country: 'NL' },
      lines: [{ description: `mail me at ${MASK}`, qty: 1 }],
      emailed: true,
    });
  });
});
