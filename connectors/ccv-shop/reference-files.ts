/** Test support: the CCV Shop API reference copied into the repository (`reference/ccv-shop/`, see `reference/README.md`). */
import { readFileSync } from 'node:fs';

const root = new URL('../../reference/ccv-shop/', import.meta.url);

/** Parsed JSON of a reference file, e.g. `auth_test_vectors.json` or `schemas/products.json`. */
export function readReference(relative: string): unknown {
  return JSON.parse(readFileSync(new URL(relative, root), 'utf8'));
}
