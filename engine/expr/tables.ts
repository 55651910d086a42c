import type { Json } from '../json';
import type { ValueTable } from '../flow/schema';
import { EvaluationStop } from './errors';

function keyText(key: unknown): string | undefined {
  if (typeof key === 'string') return key;
  if (typeof key === 'number' || typeof key === 'boolean') return String(key);
  return undefined;
}

/** `$table(name, key)`: the row for the key, else the table's default, else an error naming table and key. */
export function tableLookup(tables: Readonly<Record<string, ValueTable>>) {
  return (name: unknown, key: unknown): Json => {
    if (typeof name !== 'string') {
      throw new EvaluationStop('table', '$table needs the table name as text first, e.g. $table(\'vat-code-per-country\', country)', 'Put the table name in quotes.');
    }
    const table = Object.prototype.hasOwnProperty.call(tables, name) ? tables[name] : undefined;
    if (!table) {
      const known = Object.keys(tables);
      throw new EvaluationStop(
        'table',
        `there is no table '${name}' in this flow`,
        known.length ? `Use one of: ${known.join(', ')}; or add a table named '${name}'.` : `Add a table named '${name}' to the flow.`,
      );
    }
    const k = keyText(key);
    if (k !== undefined && Object.prototype.hasOwnProperty.call(table.rows, k)) {
      const row = table.rows[k];
      if (row !== undefined) return row;
    }
    if (table.default !== undefined) return table.default;
    if (k === undefined) {
      throw new EvaluationStop('table', `No value for an empty key in table '${name}'`, `Fill the field used as key, or give table '${name}' a default value.`);
    }
    throw new EvaluationStop('table', `No value for '${k}' in table '${name}': add a row for it`, `Add a row for '${k}' to table '${name}', or give the table a default value.`);
  };
}
