/** Amounts are handled in whole cents so that every document adds up to the cent. */

export function toCents(amount: number): number {
  // A tiny nudge so that 1.005 (stored as 1.00499...) still rounds like the shop printed it.
  return Math.round(amount * 100 + (amount >= 0 ? 1e-7 : -1e-7));
}

export function fromCents(cents: number): number {
  const v = cents / 100;
  return Object.is(v, -0) ? 0 : v;
}

/** Half away from zero, as invoices round. */
export function roundHalfAway(value: number): number {
  const r = Math.sign(value) * Math.round(Math.abs(value) + 1e-9);
  return Object.is(r, -0) ? 0 : r;
}

/** VAT in cents on a net amount, rounded half away from zero. */
export function vatOnNet(netCents: number, ratePercent: number): number {
  return roundHalfAway((netCents * ratePercent) / 100);
}

/**
 * The net amount for a gross amount, chosen so that net + VAT(net) gives the gross back to the cent where that is
 * possible: Visma.net computes VAT from net amounts, and the document must total what the customer paid.
 */
export function netFromGross(grossCents: number, ratePercent: number): number {
  const start = roundHalfAway((grossCents * 100) / (100 + ratePercent));
  for (const d of [0, -1, 1, -2, 2]) {
    const net = start + d;
    if (net + vatOnNet(net, ratePercent) === grossCents) return net;
  }
  return start;
}

/** The amount with VAT from a net amount. */
export function grossFromNet(netCents: number, ratePercent: number): number {
  return netCents + vatOnNet(netCents, ratePercent);
}

/**
 * Splits `total` cents over parts in proportion to their weights; the shares always add up to `total`.
 * - `largest-remainder`: each part gets its share rounded down, the cents left go to the largest fractions;
 * - `to-largest`: rounded down, all cents left go to the part with the largest weight (how CCV spreads an order
 *   discount over VAT rates in our reading [I], so the VAT split matches the shop's).
 */
export function allocate(total: number, weights: readonly number[], mode: 'largest-remainder' | 'to-largest' = 'largest-remainder'): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map((x) => Math.floor(x + 1e-9));
  let rest = total - shares.reduce((a, b) => a + b, 0);
  const order = weights.map((_, i) => i);
  if (mode === 'to-largest' || rest < 0) {
    const largest = order.reduce((best, i) => (Math.abs(weights[i] ?? 0) > Math.abs(weights[best] ?? 0) ? i : best), 0);
    shares[largest] = (shares[largest] ?? 0) + rest;
    return shares;
  }
  order.sort((a, b) => (exact[b] ?? 0) - (shares[b] ?? 0) - ((exact[a] ?? 0) - (shares[a] ?? 0)) || a - b);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) {
    const i = order[k] ?? 0;
    shares[i] = (shares[i] ?? 0) + 1;
  }
  return shares;
}

/**
 * A unit price with at most `decimals` decimals for a line of `quantity` worth `cents` before discounts, rounded so
 * that Visma.net's line amount (quantity x unit price, to the cent) is never below it; the cents over go into the
 * line's discount, so the line's net amount is exact whatever the price. Returns the price and that line amount.
 */
export function unitPriceFor(cents: number, quantity: number, decimals: number): { unitPrice: number; grossCents: number } {
  if (quantity === 0) return { unitPrice: 0, grossCents: 0 };
  const f = 10 ** decimals;
  const exact = (cents / 100 / quantity) * f;
  // Up for a positive quantity, down for a negative one: quantity x price >= cents either way.
  const scaled = quantity > 0 ? Math.ceil(exact - 1e-6) : Math.floor(exact + 1e-6);
  const unitPrice = scaled / f;
  return { unitPrice: Object.is(unitPrice, -0) ? 0 : unitPrice, grossCents: roundHalfAway(quantity * scaled * (100 / f)) };
}

export function formatAmount(cents: number): string {
  return fromCents(cents).toFixed(2);
}
