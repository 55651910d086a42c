// The running simulator's shared state, handed to the pipeline and the admin endpoints.
import type { TokenStore } from './auth';
import type { Faults } from './faults';
import type { RateLimiter } from './rate-limit';
import type { RequestLog } from './request-log';
import type { SimStats } from './stats';
import type { SimContext } from './types';

export interface SimState {
  ctx: SimContext;
  log: RequestLog;
  faults: Faults;
  rate: RateLimiter;
  stats: SimStats;
  tokens: TokenStore;
  quiet: boolean;
}
