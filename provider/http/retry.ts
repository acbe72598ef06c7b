import { CloudApiError } from "../errors";
import { TransportError } from "./transport";

/**
 * Retries with exponential backoff and full jitter. The callback signs and sends afresh on every attempt, so each
 * retry is re-signed. Whether an error may be retried is the caller's decision (it knows whether the operation is
 * idempotent); `isRetryableStatus` is the shared table of retryable HTTP statuses.
 */

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The retry budget of one operation: no retry starts once this much time has passed since the first attempt. */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 10_000, budgetMs: 120_000 };

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Full jitter: a uniform delay in [0, min(max, base·2^attempt)]. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

const THROTTLED = /Throttl|SlowDown/;

/**
 * Whether a failed attempt may be repeated. Idempotent calls retry every retryable failure. Others (job
 * submission) retry only when the request provably was not processed: the cloud refused it as throttled, or the
 * connection was never made. An ambiguous failure of a submission is never retried blindly.
 */
export function mayRetry(error: unknown, idempotent: boolean): boolean {
  if (error instanceof TransportError) return idempotent || !error.sent;
  if (error instanceof CloudApiError) {
    if (!error.retryable) return false;
    return idempotent || error.status === 429 || THROTTLED.test(error.vendorCode);
  }
  return false;
}

export async function withRetries<T>(
  attemptFn: (attempt: number) => Promise<T>,
  shouldRetry: (error: unknown) => boolean,
  policy: RetryPolicy = DEFAULT_RETRY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => number = Date.now,
): Promise<T> {
  const started = now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptFn(attempt);
    } catch (e) {
      if (attempt + 1 >= policy.maxAttempts || !shouldRetry(e)) throw e;
      // The server's own hint wins when it asks for a longer pause than our backoff.
      const hint = e instanceof CloudApiError ? e.retryAfterMs ?? 0 : 0;
      const delay = Math.max(hint, backoffDelay(attempt, policy));
      if (now() - started + delay > policy.budgetMs) throw e;
      await sleep(delay);
    }
  }
}

/** `x-acs-retry-after` is in milliseconds; `Retry-After` in seconds. */
export function retryAfterMs(headers: Record<string, string | undefined>): number | undefined {
  const acs = Number(headers["x-acs-retry-after"]);
  if (Number.isFinite(acs) && acs > 0) return acs;
  const std = Number(headers["retry-after"]);
  return Number.isFinite(std) && std > 0 ? std * 1000 : undefined;
}
