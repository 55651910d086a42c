import { isJsonObject } from '../../../engine';
import type { FieldChange, Json, JsonObject } from '../../../engine';

/** Every field of a planned document as a change from nothing, e.g. `orderLines[0].inventoryId`, for dry runs. */
export function plannedChanges(doc: JsonObject): FieldChange[] {
  const out: FieldChange[] = [];
  const walk = (value: Json, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
      return;
    }
    if (isJsonObject(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
      return;
    }
    out.push({ field: path, after: value });
  };
  walk(doc, '');
  return out;
}
