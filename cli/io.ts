/** Where a command writes and how it ends; injected so tests can run commands in-process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Raises the exit code (the highest code asked for wins). */
  exit(code: number): void;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIo(onExit: (code: number) => void): Io {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    exit: onExit,
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}
