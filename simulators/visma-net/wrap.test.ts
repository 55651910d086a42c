import { describe, expect, it } from 'vitest';
import { CustomerInvoiceUpdateDto } from './dto-documents';
import { InventoryUpdateDto } from './dto-items';
import { CustomerUpdateDto } from './dto-parties';
import { unwrapBody } from './wrap';

const o = { rejectNullForNonNullable: true, timeZoneOffsetMinutes: 0 };

describe('unwrapBody', () => {
  it('unwraps scalars and nested wrapped objects, keeping unwrapped fields as they are', () => {
    const r = unwrapBody(CustomerUpdateDto, {
      name: { value: 'Jansen' },
      creditLimit: { value: '1500.50' },
      overrideWithClassValues: true,
      mainAddress: { value: { addressLine1: { value: 'Dorpsstraat 1' }, countryId: { value: 'NL' } } },
    }, o);
    expect(r).toEqual({ ok: true, warnings: [], value: { name: 'Jansen', creditLimit: 1500.5, overrideWithClassValues: true, mainAddress: { addressLine1: 'Dorpsstraat 1', countryId: 'NL' } } });
  });

  it('keeps line arrays unwrapped with a plain operation, and segment arrays plain', () => {
    const r = unwrapBody(CustomerInvoiceUpdateDto, {
      invoiceLines: [{ operation: 'insert', quantity: { value: 2 }, subaccount: [{ segmentId: 1, segmentValue: '100' }] }],
    }, o);
    expect(r.ok && r.value.invoiceLines).toEqual([{ operation: 'Insert', quantity: 2, subaccount: [{ segmentId: 1, segmentValue: '100' }] }]);
  });

  it('turns "" into null (clear) and reports unknown fields as warnings', () => {
    const r = unwrapBody(InventoryUpdateDto, { description: { value: '' }, descriptoin: { value: 'typo' } }, o);
    expect(r.ok && r.value).toEqual({ description: null });
    expect(r.ok && r.warnings[0]).toContain("'descriptoin'");
  });

  it('rejects an unwrapped scalar the way .NET fails to bind the DTO', () => {
    const r = unwrapBody(CustomerUpdateDto, { name: 'Jansen' }, o);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^Data received not recognized as CustomerUpdateDto: 'name' must be wrapped/);
  });

  it('rejects null for non-nullable value types and impossible conversions', () => {
    const nul = unwrapBody(CustomerUpdateDto, { creditLimit: { value: null } }, o);
    expect(!nul.ok && nul.error).toContain("'creditLimit.value' cannot be null");
    expect(unwrapBody(CustomerUpdateDto, { creditLimit: { value: null } }, { ...o, rejectNullForNonNullable: false }).ok).toBe(true);
    const bad = unwrapBody(InventoryUpdateDto, { defaultPrice: { value: 'cheap' } }, o);
    expect(!bad.ok && bad.error).toContain('cannot be converted to Decimal');
    const en = unwrapBody(InventoryUpdateDto, { status: { value: 'Sleeping' } }, o);
    expect(!en.ok && en.error).toContain('allowed: Active, NoSales');
  });

  it('rejects a body that is not an object', () => {
    const r = unwrapBody(CustomerUpdateDto, [1, 2], o);
    expect(!r.ok && r.error).toBe('Data received not recognized as CustomerUpdateDto. Value cannot be null. Parameter name: customerUpdateDto');
  });

  it('moves a document date with an offset into the configured zone (the omniboost date-shift pitfall)', () => {
    const r = unwrapBody(CustomerInvoiceUpdateDto, { documentDate: { value: '2025-05-19T00:00:00+02:00' } }, o);
    expect(r.ok && r.value.documentDate).toBe('2025-05-18T22:00:00');
  });
});
