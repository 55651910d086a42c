// Fault injection for API requests: errors, dropped connections, slow and malformed responses.
import { z } from 'zod';
import { rngFor } from './prng';

export const FAULT_KINDS = ['500', '429', 'drop', 'drop_after', 'slow', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSpecSchema = z.strictObject({
  /** Probability per matching request, 0..1. */
  rate: z.number().min(0).max(1),
  kinds: z.array(z.enum(FAULT_KINDS)).min(1).default(['500']),
  /** Only requests whose path contains one of these strings (e.g. "/products"). */
  paths: z.array(z.string().min(1)).optional(),
  /** Stop after this many faults. */
  count: z.number().int().positive().optional(),
  /** Delay of `slow` faults. */
  slowMs: z.number().int().nonnegative().default(1500),
  /** Only these methods. */
  methods: z.array(z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE'])).optional(),
});

export type FaultSpec = z.infer<typeof faultSpecSchema>;

export class Faults {
  private spec: FaultSpec | null = null;
  private left: number | undefined;
  private draws = 0;
  injected = 0;

  constructor(private readonly seed: () => number) {}

  set(spec: FaultSpec | null): void {
    this.spec = spec && spec.rate > 0 ? spec : null;
    this.left = spec?.count;
    this.draws = 0;
    this.injected = 0;
  }

  current(): (FaultSpec & { remaining: number | null; injected: number }) | null {
    return this.spec ? { ...this.spec, remaining: this.left ?? null, injected: this.injected } : null;
  }

  /** The fault for this request, if any. Draws are seeded, so a run is reproducible. */
  decide(method: string, path: string): { kind: FaultKind; slowMs: number } | undefined {
    const s = this.spec;
    if (!s || this.left === 0) return undefined;
    if (s.paths && !s.paths.some((p) => path.includes(p))) return undefined;
    if (s.methods && !s.methods.some((m) => m === method)) return undefined;
    const r = rngFor(this.seed(), 'fault', this.draws++);
    if (r.next() >= s.rate) return undefined;
    if (this.left !== undefined) this.left--;
    this.injected++;
    return { kind: r.pick(s.kinds), slowMs: s.slowMs };
  }
}
