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
  /** Stops the wait at once (SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

export interface WaitResult<T> {
  value: T;
  /** Why the wait stopped before the job was done: our deadline, or a signal. */
  stoppedBy?: "deadline" | "interrupt";
}

/** Returns the last value polled, and what stopped the wait if it stopped early. */
export async function waitFor<T>(opts: WaitOptions<T>): Promise<WaitResult<T>> {
  const schedule = opts.schedule ?? DEFAULT_POLL;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => abortableSleep(ms, opts.signal));
  let delay = schedule.minDelayMs;
  for (;;) {
    const value = await opts.poll();
    opts.onPoll?.(value);
    if (opts.isDone(value)) return { value };
    if (opts.signal?.aborted) return { value, stoppedBy: "interrupt" };
    const remaining = opts.deadline - now();
    if (remaining <= 0) return { value, stoppedBy: "deadline" };
    await sleep(Math.min(delay, remaining));
    if (opts.signal?.aborted) return { value, stoppedBy: "interrupt" };
    delay = Math.min(schedule.maxDelayMs, delay * schedule.factor);
  }
}

function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
