// Row versions (`timeStamp`/`version`, base64 of an 8-byte SQL rowversion like "AAAAAE0YIiI=") and If-Match checks.

function encode(n: bigint): string {
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64BE(n);
  return buf.toString('base64');
}

/** Version of a seeded record that was never written: stable per (stream, index). */
export function seededVersion(stream: number, index: number): string {
  return encode(0x0000_0000_1000_0000n + (BigInt(stream) << 24n) + BigInt(index));
}

/** Monotonic versions handed out on writes (a different range than seeded ones). */
export class VersionCounter {
  private n = 0x0000_0002_0000_0000n;

  next(): string {
    this.n += 1n;
    return encode(this.n);
  }
}

export function etagHeader(version: string, quote: boolean): string {
  return quote ? `"${version}"` : version;
}

/** True when `If-Match` names `version` (quoted or not, weak or not) or is `*`. */
export function ifMatchAccepts(header: string, version: string): boolean {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'))
    .some((t) => t === '*' || t === version);
}
