// Fault injection configured through `POST /__sim/faults`.
import { z } from 'zod';
import { Rng } from './rng';

export const FAULT_KINDS = ['500', '429', 'drop', 'slow', 'malformed', '500-empty', '500-text'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const FaultConfigSchema = z.object({
  rate: z.number().min(0).max(1),
  kinds: z.array(z.enum(FAULT_KINDS)).min(1),
  paths: z.string().optional(),
  count: z.number().int().min(0).optional(),
  slowMs: z.number().int().min(0).max(120_000).optional(),
});
export type FaultConfig = z.infer<typeof FaultConfigSchema>;

export class Faults {
  private cfg: FaultConfig | undefined;
  private pathRe: RegExp | undefined;
  private remaining: number | undefined;
  private injected = 0;
  private rng: Rng;

  constructor(private readonly seed: number) {
    this.rng = new Rng(seed ^ 0x5eed);
  }

  /** Returns an error text when the `paths` regex is invalid. */
  set(cfg: FaultConfig): string | undefined {
    let re: RegExp | undefined;
    if (cfg.paths !== undefined) {
      try {
        re = new RegExp(cfg.paths);
      } catch (e) {
        return `paths is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    this.cfg = cfg;
    this.pathRe = re;
    this.remaining = cfg.count;
    this.injected = 0;
    this.rng = new Rng(this.seed ^ 0x5eed);
    return undefined;
  }

  clear(): void {
    this.cfg = undefined;
    this.pathRe = undefined;
    this.remaining = undefined;
  }

  get slowMs(): number {
    return this.cfg?.slowMs ?? 2000;
  }

  status(): Record<string, unknown> {
    return { active: this.cfg !== undefined && this.remaining !== 0, config: this.cfg ?? null, remaining: this.remaining ?? null, injected: this.injected };
  }

  /** Decides whether this request gets a fault, and which. */
  pick(pathWithQuery: string): FaultKind | undefined {
    const cfg = this.cfg;
    if (!cfg || this.remaining === 0) return undefined;
    // Without `paths` only API calls are hit: a token request eating the fault would surprise callers.
    if (this.pathRe ? !this.pathRe.test(pathWithQuery) : /^\/connect\//i.test(pathWithQuery)) return undefined;
    if (this.rng.next() >= cfg.rate) return undefined;
    if (this.remaining !== undefined) this.remaining--;
    this.injected++;
    return this.rng.pick(cfg.kinds);
  }
}
