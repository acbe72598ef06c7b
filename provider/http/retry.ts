/**
 * Retries for both clouds: one table of what is retryable, one rule for whether a failed request may have been
 * processed, and exponential backoff with full jitter. The callback signs and sends afresh on every attempt, so each
 * retry is re-signed. Whether a call is idempotent is the caller's knowledge; everything else is decided here.
 */
import { CloudApiError, InvalidResponseError, TransportError } from "../errors";

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The retry budget of one operation: no retry starts once this much time has passed since the first attempt. */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 10_000, budgetMs: 120_000 };

/** HTTP 429: the request was refused as over the rate limit. */
const TOO_MANY_REQUESTS = 429;

/**
 * Vendor error codes worth another attempt, whatever the HTTP status, for both clouds. `throttled` codes mean the
 * cloud refused the request (it was not processed), so even a submission may be sent again.
 */
export const RETRYABLE_VENDOR_CODES: readonly { pattern: RegExp; throttled: boolean; seen: string }[] = [
  { pattern: /Throttl/, throttled: true, seen: "MPS Throttling, Throttling.User, Throttling.Api" },
  { pattern: /^SlowDown$/, throttled: true, seen: "COS/CI SlowDown (HTTP 503)" },
  { pattern: /ServiceUnavailable/, throttled: false, seen: "MPS ServiceUnavailable" },
  { pattern: /InternalError/, throttled: false, seen: "MPS InternalError, CI InternalError (HTTP 500)" },
];

/** 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === TOO_MANY_REQUESTS || status >= 500;
}

/** Whether an error answer (its status and vendor code) is retryable, and whether it is a throttled refusal. */
export function classifyAnswer(status: number, vendorCode: string): { retryable: boolean; throttled: boolean } {
  const entry = RETRYABLE_VENDOR_CODES.find((e) => e.pattern.test(vendorCode));
  const throttled = status === TOO_MANY_REQUESTS || (entry?.throttled ?? false);
  return { retryable: isRetryableStatus(status) || entry !== undefined, throttled };
}

/**
 * The one "was the request sent?" rule: whether the cloud may have processed a request that failed. A connection
 * that dropped after sending, a timeout, a 5xx, or an answer that is not a valid document may hide a request that
 * was carried out; a throttled refusal, any other error document, or a connection never made cannot.
 */
export function mayHaveBeenProcessed(error: unknown): boolean {
  if (error instanceof TransportError) return error.sent;
  if (error instanceof InvalidResponseError) return true;
  if (error instanceof CloudApiError) return !error.throttled && error.fault === "server";
  return false;
}

/**
 * Whether a failed attempt may be repeated: a retryable failure of an idempotent call, or of any call that provably
 * was not processed. An ambiguous failure of a submission is never retried blindly (see lifecycle/submission.ts).
 */
export function mayRetry(error: unknown, idempotent: boolean): boolean {
  const retryable = (error instanceof TransportError || error instanceof CloudApiError) && error.retryable;
  return retryable && (idempotent || !mayHaveBeenProcessed(error));
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
