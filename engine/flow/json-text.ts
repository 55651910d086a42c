import type { Problem } from './problems';

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** JSON.parse with the error position as line/column (V8 reports a character offset, newer ones line/column too). */
export function parseJsonText(text: string): JsonTextResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const lc = /\(line (\d+) column (\d+)\)/.exec(raw);
    const pos = /position (\d+)/.exec(raw);
    const where = lc
      ? { line: Number(lc[1]), column: Number(lc[2]) }
      : lineColumn(body, pos ? Number(pos[1]) : body.length);
    const cleaned = raw
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/, ".*" is not valid JSON$/s, '');
    const detail = cleaned.charAt(0).toLowerCase() + cleaned.slice(1);
    return {
      ok: false,
      problem: {
        severity: 'error',
        message: `The flow file is not valid JSON at line ${where.line}, column ${where.column}: ${detail}.`,
        fix: 'Fix the file at that spot (a missing comma, quote or bracket is the usual cause), or open it in Koppel and save it again.',
        line: where.line,
        column: where.column,
      },
    };
  }
}
