/**
 * A client-side rate limit shared by every resource of the stack: all dynamic resources run in one provider
 * process, so one limiter per cloud and account keeps the whole stack under the API's documented limit (100
 * calls/s for MPS; the same default for CI). Every attempt, retries included, takes a slot.
 *
 * The limiter is a GCRA (generic cell rate algorithm) without burst tolerance: requests are spaced evenly, 1/rate
 * apart, so no window of one second ever holds more than `rate` requests, however the cloud counts its seconds (a
 * burst allowance would let up to twice the rate into one sliding second). Bookkeeping is synchronous, so
 * concurrent callers in this single thread are ordered fairly.
 */

export const DEFAULT_MAX_REQUESTS_PER_SECOND = 100;

/**
 * Requests are spaced for 97 % of the rate: timers and the network bunch requests by a few milliseconds, and the
 * cloud counts arrivals, not our intentions (at exactly 100/s, 102 arrived within one second in `npm run bench`).
 */
const HEADROOM = 0.97;

export class RateLimiter {
  /** Theoretical arrival time of the next request (epoch ms). */
  private tat = 0;

  constructor(
    readonly ratePerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Resolves when this request may be sent. */
  async acquire(): Promise<void> {
    const interval = 1000 / (this.ratePerSecond * HEADROOM);
    const now = this.now();
    this.tat = Math.max(this.tat, now);
    const wait = this.tat - now;
    this.tat += interval;
    if (wait > 0) await this.sleep(wait);
  }
}

/**
 * The limiters of one provider process: one per cloud API and account, shared by every resource of the stack. The
 * key holds the access key *id* only (never the secret), and only in memory.
 */
export class RateLimiters {
  private readonly limiters = new Map<string, RateLimiter>();

  for(service: string, accountKeyId: string, ratePerSecond: number): RateLimiter {
    const key = `${service}\u0000${accountKeyId}`;
    let limiter = this.limiters.get(key);
    if (!limiter || limiter.ratePerSecond !== ratePerSecond) {
      limiter = new RateLimiter(ratePerSecond);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}
