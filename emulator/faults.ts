/**
 * Fault injection for the emulator: throttling, 5xx, connection resets, latency spikes, and submissions that are
 * accepted but whose answer is dropped. Decisions come from a seeded generator, so a run can be repeated.
 * Throttling, 5xx and resets happen before the request is processed; a lost answer happens after.
 */

export interface FaultRates {
  /** Fraction of requests answered as throttled (CI: 503 SlowDown; MPS: 400 Throttling.User). */
  throttle?: number;
  /** Fraction answered with a server error (500 InternalError). */
  serverError?: number;
  /** Fraction whose connection is reset before any answer (not processed). */
  reset?: number;
  /** Fraction of submissions processed whose answer is then lost (connection dropped). */
  lostAnswer?: number;
  /** Fraction of requests delayed by `latencyMs` first. */
  latency?: number;
  latencyMs?: number;
  /** Seed of the generator (default 1). */
  seed?: number;
}

export interface FaultCounts {
  requests: number;
  throttled: number;
  serverErrors: number;
  resets: number;
  lostAnswers: number;
  delayed: number;
}

export type Fault = "throttle" | "serverError" | "reset" | undefined;

/** One scripted outcome for an upcoming request (`ok` = no fault). */
export type ScriptedFault = "throttle" | "serverError" | "reset" | "lostAnswer" | "ok";

export class FaultInjector {
  private rates: FaultRates = {};
  private random: () => number = mulberry32(1);
  private scripted: ScriptedFault[] = [];
  /** Set when the scripted outcome of the request being handled is a lost answer. */
  private loseCurrent = false;
  readonly counts: FaultCounts = { requests: 0, throttled: 0, serverErrors: 0, resets: 0, lostAnswers: 0, delayed: 0 };

  /** `rates`: the faults to inject from the start (none by default). */
  constructor(rates: FaultRates = {}) {
    this.set(rates);
  }

  set(rates: FaultRates): void {
    this.rates = rates;
    this.random = mulberry32(rates.seed ?? 1);
  }

  /** Outcomes for the next requests, in order, before the random rates apply again. */
  script(faults: ScriptedFault[]): void {
    this.scripted.push(...faults);
  }

  /** A fault to answer with before processing, if any. */
  before(): Fault {
    this.counts.requests++;
    this.loseCurrent = false;
    const next = this.scripted.shift();
    if (next !== undefined) {
      if (next === "lostAnswer") this.loseCurrent = true;
      if (next === "throttle") return this.count("throttled", "throttle");
      if (next === "serverError") return this.count("serverErrors", "serverError");
      if (next === "reset") return this.count("resets", "reset");
      return undefined;
    }
    const r = this.random();
    const { throttle = 0, serverError = 0, reset = 0 } = this.rates;
    if (r < throttle) return this.count("throttled", "throttle");
    if (r < throttle + serverError) return this.count("serverErrors", "serverError");
    if (r < throttle + serverError + reset) return this.count("resets", "reset");
    return undefined;
  }

  /** Milliseconds to wait before answering. */
  delay(): number {
    if (!this.rates.latency || this.random() >= this.rates.latency) return 0;
    this.counts.delayed++;
    return this.rates.latencyMs ?? 2000;
  }

  /** Whether a processed submission's answer is dropped. */
  loseAnswer(): boolean {
    if (this.loseCurrent) {
      this.loseCurrent = false;
      this.counts.lostAnswers++;
      return true;
    }
    if (!this.rates.lostAnswer || this.random() >= this.rates.lostAnswer) return false;
    this.counts.lostAnswers++;
    return true;
  }

  private count(key: keyof FaultCounts, fault: Fault): Fault {
    this.counts[key]++;
    return fault;
  }
}

/** A small seeded PRNG (uniform in [0, 1)). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
