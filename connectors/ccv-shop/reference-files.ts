/** Test support: the shared API reference lives next to the checkout (`../shared/reference/ccv-shop/`). */
import { readFileSync } from 'node:fs';

const root = new URL('../../../shared/reference/ccv-shop/', import.meta.url);

/** Parsed JSON of a reference file, e.g. `auth_test_vectors.json` or `schemas/products.json`. */
export function readReference(relative: string): unknown {
  return JSON.parse(readFileSync(new URL(relative, root), 'utf8'));
}
