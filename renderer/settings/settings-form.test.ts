import { describe, expect, it } from 'vitest';
import { invalidRecipients, parseDays, parseRecipients } from './settings-form';

describe('settings form', () => {
  it('splits recipients on commas, semicolons and spaces', () => {
    expect(parseRecipients(' a@x.nl, b@y.de;c@z.com  ')).toEqual(['a@x.nl', 'b@y.de', 'c@z.com']);
    expect(parseRecipients('')).toEqual([]);
  });
  it('names recipients that are not e-mail addresses', () => {
    expect(invalidRecipients(['a@x.nl', 'nope', 'b@c'])).toEqual(['nope', 'b@c']);
  });
  it('accepts whole days in range only', () => {
    expect(parseDays('30')).toBe(30);
    expect(parseDays('0')).toBeNull();
    expect(parseDays('0', 0)).toBe(0);
    expect(parseDays('1.5')).toBeNull();
    expect(parseDays('4000')).toBeNull();
  });
});
