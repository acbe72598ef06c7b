/**
 * Waiting for jobs: one status poller per provider process (its ProviderContext), shared by every job resource of
 * the stack (all dynamic resources run in one provider process).
 *
 * - **Batched.** Jobs that one request can describe together (CI: `GET /jobs/<id1>,<id2>,…` on one bucket) share a
 *   group; each poll of a group carries every job that is due, plus jobs due soon while the batch has room, so a
 *   stack of hundreds of jobs costs a few requests per round instead of one per job.
 * - **Adaptive.** A job's next poll comes `minDelayMs + ageFraction × age` after the last one (capped at
 *   `maxDelayMs`): a job that ends is noticed within about a second plus a tenth of its age, and a long job is not
 *   polled more often than it needs.
 * - **Our own deadline.** Node dynamic providers ignore `customTimeouts`; each job carries its deadline, and one more
 *   poll is made at the deadline. An abort signal (SIGINT/SIGTERM) stops every wait at once.
 *
 * The clock and timers are injectable so the schedule is tested exactly.
 */

export interface PollSchedule {
  /** Interval after the first poll (and before it). */
  minDelayMs: number;
  /** Cap of the interval. */
  maxDelayMs: number;
  /** Growth of the interval with the job's age (0.1: a tenth of the time waited so far). */
  ageFraction: number;
}

/**
 * A job's end is seen within 0.5 s + 5 % of its age (plus the request's own time), at most 10 s: twice as tight as
 * the 1 s + 10 % we promise, because the last job to end holds up the whole `pulumi up`. Batching keeps it cheap:
 * 200 jobs of 10 s cost about one request per job in polls.
 */
export const DEFAULT_POLL: PollSchedule = { minDelayMs: 500, maxDelayMs: 10_000, ageFraction: 0.05 };

export function pollDelay(schedule: PollSchedule, ageMs: number): number {
  return Math.min(schedule.maxDelayMs, schedule.minDelayMs + schedule.ageFraction * Math.max(0, ageMs));
}

/** Jobs that one request can describe together. */
export interface PollGroup<T> {
  /** Equal keys share requests (e.g. cloud, endpoint, bucket): any one of their fetches may serve them all. */
  key: string;
  /** Most ids in one request (1: no batching). */
  maxBatch: number;
  /** Describes the jobs; an id missing from the map, or mapped to an Error, fails that job's wait. */
  fetch(ids: readonly string[]): Promise<Map<string, T | Error>>;
}

export interface WatchOptions<T> {
  group: PollGroup<T>;
  id: string;
  /** The value until the first poll (returned if the wait is stopped before any poll answered). */
  initial: T;
  isDone(value: T): boolean;
  /** Epoch ms after which waiting stops (after one last poll). */
  deadline: number;
  signal?: AbortSignal;
  /** Called after each poll (progress lines). */
  onPoll?(value: T): void;
  schedule?: PollSchedule;
}

export interface WaitResult<T> {
  value: T;
  /** Why the wait stopped before the job was done: our deadline, or a signal. */
  stoppedBy?: "deadline" | "interrupt";
}

export interface PollerClock {
  now(): number;
  /** Schedules fn; returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

const REAL_CLOCK: PollerClock = {
  now: Date.now,
  setTimer(fn, ms) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

/** How far ahead of its due time a job may join a request that has room, as a fraction of its interval. */
const EARLY_FRACTION = 0.5;

interface Entry {
  opts: WatchOptions<unknown>;
  startedAt: number;
  value: unknown;
  nextDue: number;
  inFlight: boolean;
  settle(result: WaitResult<unknown> | Error): void;
}

export class StatusPoller {
  private readonly entries = new Set<Entry>();
  private cancelTimer: (() => void) | undefined;
  private timerAt = Infinity;

  constructor(private readonly clock: PollerClock = REAL_CLOCK) {}

  /** Waits until the job is done, the deadline passes or the signal aborts; rejects when a poll fails. */
  watch<T>(opts: WatchOptions<T>): Promise<WaitResult<T>> {
    return new Promise<WaitResult<T>>((resolve, reject) => {
      const now = this.clock.now();
      const schedule = opts.schedule ?? DEFAULT_POLL;
      const onAbort = () => {
        if (!entry.inFlight) entry.settle({ value: entry.value, stoppedBy: "interrupt" });
      };
      const entry: Entry = {
        opts: opts as WatchOptions<unknown>, startedAt: now, value: opts.initial, inFlight: false,
        nextDue: Math.min(now + pollDelay(schedule, 0), opts.deadline),
        settle: (result) => {
          if (!this.entries.delete(entry)) return;
          opts.signal?.removeEventListener("abort", onAbort);
          if (result instanceof Error) reject(result);
          else resolve(result as WaitResult<T>);
          this.arm();
        },
      };
      if (opts.signal?.aborted) {
        resolve({ value: opts.initial, stoppedBy: "interrupt" });
        return;
      }
      this.entries.add(entry);
      opts.signal?.addEventListener("abort", onAbort, { once: true });
      this.arm();
    });
  }

  /** Jobs being waited for (diagnostics and tests). */
  get size(): number {
    return this.entries.size;
  }

  /** Sets the one timer to the earliest due time. */
  private arm(): void {
    let earliest = Infinity;
    for (const e of this.entries) if (!e.inFlight && e.nextDue < earliest) earliest = e.nextDue;
    if (earliest === this.timerAt) return;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.timerAt = earliest;
    if (earliest === Infinity) return;
    this.cancelTimer = this.clock.setTimer(() => {
      this.cancelTimer = undefined;
      this.timerAt = Infinity;
      this.tick();
    }, Math.max(0, earliest - this.clock.now()));
  }

  private tick(): void {
    const now = this.clock.now();
    const groups = new Map<string, { group: PollGroup<unknown>; due: Entry[]; early: Entry[] }>();
    for (const e of this.entries) {
      if (e.inFlight) continue;
      const key = e.opts.group.key;
      let g = groups.get(key);
      if (!g) groups.set(key, g = { group: e.opts.group, due: [], early: [] });
      if (e.nextDue <= now) g.due.push(e);
      else if (e.nextDue - now <= EARLY_FRACTION * this.interval(e, now)) g.early.push(e);
    }
    for (const { group, due, early } of groups.values()) {
      if (due.length === 0) continue;
      const size = Math.max(1, group.maxBatch);
      early.sort((a, b) => a.nextDue - b.nextDue);
      const room = (size - (due.length % size)) % size;
      const batch = [...due, ...early.slice(0, room)];
      for (let i = 0; i < batch.length; i += size) void this.poll(group, batch.slice(i, i + size));
    }
    this.arm();
  }

  private interval(e: Entry, now: number): number {
    return pollDelay(e.opts.schedule ?? DEFAULT_POLL, now - e.startedAt);
  }

  private async poll(group: PollGroup<unknown>, batch: Entry[]): Promise<void> {
    for (const e of batch) e.inFlight = true;
    let answer: Map<string, unknown> | Error;
    try {
      answer = await group.fetch(batch.map((e) => e.opts.id));
    } catch (err) {
      answer = err instanceof Error ? err : new Error(String(err));
    }
    const now = this.clock.now();
    for (const e of batch) {
      e.inFlight = false;
      const value = answer instanceof Error ? answer : answer.get(e.opts.id);
      if (value instanceof Error || value === undefined) {
        e.settle(value ?? new Error(`job ${e.opts.id} is missing from the answer`));
        continue;
      }
      e.value = value;
      try {
        e.opts.onPoll?.(value);
        if (e.opts.isDone(value)) e.settle({ value });
        else if (e.opts.signal?.aborted) e.settle({ value, stoppedBy: "interrupt" });
        else if (now >= e.opts.deadline) e.settle({ value, stoppedBy: "deadline" });
        else e.nextDue = Math.min(now + this.interval(e, now), e.opts.deadline);
      } catch (err) {
        e.settle(err instanceof Error ? err : new Error(String(err)));
      }
    }
    this.arm();
  }
}
