/**
 * The emulated CI media jobs. A job's state is a function of its age (Submitted → Running → Success, or Failed
 * for an input whose name contains `fail`), so nothing runs in the background; a cancel freezes it.
 */
import { createHash, randomBytes } from "node:crypto";
import { XmlNode } from "../../provider/clients/tencent/xml";

export interface CiTimeline {
  /** Age at which a job starts running. */
  runningAfterMs: number;
  /** Age at which a job ends. */
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
  createdAt: number;
  cancelledAt?: number;
}

export type CiJobState = "Submitted" | "Running" | "Success" | "Failed" | "Cancel";

export class CiJobStore {
  private readonly jobs = new Map<string, CiJob>();

  constructor(private readonly timeline: CiTimeline, private readonly now: () => number) {}

  create(fields: Omit<CiJob, "jobId" | "createdAt" | "queueId"> & { queueId?: string }): CiJob {
    const job: CiJob = {
      ...fields, jobId: "j" + randomBytes(16).toString("hex"), createdAt: this.now(),
      queueId: fields.queueId || defaultQueueId(fields.bucket),
    };
    this.jobs.set(job.jobId, job);
    return job;
  }

  get(bucket: string, jobId: string): CiJob | undefined {
    const job = this.jobs.get(jobId);
    return job && job.bucket === bucket ? job : undefined;
  }

  cancel(job: CiJob): void {
    job.cancelledAt = this.now();
  }

  /** Drops a job as if it had aged out of CI's history (tests of refresh). */
  forget(jobId: string): boolean {
    return this.jobs.delete(jobId);
  }

  all(): CiJob[] {
    return [...this.jobs.values()];
  }

  state(job: CiJob): CiJobState {
    if (job.cancelledAt !== undefined) return "Cancel";
    const age = this.now() - job.createdAt;
    if (age < this.timeline.runningAfterMs) return "Submitted";
    if (age < this.timeline.finishedAfterMs) return "Running";
    return job.object.includes("fail") ? "Failed" : "Success";
  }

  startedAt(job: CiJob): number | undefined {
    const at = job.createdAt + this.timeline.runningAfterMs;
    return (job.cancelledAt ?? Infinity) > at && this.now() >= at ? at : undefined;
  }

  endedAt(job: CiJob): number | undefined {
    if (job.cancelledAt !== undefined) return job.cancelledAt;
    const at = job.createdAt + this.timeline.finishedAfterMs;
    return this.now() >= at ? at : undefined;
  }
}

/** Each bucket has one default queue with a stable id, as CI creates when media processing is enabled. */
export function defaultQueueId(bucket: string): string {
  return "p" + createHash("md5").update(bucket).digest("hex");
}
