import type { Json, ValueTable } from '../../../engine';
import { textOf } from '../../../engine';
import { RecordProblem } from './problem';

export type Tables = Readonly<Record<string, ValueTable>>;

function tableOf(tables: Tables, name: string, param: string): ValueTable {
  const table = Object.prototype.hasOwnProperty.call(tables, name) ? tables[name] : undefined;
  if (!table) throw new RecordProblem(`There is no table '${name}' in this flow: add it under Tables, or name another table in '${param}'.`, param);
  return table;
}

/** The row for the first key that has one, else the table's default, else undefined. */
export function tableValue(tables: Tables, name: string, keys: readonly string[], param: string): Json | undefined {
  const table = tableOf(tables, name, param);
  for (const key of keys) {
    if (Object.prototype.hasOwnProperty.call(table.rows, key)) {
      const row = table.rows[key];
      if (row !== undefined && row !== null && row !== '') return row;
    }
  }
  return table.default ?? undefined;
}

/**
 * A code from a value table; `missing` says what has no row and which row to add, so a bookkeeper can fix the
 * mapping without reading code.
 */
export function tableCode(tables: Tables, name: string, keys: readonly string[], param: string, missing: string): string {
  const value = tableValue(tables, name, keys, param);
  const text = textOf(value);
  if (text === undefined) throw new RecordProblem(`${missing} in table '${name}': add a row '${keys[0] ?? ''}'.`, param);
  return text;
}

/** Like `tableCode`, but an empty table name means "not used" and gives undefined. */
export function optionalTableCode(tables: Tables, name: string, keys: readonly string[], param: string, missing: string): string | undefined {
  if (name.trim() === '') return undefined;
  return tableCode(tables, name, keys, param, missing);
}
