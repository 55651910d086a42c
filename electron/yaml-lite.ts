/**
 * A reader for the small YAML subset our electron-builder.yml uses: nested mappings by indentation, block lists
 * ("- item"), plain or quoted scalars, booleans and numbers, and # comments. No anchors, flow style or
 * multi-line strings: it throws on what it does not understand, naming the line.
 */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  text: string;
  no: number;
}

function scalar(raw: string, no: number): YamlValue {
  const t = raw.trim();
  if (t.startsWith('"')) {
    if (!t.endsWith('"') || t.length < 2) throw new Error(`line ${no}: unterminated "string"`);
    return t.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  if (t.startsWith("'")) {
    if (!t.endsWith("'") || t.length < 2) throw new Error(`line ${no}: unterminated 'string'`);
    return t.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[[{&*|>]/.test(t)) throw new Error(`line ${no}: unsupported YAML syntax "${t}"`);
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t === 'null' || t === '~' || t === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

/** Drops a trailing " # comment" outside quotes. */
function stripComment(s: string): string {
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || s[i - 1] === ' ')) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}

export function parseYamlLite(text: string): YamlValue {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.includes('\t')) throw new Error(`line ${i + 1}: tabs are not allowed in YAML indentation`);
    const body = stripComment(raw);
    if (body.trim() === '' || body.trim() === '---') return;
    lines.push({ indent: body.length - body.trimStart().length, text: body.trim(), no: i + 1 });
  });
  let pos = 0;

  const block = (indent: number): YamlValue => {
    const first = lines[pos];
    if (!first || first.indent < indent) return null;
    return first.text.startsWith('- ') || first.text === '-' ? list(first.indent) : mapping(first.indent);
  };

  const list = (indent: number): YamlValue[] => {
    const out: YamlValue[] = [];
    for (let l = lines[pos]; l && l.indent === indent && (l.text.startsWith('- ') || l.text === '-'); l = lines[pos]) {
      pos++;
      const rest = l.text.slice(1).trim();
      if (rest === '') out.push(block(indent + 1));
      else if (/^[^"'].*?:(\s|$)/.test(rest)) throw new Error(`line ${l.no}: mappings inside list items are not supported`);
      else out.push(scalar(rest, l.no));
    }
    return out;
  };

  const mapping = (indent: number): { [key: string]: YamlValue } => {
    const out: { [key: string]: YamlValue } = {};
    for (let l = lines[pos]; l && l.indent === indent; l = lines[pos]) {
      const m = /^("[^"]*"|'[^']*'|[^:]+?):(\s+(.*))?$/.exec(l.text);
      if (!m) throw new Error(`line ${l.no}: expected "key: value", got "${l.text}"`);
      const key = String(scalar(m[1] ?? '', l.no));
      if (Object.hasOwn(out, key)) throw new Error(`line ${l.no}: duplicate key "${key}"`);
      pos++;
      const value = m[3];
      if (value !== undefined && value !== '') out[key] = scalar(value, l.no);
      else {
        const next = lines[pos];
        // A list may sit at the same indent as its key ("key:\n- a").
        const nested = next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- ')));
        out[key] = nested && next ? block(next.indent) : null;
      }
    }
    return out;
  };

  const result = block(0);
  const left = lines[pos];
  if (left) throw new Error(`line ${left.no}: unexpected indentation`);
  return result;
}
