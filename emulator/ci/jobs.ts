/**
 * The emulated CI media jobs. A job's state is a function of the time since it started (Submitted → Running →
 * Success, or Failed for an input whose name contains `fail`), so nothing polls in the background. A job submitted
 * to a paused queue is held in `Pause` and starts when the queue resumes; a cancel freezes it. When a job ends, a
 * timer calls the store's `onFinish` (the callbacks).
 */
import { randomBytes } from "node:crypto";
import { XmlNode } from "../../provider/clients/xml";
import { agedOut } from "../history";
import type { MediaOutcome } from "../media/ci-media";

export interface CiTimeline {
  /** Time after start at which a job runs. */
  runningAfterMs: number;
  /** Time after start at which a job ends. */
  finishedAfterMs: number;
}

export const DEFAULT_CI_TIMELINE: CiTimeline = { runningAfterMs: 1000, finishedAfterMs: 3000 };

export interface CiJob {
  jobId: string;
  bucket: string;
  region: string;
  tag: string;
  object: string;
  queueId: string;
  operation: XmlNode;
  /** The whole create request, for callbacks and batch bookkeeping. */
  request: XmlNode;
  createdAt: number;
  /** When its timeline started; undefined while held by a paused queue. */
  startAt?: number;
  cancelledAt?: number;
  /** The batch (inventory trigger) job that made it, if any. */
  inventoryTriggerJobId?: string;
  /** When a describe first answered with the job in a terminal state (detection lag = this − its end). */
  terminalReportedAt?: number;
  /** Real processing (input in the object store): pending until done; the job runs at least until then. */
  processing?: { done: false } | ({ done: true; doneAt: number } & MediaOutcome);
}

export type CiJobState = "Submitted" | "Running" | "Success" | "Failed" | "Cancel" | "Pause";

/** States after which a job never changes. */
export const TERMINAL_STATES: ReadonlySet<string> = new Set<CiJobState>(["Success", "Failed", "Cancel"]);

/** A job's state and times, which follow from its age and the timeline alone. */
export class CiJobClock {
  constructor(readonly timeline: CiTimeline, readonly now: () => number) {}

  state(job: CiJob): CiJobState {
    if (job.cancelledAt !== undefined) return "Cancel";
    if (job.startAt === undefined) return "Pause";
    const age = this.now() - job.startAt;
    if (age < this.timeline.runningAfterMs) return "Submitted";
    if (age < this.timeline.finishedAfterMs || job.processing?.done === false) return "Running";
    if (job.processing) return job.processing.failure ? "Failed" : "Success";
    return job.object.includes("fail") ? "Failed" : "Success";
  }

  startedAt(job: CiJob): number | undefined {
    if (job.startAt === undefined) return undefined;
    const at = job.startAt + this.timeline.runningAfterMs;
    return (job.cancelledAt ?? Infinity) > at && this.now() >= at ? at : undefined;
  }

  endedAt(job: CiJob): number | undefined {
    if (job.cancelledAt !== undefined) return job.cancelledAt;
    if (job.startAt === undefined || job.processing?.done === false) return undefined;
    const at = Math.max(job.startAt + this.timeline.finishedAfterMs, job.processing?.doneAt ?? 0);
    return this.now() >= at ? at : undefined;
  }
}

/** What reading a job's state and times takes: the clock, or the store that holds one. */
export type CiJobTimes = Pick<CiJobClock, "state" | "startedAt" | "endedAt">;

/** What the job store is given: its clock, and what to do when a job starts and when it ends. */
export interface CiJobStoreOptions {
  clock: CiJobClock;
  /** Real work for a job when it starts (undefined: the synthetic result). */
  processor?: (job: CiJob) => Promise<MediaOutcome> | undefined;
  /** Called once when a job reaches Success or Failed (the callbacks). */
  onFinish?: (job: CiJob) => void;
  /** How long an ended job stays in CI's history (ms); default: for ever. */
  historyMs?: number;
}


export class CiJobStore implements CiJobTimes {
  private readonly jobs = new Map<string, CiJob>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Jobs whose end was announced (onFinish), once each. */
  private readonly finished = new Set<string>();
  private readonly clock: CiJobClock;
  private readonly processor: (job: CiJob) => Promise<MediaOutcome> | undefined;
  private readonly onFinish: (job: CiJob) => void;
  private readonly historyMs: number | undefined;

  constructor(options: CiJobStoreOptions) {
    this.clock = options.clock;
    this.historyMs = options.historyMs;
    this.processor = options.processor ?? (() => undefined);
    this.onFinish = options.onFinish ?? (() => {});
  }

  create(fields: Omit<CiJob, "jobId" | "createdAt" | "startAt">, held: boolean): CiJob {
    const job: CiJob = { ...fields, jobId: "j" + randomBytes(16).toString("hex"), createdAt: this.clock.now() };
    this.jobs.set(job.jobId, job);
    if (!held) this.start(job);
    return job;
  }

  /** Starts the jobs a resumed queue held. */
  resumeQueue(queueId: string): void {
    for (const job of this.jobs.values()) {
      if (job.queueId === queueId && job.startAt === undefined && job.cancelledAt === undefined) this.start(job);
    }
  }

  get(bucket: string, jobId: string): CiJob | undefined {
    this.dropAgedOut();
    const job = this.jobs.get(jobId);
    return job && job.bucket === bucket ? job : undefined;
  }

  cancel(job: CiJob): void {
    job.cancelledAt = this.clock.now();
  }

  /** Drops a job as if it had aged out of CI's history (tests of refresh). */
  forget(jobId: string): boolean {
    return this.jobs.delete(jobId);
  }

  all(): CiJob[] {
    this.dropAgedOut();
    return [...this.jobs.values()];
  }

  /** Forgets the jobs that ended longer ago than the history keeps them, as CI's history does. */
  private dropAgedOut(): void {
    if (this.historyMs === undefined) return;
    const now = this.clock.now();
    for (const job of this.jobs.values()) {
      if (agedOut(this.endedAt(job), now, this.historyMs)) this.jobs.delete(job.jobId);
    }
  }

  state(job: CiJob): CiJobState {
    return this.clock.state(job);
  }

  startedAt(job: CiJob): number | undefined {
    return this.clock.startedAt(job);
  }

  endedAt(job: CiJob): number | undefined {
    return this.clock.endedAt(job);
  }

  /** Notes that an answer is reporting the job's state (the first terminal report is kept). */
  reported(job: CiJob): void {
    const state = this.state(job);
    if (job.terminalReportedAt === undefined && TERMINAL_STATES.has(state)) {
      job.terminalReportedAt = this.clock.now();
    }
    // An answer may report the end a few ms before its timer fires: the job's callback is on its way by then.
    if (state === "Success" || state === "Failed") this.finish(job);
  }

  /** Stops the end-of-job timers (the emulator is closing). */
  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private finish(job: CiJob): void {
    if (this.finished.has(job.jobId)) return;
    this.finished.add(job.jobId);
    this.onFinish(job);
  }

  private start(job: CiJob): void {
    job.startAt = this.clock.now();
    const ended = () => {
      const state = this.state(job);
      if ((state === "Success" || state === "Failed") && this.jobs.has(job.jobId)) this.finish(job);
    };
    const working = this.processor(job);
    if (working) {
      job.processing = { done: false };
      void working.then((outcome) => {
        job.processing = { done: true, doneAt: this.clock.now(), ...outcome };
        ended();
      });
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      ended();
    }, this.clock.timeline.finishedAfterMs + 5);
    timer.unref();
    this.timers.add(timer);
  }
}
