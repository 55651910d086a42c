import { EvaluationStop } from './errors';

/** Pure bookkeeping helpers available in every expression. Percentages are given as 21 for 21 %. */

function requireNumber(fn: string, what: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EvaluationStop('evaluate', `$${fn} needs a number for ${what}, got ${JSON.stringify(value)}`, `Convert it first, e.g. $number(...).`);
  }
  return value;
}

/** Rounds to cents, halves away from zero (1.005 → 1.01, -2.345 → -2.35), as invoices do; $round rounds half to even. */
export function round2(value: unknown): number | undefined {
  const n = requireNumber('round2', 'the amount', value);
  if (n === undefined) return undefined;
  const sign = n < 0 ? -1 : 1;
  // Shifting through the decimal string avoids binary float drift (1.005 * 100 = 100.49999...).
  const abs = Math.abs(n);
  const text = String(abs);
  const result = text.includes('e') ? sign * (Math.round(abs * 100) / 100) : sign * Number(`${Math.round(Number(`${text}e2`))}e-2`);
  return Object.is(result, -0) ? 0 : result;
}

/** The amount without VAT from an amount including VAT; not rounded (combine with $round2). */
export function exVat(amount: unknown, ratePercent: unknown): number | undefined {
  const a = requireNumber('exVat', 'the amount', amount);
  const r = requireNumber('exVat', 'the VAT percentage', ratePercent);
  if (a === undefined || r === undefined) return undefined;
  return a / (1 + r / 100);
}

/** The amount including VAT from an amount without VAT; not rounded (combine with $round2). */
export function incVat(amount: unknown, ratePercent: unknown): number | undefined {
  const a = requireNumber('incVat', 'the amount', amount);
  const r = requireNumber('incVat', 'the VAT percentage', ratePercent);
  if (a === undefined || r === undefined) return undefined;
  return a * (1 + r / 100);
}
