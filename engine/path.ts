import type { Json, JsonObject } from './json';
import { isJsonObject } from './json';

/** One step of a field path: an object key or an array index. */
export type PathSegment = string | number;

export class FieldPathError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`The field path '${path}' is not valid: ${detail}. Write it like 'status' or 'warehouseDetails[0].quantityAvailable'.`);
    this.name = 'FieldPathError';
  }
}

/**
 * Parses a path a person types, like `warehouseDetails[0].quantityAvailable`. Keys with spaces or dots go in
 * backticks, as in JSONata: `` `unit price`.amount ``.
 */
export function parseFieldPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const text = path.trim();
  if (text === '') throw new FieldPathError(path, 'it is empty');
  let expectKey = true;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) throw new FieldPathError(path, `'[' at position ${i + 1} is not closed`);
      const inner = text.slice(i + 1, end).trim();
      if (!/^\d+$/.test(inner)) throw new FieldPathError(path, `'[${inner}]' must be a position number like [0]`);
      segments.push(Number(inner));
      i = end + 1;
      expectKey = false;
    } else if (ch === '.') {
      if (expectKey) throw new FieldPathError(path, `a name is missing before the '.' at position ${i + 1}`);
      i += 1;
      expectKey = true;
      if (i >= text.length) throw new FieldPathError(path, 'it ends with a dot');
    } else if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) throw new FieldPathError(path, 'a backtick is not closed');
      segments.push(text.slice(i + 1, end));
      i = end + 1;
      expectKey = false;
    } else {
      if (!expectKey) throw new FieldPathError(path, `a '.' is missing before position ${i + 1}`);
      const m = /^[^.[\]`]+/.exec(text.slice(i));
      const key = m ? m[0] : '';
      segments.push(key.trim());
      i += key.length;
      expectKey = false;
    }
  }
  return segments;
}

/** The value at a parsed path, or undefined when any step is missing. */
export function getAtPath(json: Json | undefined, segments: readonly PathSegment[]): Json | undefined {
  let cur: Json | undefined = json;
  for (const seg of segments) {
    if (cur === undefined || cur === null) return undefined;
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (!isJsonObject(cur)) return undefined;
      cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
    }
  }
  return cur;
}

/** Sets a value at a dotted target like `address.city`, creating objects on the way (mutates `target`). */
export function setAtPath(target: JsonObject, segments: readonly string[], value: Json): void {
  let cur: JsonObject = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const seg = segments[i] ?? '';
    const next = cur[seg];
    if (isJsonObject(next)) {
      cur = next;
    } else {
      const created: JsonObject = {};
      cur[seg] = created;
      cur = created;
    }
  }
  const last = segments[segments.length - 1];
  if (last !== undefined) cur[last] = value;
}
