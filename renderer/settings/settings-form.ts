/** Pure helpers for the settings screen. */

/** "a@x.nl, b@y.de; c@z.com" → the addresses; blank parts dropped. */
export function parseRecipients(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The recipients that do not look like an e-mail address, to name them in the error. */
export function invalidRecipients(list: readonly string[]): string[] {
  return list.filter((s) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s));
}

/** Whole days between 1 and 3650, or null. */
export function parseDays(text: string, min = 1): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= min && n <= 3650 ? n : null;
}
