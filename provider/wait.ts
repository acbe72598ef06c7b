/**
 * Waiting for a job: poll with a growing interval until the job is terminal or our own deadline passes (Node
 * dynamic providers ignore `customTimeouts`, so the deadline is ours). The clock and sleep are injectable.
 */

export interface PollSchedule {
  /** First interval between polls. */
  minDelayMs: number;
  /** Cap of the interval. */
  maxDelayMs: number;
  /** Growth per poll. */
  factor: number;
}

export const DEFAULT_POLL: PollSchedule = { minDelayMs: 500, maxDelayMs: 10_000, factor: 1.5 };

export interface WaitOptions<T> {
  poll: () => Promise<T>;
  isDone: (value: T) => boolean;
  /** Epoch ms after which waiting stops. */
  deadline: number;
  schedule?: PollSchedule;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each poll (progress lines). */
  onPoll?: (value: T) => void;
}

/** Returns the last value polled, and whether the deadline stopped the wait. */
export async function waitFor<T>(opts: WaitOptions<T>): Promise<{ value: T; timedOut: boolean }> {
  const schedule = opts.schedule ?? DEFAULT_POLL;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let delay = schedule.minDelayMs;
  for (;;) {
    const value = await opts.poll();
    opts.onPoll?.(value);
    if (opts.isDone(value)) return { value, timedOut: false };
    const remaining = opts.deadline - now();
    if (remaining <= 0) return { value, timedOut: true };
    await sleep(Math.min(delay, remaining));
    delay = Math.min(schedule.maxDelayMs, delay * schedule.factor);
  }
}
