import { InvalidArgumentError } from 'commander';

/** Commander parser for non-negative integer options, with a message naming the bad value. */
export function intOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more.`);
  return n;
}
