/**
 * Retries with exponential backoff and full jitter. The callback signs and sends afresh on every attempt, so each
 * retry is re-signed. Whether an error may be retried is the caller's decision (it knows whether the operation is
 * idempotent); `isRetryableStatus` is the shared table of retryable HTTP statuses.
 */

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5_000 };

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Full jitter: a uniform delay in [0, min(max, base·2^attempt)]. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

export async function withRetries<T>(
  attemptFn: (attempt: number) => Promise<T>,
  shouldRetry: (error: unknown) => boolean,
  policy: RetryPolicy = DEFAULT_RETRY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptFn(attempt);
    } catch (e) {
      if (attempt + 1 >= policy.maxAttempts || !shouldRetry(e)) throw e;
      await sleep(backoffDelay(attempt, policy));
    }
  }
}
