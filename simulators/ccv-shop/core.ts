// The simulator's mutable parts in one place: configuration, data, logs, limits and faults.
import type { SimConfig } from './config';
import { Faults } from './faults';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import { SimStats } from './stats';
import { ALL_ROUTES } from './resources/index';
import { Router } from './router';
import { buildState } from './state';
import type { SeedSpec, SimState } from './state';
import { WebhookOut } from './webhooks-out';

export class SimCore {
  config: SimConfig;
  state: SimState;
  readonly log = new RequestLog();
  readonly limiter = new RateLimiter();
  readonly hooks = new WebhookOut();
  readonly faults: Faults;
  readonly router = new Router(ALL_ROUTES);
  readonly stats: SimStats;

  constructor(
    private readonly initialConfig: SimConfig,
    private readonly initialSpec: SeedSpec,
    readonly now: () => number,
  ) {
    this.config = structuredClone(initialConfig);
    this.state = buildState(initialSpec, this.config.settings);
    this.faults = new Faults(() => this.state.spec.seed);
    this.stats = new SimStats(now);
  }

  /** Back to the state right after start: data, config, logs, stats, limits and faults. */
  reset(): void {
    this.config = structuredClone(this.initialConfig);
    this.state = buildState(this.initialSpec, this.config.settings);
    this.log.clear();
    this.stats.reset();
    this.limiter.reset();
    this.hooks.clear();
    this.faults.set(null);
  }

  /** New data from another seed or sizes; configuration and logs stay. */
  reseed(spec: SeedSpec): void {
    this.state = buildState(spec, this.config.settings);
  }
}
