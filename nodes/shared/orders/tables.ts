import type { Json, ValueTable } from '../../../engine';
import { textOf } from '../../../engine';
import { recordProblem } from '../messages';
import type { RecordMessage } from '../messages';

export type Tables = Readonly<Record<string, ValueTable>>;

function tableOf(tables: Tables, name: string, param: string): ValueTable {
  const table = Object.prototype.hasOwnProperty.call(tables, name) ? tables[name] : undefined;
  if (!table) throw recordProblem('table.missing', { table: name, param }, param);
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
 * A code from a value table; `missing` says what has no row (a `table.*` message, which names the table and the row
 * to add), so a bookkeeper can fix the mapping without reading code.
 */
export function tableCode(tables: Tables, name: string, keys: readonly string[], param: string, missing: RecordMessage): string {
  const value = tableValue(tables, name, keys, param);
  const text = textOf(value);
  if (text === undefined) throw recordProblem(missing.code, { ...missing.params, table: name, row: keys[0] ?? '' }, param);
  return text;
}

/** Like `tableCode`, but an empty table name means "not used" and gives undefined. */
export function optionalTableCode(tables: Tables, name: string, keys: readonly string[], param: string, missing: RecordMessage): string | undefined {
  if (name.trim() === '') return undefined;
  return tableCode(tables, name, keys, param, missing);
}
