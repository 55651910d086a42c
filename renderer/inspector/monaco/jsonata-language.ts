import type { languages } from 'monaco-editor/editor/editor.api';

export const JSONATA_LANGUAGE_ID = 'jsonata';

/** JSONata's built-in functions plus Koppel's bookkeeping helpers and value tables. */
export const JSONATA_FUNCTIONS: readonly { name: string; signature: string }[] = [
  { name: '$table', signature: '$table(name, key)' },
  { name: '$round2', signature: '$round2(number)' },
  { name: '$exVat', signature: '$exVat(amount, rate)' },
  { name: '$incVat', signature: '$incVat(amount, rate)' },
  ...[
    '$string(arg)', '$length(str)', '$substring(str, start[, length])', '$substringBefore(str, chars)', '$substringAfter(str, chars)',
    '$uppercase(str)', '$lowercase(str)', '$trim(str)', '$pad(str, width[, char])', '$contains(str, pattern)', '$split(str, separator[, limit])',
    '$join(array[, separator])', '$match(str, pattern[, limit])', '$replace(str, pattern, replacement[, limit])', '$eval(expr[, context])',
    '$base64encode(str)', '$base64decode(str)', '$encodeUrlComponent(str)', '$decodeUrlComponent(str)', '$number(arg)', '$abs(number)',
    '$floor(number)', '$ceil(number)', '$round(number[, precision])', '$power(base, exponent)', '$sqrt(number)', '$random()',
    '$formatNumber(number, picture[, options])', '$formatBase(number[, radix])', '$formatInteger(number, picture)', '$parseInteger(string, picture)',
    '$sum(array)', '$max(array)', '$min(array)', '$average(array)', '$count(array)', '$append(array1, array2)', '$sort(array[, function])',
    '$reverse(array)', '$shuffle(array)', '$distinct(array)', '$zip(array1, ...)', '$keys(object)', '$lookup(object, key)', '$spread(object)',
    '$merge(array<object>)', '$each(object, function)', '$error(message)', '$assert(condition, message)', '$type(value)', '$boolean(arg)',
    '$not(arg)', '$exists(arg)', '$map(array, function)', '$filter(array, function)', '$single(array, function)', '$reduce(array, function[, init])',
    '$sift(object, function)', '$now([picture[, timezone]])', '$millis()', '$fromMillis(number[, picture[, timezone]])', '$toMillis(timestamp[, picture])',
  ].map((signature) => ({ name: signature.slice(0, signature.indexOf('(')), signature })),
];

/** Monarch grammar: strings, numbers, comments, operators, $functions/$variables and `quoted` field names. */
export const jsonataMonarch: languages.IMonarchLanguage = {
  defaultToken: '',
  keywords: ['and', 'or', 'in', 'true', 'false', 'null', 'function'],
  operators: [':=', '!=', '<=', '>=', '~>', '..', '?:', '??', '=', '<', '>', '+', '-', '*', '/', '%', '&', '?', ':', '@', '#', '^'],
  symbols: /[=><!~?:&|+\-*/^%@#.]+/,
  tokenizer: {
    root: [
      [/\/\*/, 'comment', '@comment'],
      [/\$[A-Za-z_][A-Za-z0-9_]*(?=\s*\()/, 'predefined'],
      [/\$[A-Za-z0-9_]*/, 'variable'],
      [/`[^`]*`/, 'identifier'],
      [/[A-Za-z_][A-Za-z0-9_]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/"([^"\\]|\\.)*$/, 'string.invalid'],
      [/'([^'\\]|\\.)*$/, 'string.invalid'],
      [/"/, 'string', '@dstring'],
      [/'/, 'string', '@sstring'],
      [/-?\d+(\.\d+)?([eE][-+]?\d+)?/, 'number'],
      [/[{}()[\]]/, '@brackets'],
      [/@symbols/, { cases: { '@operators': 'operator', '@default': '' } }],
      [/[;,]/, 'delimiter'],
      [/\s+/, 'white'],
    ],
    comment: [
      [/[^*/]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/[*/]/, 'comment'],
    ],
    dstring: [
      [/[^\\"]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
    sstring: [
      [/[^\\']+/, 'string'],
      [/\\./, 'string.escape'],
      [/'/, 'string', '@pop'],
    ],
  },
};

export const jsonataConfiguration: languages.LanguageConfiguration = {
  comments: { blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
    { open: '`', close: '`' },
  ],
};

export interface Suggestion {
  label: string;
  kind: 'field' | 'function';
  insertText: string;
  detail: string;
}

/**
 * What completion offers at a word: field names of the upstream node's last output first (so a bookkeeper
 * sees their own data), then functions when the word starts with `$`.
 */
export function suggestionsFor(word: string, fieldPaths: readonly string[]): Suggestion[] {
  if (word.startsWith('$')) {
    return JSONATA_FUNCTIONS.filter((f) => f.name.startsWith(word)).map((f) => ({ label: f.name, kind: 'function', insertText: f.name, detail: f.signature }));
  }
  const w = word.toLowerCase();
  return fieldPaths
    .filter((p) => w === '' || p.toLowerCase().includes(w))
    .map((p) => ({ label: p, kind: 'field', insertText: p, detail: 'field' }));
}
