import { describe, expect, it } from 'vitest';
import { plainBody } from './plain-body';
import { unwrap, wrap } from './wrap';

describe('wrap', () => {
  it('wraps scalars, nested objects once plus their fields, and leaves line arrays and operation plain', () => {
    const body = wrap({ name: 'X', address: { city: 'Y' }, lines: [{ operation: 'Insert', quantity: 2 }] });
    expect(JSON.stringify(body)).toBe(
      '{"name":{"value":"X"},"address":{"value":{"city":{"value":"Y"}}},"lines":[{"operation":"Insert","quantity":{"value":2}}]}',
    );
  });

  it('keeps subaccount segment arrays plain', () => {
    const segments = [{ segmentId: 1, segmentValue: '100' }];
    expect(wrap({ subaccount: segments, accountNumber: '8000' })).toEqual({ subaccount: segments, accountNumber: { value: '8000' } });
  });

  it('omits undefined, omits null unless asked, and keeps empty strings (they clear a field)', () => {
    expect(wrap({ a: undefined, b: null, c: '' })).toEqual({ c: { value: '' } });
    expect(wrap({ b: null, c: '' }, {}, { sendNulls: true })).toEqual({ b: { value: null }, c: { value: '' } });
  });

  it('follows a spec: raw fields, inline objects and nested rules', () => {
    const body = wrap(
      { overrideWithClassValues: true, packaging: { weightUOM: 'KG' }, lines: [{ id: 'u-1', amount: 5 }], deep: { inner: { x: 1 } } },
      { overrideWithClassValues: 'raw', packaging: 'inline', lines: { fields: { id: 'raw' } }, deep: { fields: { inner: 'raw' } } },
    );
    expect(body).toEqual({
      overrideWithClassValues: true,
      packaging: { weightUOM: { value: 'KG' } },
      lines: [{ id: 'u-1', amount: { value: 5 } }],
      deep: { value: { inner: { x: 1 } } },
    });
  });

  it('writes dates as local date-times without an offset', () => {
    expect(wrap({ documentDate: new Date(2025, 4, 19, 0, 0, 0) })).toEqual({ documentDate: { value: '2025-05-19T00:00:00' } });
    expect(wrap({ at: new Date(Date.UTC(2025, 4, 19, 13, 5, 7, 250)) }, {}, { timeZone: 'utc' })).toEqual({ at: { value: '2025-05-19T13:05:07.250' } });
  });

  it('unwrap undoes wrap', () => {
    const plain = { name: 'X', address: { city: 'Y' }, lines: [{ operation: 'Insert', quantity: 2, subaccount: [{ segmentId: 1, segmentValue: 'A' }] }] };
    expect(unwrap(wrap(plain))).toEqual(plain);
  });
});

describe('plainBody (V3)', () => {
  it('drops undefined and null, turns dates into calendar days and pads date-only date fields', () => {
    const body = plainBody(
      { type: 'SO', note: null, x: undefined, date: new Date(2025, 4, 19, 18, 0), shipping: { scheduledDate: '2025-05-20', rule: '2025-05-20' } },
      { dateFields: new Set(['scheduledDate']) },
    );
    expect(body).toEqual({ type: 'SO', date: '2025-05-19T00:00:00', shipping: { scheduledDate: '2025-05-20T00:00:00', rule: '2025-05-20' } });
  });
});
