// A compact description of the main API's value-wrapped request DTOs (reference/visma-net/README.md §4.1), used by `wrap.ts`.

export type ScalarType = 'str' | 'num' | 'int' | 'bool' | 'date' | 'uuid' | 'any';

/** `strict` marks a non-nullable .NET value type (DtoValueOfDecimal, ...): `null` is not accepted. */
export type ScalarSpec =
  | { kind: 'scalar'; type: ScalarType; strict: boolean }
  | { kind: 'enum'; values: readonly string[]; strict: boolean };

export type FieldSpec =
  | { kind: 'wrapped'; inner: ScalarSpec } // {"f":{"value":1}}
  | { kind: 'wrappedObj'; dto: DtoSpec } // {"f":{"value":{"g":{"value":1}}}}
  | { kind: 'plain'; inner: ScalarSpec } // {"f":1} e.g. `operation`, `overrideWithClassValues`
  | { kind: 'plainObj'; dto: DtoSpec } // {"f":{"g":{"value":1}}} e.g. `packaging`
  | { kind: 'lines'; dto: DtoSpec } // {"f":[{"operation":"Insert","g":{"value":1}}]}
  | { kind: 'segments' } // {"f":[{"segmentId":1,"segmentValue":"X"}]}
  | { kind: 'plainArr'; inner: ScalarSpec };

export interface DtoSpec {
  name: string;
  fields: Record<string, FieldSpec>;
}

const SCALAR_TYPES: readonly ScalarType[] = ['str', 'num', 'int', 'bool', 'date', 'uuid', 'any'];

type ScalarShorthand = ScalarType | `${ScalarType}!`;
type Shorthand = ScalarShorthand | ScalarSpec | FieldSpec;

function scalarOf(s: ScalarShorthand | ScalarSpec): ScalarSpec {
  if (typeof s !== 'string') return s;
  const strict = s.endsWith('!');
  const base = strict ? s.slice(0, -1) : s;
  const type = SCALAR_TYPES.find((t) => t === base) ?? 'any';
  return { kind: 'scalar', type, strict };
}

export function dto(name: string, fields: Record<string, Shorthand>): DtoSpec {
  const out: Record<string, FieldSpec> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string' || v.kind === 'scalar' || v.kind === 'enum') out[k] = { kind: 'wrapped', inner: scalarOf(v) };
    else out[k] = v;
  }
  return { name, fields: out };
}

export const en = (values: readonly string[], strict = false): ScalarSpec => ({ kind: 'enum', values, strict });
export const plain = (s: ScalarShorthand | ScalarSpec): FieldSpec => ({ kind: 'plain', inner: scalarOf(s) });
export const wrapped = (d: DtoSpec): FieldSpec => ({ kind: 'wrappedObj', dto: d });
export const plainObj = (d: DtoSpec): FieldSpec => ({ kind: 'plainObj', dto: d });
export const lines = (d: DtoSpec): FieldSpec => ({ kind: 'lines', dto: d });
export const segments = (): FieldSpec => ({ kind: 'segments' });
export const plainArr = (s: ScalarShorthand | ScalarSpec): FieldSpec => ({ kind: 'plainArr', inner: scalarOf(s) });

export const OPERATION = en(['Insert', 'Update', 'Delete']);
