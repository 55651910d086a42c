import { describe, expect, it } from 'vitest';
import { createExpressionCompiler } from '../../../engine';
import type { Item } from '../../../engine';
import { diffCustomer } from './customer-diff';
import { compileCustomerMapping, customerFieldSchema, defaultCustomerFields } from './customer-fields';
import { customerView, personalInfoOf } from './customer-view';

const tables = {
  'vat-zone-per-country': { rows: { NL: 'NL', BE: 'NL', 'EU-B2B': 'EU' } },
  'customer-class': { rows: { private: 'PRIV', company: 'ZAK', 'company-eu': 'EU' } },
  'credit-terms': { rows: { private: 'DIRECT', company: '30D', 'company-eu': '30D' } },
  'revenue-account-per-country': { rows: { NL: '8000', BE: '8000', 'EU-B2B': '8030' } },
};

const order = (billing: Record<string, unknown>, extra: Record<string, unknown> = {}): Item => ({
  key: '1001',
  json: {
    id: 1,
    customer: {
      email: 'Inkoop@Peeters.example',
      btw: 'be 0123 456 789',
      kvk: '0123456789',
      billingaddress: { first_name: 'Elise', last_name: 'Peeters', company: 'Peeters BV', street: 'Meir', housenumber: 12, housenumber_suffix: 'B', zipcode: '2000', city: 'Antwerpen', country_code: 'be', telephone: '0429 24 47 07', ...billing },
      deliveryaddress: { first_name: '', last_name: '', company: '', address_line_1: '', zipcode: '', city: '', country_code: null },
      ...extra,
    },
  },
});

async function mapped(item: Item) {
  const view = customerView(personalInfoOf(item), 'NL', item.json);
  const mapping = compileCustomerMapping(defaultCustomerFields, [{ attributeId: 'KANAAL', mode: 'constant', source: 'WEBSHOP', updateOnResync: false }], createExpressionCompiler({ tables }), 'test');
  return { view, ...(await mapping.map(view, item.key)) };
}

describe('customer mapping', () => {
  it('makes a company elsewhere in the EU with a VAT number a company-eu debtor with the person as attention', async () => {
    const m = await mapped(order({}));
    expect(m.view).toMatchObject({ kind: 'company', segment: 'company-eu', country: 'BE', vatNumber: 'BE0123456789', personName: 'Elise Peeters', name: 'Peeters BV' });
    expect(m.fields).toEqual({
      name: 'Peeters BV',
      mainAddress: { addressLine1: 'Meir 12 B', addressLine2: '', postalCode: '2000', city: 'Antwerpen', countryId: 'BE' },
      mainContact: { name: 'Peeters BV', attention: 'Elise Peeters', email: 'Inkoop@Peeters.example', phone1: '0429 24 47 07' },
      vatRegistrationId: 'BE0123456789',
      corporateId: '0123456789',
      vatZoneId: 'EU',
      customerClassId: 'EU',
      creditTermsId: '30D',
      glAccounts: { salesAccount: '8030' },
      attributeLines: [{ attributeId: 'KANAAL', attributeValue: 'WEBSHOP' }],
    });
    expect(m.createOnly).toEqual(['customerClassId', 'creditTermsId', 'glAccounts.salesAccount', 'attributeLines.KANAAL']);
  });

  it('makes a person without company a private debtor; a filled delivery address is carried over', async () => {
    const m = await mapped(order({ company: '' }, { btw: '', deliveryaddress: { first_name: 'Jan', last_name: 'Peeters', address_line_1: 'Veldstraat 1', zipcode: '9000', city: 'Gent', country_code: 'BE' } }));
    expect(m.view).toMatchObject({ kind: 'private', segment: 'private', name: 'Elise Peeters' });
    expect(m.fields).toMatchObject({
      name: 'Elise Peeters',
      vatZoneId: 'NL',
      customerClassId: 'PRIV',
      mainContact: { name: 'Elise Peeters', attention: '' },
      deliveryAddress: { addressLine1: 'Veldstraat 1', city: 'Gent', countryId: 'BE' },
      deliveryContact: { name: 'Jan Peeters' },
    });
  });

  it('rejects a mapping row for a field a Visma.net customer does not have', () => {
    const r = customerFieldSchema.safeParse({ target: 'emailAddress', mode: 'field', source: 'email' });
    expect(r.error?.issues[0]?.message).toBe("'emailAddress' is not a field of a Visma.net customer");
  });
});

describe('customer diff', () => {
  const current = {
    number: '10007',
    name: 'Peeters BV',
    vatRegistrationId: 'be0123456789',
    customerClass: { id: 'ZAK', description: 'Zakelijk' },
    vatZone: { id: 'EU' },
    mainAddress: { addressLine1: 'Meir 10', postalCode: '2000', city: 'Antwerpen', country: { id: 'BE', name: 'België' } },
    mainContact: { name: 'Peeters BV', attention: 'Elise Peeters', email: 'inkoop@peeters.example', phone1: null },
    attributes: [{ id: 'KANAAL', value: 'WINKEL' }],
  };

  it('sends only the fields that changed, leaves create-only fields alone, and reads reference fields by id', () => {
    const desired = {
      name: 'Peeters BV',
      vatRegistrationId: 'BE0123456789',
      customerClassId: 'EU',
      vatZoneId: 'EU',
      mainAddress: { addressLine1: 'Meir 12 B', addressLine2: '', postalCode: '2000', city: 'Antwerpen', countryId: 'BE' },
      mainContact: { name: 'Peeters BV', attention: 'Elise Peeters', email: 'Inkoop@Peeters.example', phone1: '0429 24 47 07' },
      attributeLines: [{ attributeId: 'KANAAL', attributeValue: 'WEBSHOP' }],
    };
    const d = diffCustomer(desired, current, ['customerClassId']);
    expect(d.update).toEqual({ mainAddress: { addressLine1: 'Meir 12 B' }, mainContact: { phone1: '0429 24 47 07' }, attributeLines: [{ attributeId: 'KANAAL', attributeValue: 'WEBSHOP' }] });
    expect(d.changes).toEqual([
      { field: 'mainAddress.addressLine1', before: 'Meir 10', after: 'Meir 12 B' },
      { field: 'mainContact.phone1', before: null, after: '0429 24 47 07' },
      { field: 'attributeLines.KANAAL', before: 'WINKEL', after: 'WEBSHOP' },
    ]);
  });

  it('finds nothing to change when only letter case of codes and e-mail differ', () => {
    expect(diffCustomer({ vatRegistrationId: 'BE0123456789', mainContact: { email: 'INKOOP@peeters.example' } }, current, []).changes).toEqual([]);
  });
});
