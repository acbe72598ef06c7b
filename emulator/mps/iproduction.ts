/**
 * Emulated smart-production jobs: Queuing → Analysing → Success, or Fail for an input containing `fail`. The
 * state follows the job's age. `Result` is a JSON string whose `Data` is another JSON string, as MPS answers,
 * with the documented per-algorithm shapes.
 */
import { createHash, randomBytes } from "node:crypto";
import type { MpsOutcome } from "../media/mps-media";
import { agedOut } from "../history";
import { entryOf } from "../table";

/** The region's default pipeline, which MPS uses when a submission names none (stable per region). */
function defaultPipelineId(region: string): string {
  return createHash("md5").update(`default-pipeline:${region}`).digest("hex");
}

export interface MpsTimeline {
  analysingAfterMs: number;
  finishedAfterMs: number;
}

export const DEFAULT_MPS_TIMELINE: MpsTimeline = { analysingAfterMs: 1000, finishedAfterMs: 3000 };

export interface IProductionJob {
  jobId: string;
  region: string;
  params: Record<string, string>;
  createdAt: number;
  /** Real processing (input in the object store): pending until done; the job analyses at least until then. */
  processing?: { done: false } | ({ done: true; doneAt: number } & MpsOutcome);
}

/** What the job store is given: its timeline and clock, and the real work for a job. */
export interface IProductionJobStoreOptions {
  timeline: MpsTimeline;
  now: () => number;
  /** Real work for a job (undefined: the synthetic result). */
  processor?: (job: IProductionJob) => Promise<MpsOutcome> | undefined;
  /** How long an ended job stays in MPS's history (ms); default: for ever. */
  historyMs?: number;
}

export class IProductionJobStore {
  private readonly jobs = new Map<string, IProductionJob>();
  private readonly timeline: MpsTimeline;
  private readonly now: () => number;
  private readonly processor: (job: IProductionJob) => Promise<MpsOutcome> | undefined;
  private readonly historyMs: number | undefined;

  constructor(options: IProductionJobStoreOptions) {
    this.timeline = options.timeline;
    this.historyMs = options.historyMs;
    this.now = options.now;
    this.processor = options.processor ?? (() => undefined);
  }

  create(region: string, params: Record<string, string>): IProductionJob {
    const job: IProductionJob = { jobId: randomBytes(16).toString("hex"), region,
      params: { ...params, PipelineId: params.PipelineId || defaultPipelineId(region) }, createdAt: this.now() };
    this.jobs.set(job.jobId, job);
    const working = this.processor(job);
    if (working) {
      job.processing = { done: false };
      void working.then((outcome) => { job.processing = { done: true, doneAt: this.now(), ...outcome }; });
    }
    return job;
  }

  get(jobId: string): IProductionJob | undefined {
    this.dropAgedOut();
    return this.jobs.get(jobId);
  }

  all(): IProductionJob[] {
    this.dropAgedOut();
    return [...this.jobs.values()];
  }

  /** When the job ended (epoch ms); undefined while it runs. */
  endedAt(job: IProductionJob): number | undefined {
    const state = this.state(job);
    if (state !== "Success" && state !== "Fail") return undefined;
    return Math.max(job.createdAt + this.timeline.finishedAfterMs, job.processing?.done ? job.processing.doneAt : 0);
  }

  /** Forgets the jobs that ended longer ago than the history keeps them. */
  private dropAgedOut(): void {
    const now = this.now();
    for (const job of this.jobs.values()) {
      if (agedOut(this.endedAt(job), now, this.historyMs)) this.jobs.delete(job.jobId);
    }
  }

  state(job: IProductionJob): string {
    const age = this.now() - job.createdAt;
    if (age < this.timeline.analysingAfterMs) return "Queuing";
    if (age < this.timeline.finishedAfterMs || job.processing?.done === false) return "Analysing";
    if (job.processing) return job.processing.failure ? "Fail" : "Success";
    return (job.params.Input ?? "").includes("fail") ? "Fail" : "Success";
  }

  /** The QueryIProductionJob answer (without RequestId). */
  describe(job: IProductionJob): Record<string, string> {
    const state = this.state(job);
    const p = job.params;
    return {
      JobId: job.jobId, FunctionName: p.FunctionName ?? "", Input: p.Input ?? "", Output: p.Output ?? "",
      JobParams: p.JobParams ?? "", PipelineId: p.PipelineId ?? "", UserData: p.UserData ?? "", State: state,
      Result: state === "Success" ? successResult(job) : state === "Fail" ? failResult(job) : "",
    };
  }
}

function failResult(job: IProductionJob): string {
  const real = job.processing?.done ? job.processing.failure : undefined;
  return JSON.stringify(real ? { Code: real.code, Message: real.message } : { Code: "InvalidParameter.ResourceContentBad",
    Message: "The input media cannot be decoded: the file is damaged or not in a supported format." });
}

function successResult(job: IProductionJob): string {
  const real = job.processing?.done ? job.processing.data : undefined;
  const data = real !== undefined ? real : (entryOf(SYNTHETIC_DATA, job.params.FunctionName ?? "") ?? fileResult)(job);
  return JSON.stringify({ Code: "0", Message: "success", Data: JSON.stringify(data) });
}

/** The synthetic `Data` of the algorithms whose result has its own shape, by FunctionName. */
const SYNTHETIC_DATA: Readonly<Record<string, (job: IProductionJob) => unknown>> = {
  // Cover answers a list of scored frames with full URLs.
  Cover: (job) => outputNames(job, 3)
    .map((n, i) => ({ Score: (0.98 - i * 0.07).toFixed(2), Time: String(1.5 + i * 4), Url: n.url })),
  MusicSegmentDetect: () =>
    ({ result: [{ start: "0.0", end: "14.8", title: "intro" }, { start: "14.8", end: "52.3", title: "chorus" }] }),
  CaptionExtraction: (job) => ({ result: [{ file: outputNames(job, 1)[0]!.key, type: "srt", language: "zh" }] }),
};

/** Most file-producing algorithms (ImageCartoonize, VideoH2V, …): `result[].file` as object keys. */
function fileResult(job: IProductionJob): unknown {
  return { result: outputNames(job, 1).map((n) => ({ file: n.key })) };
}

function outputNames(job: IProductionJob, count: number): { url: string; key: string }[] {
  return Array.from({ length: count }, (_, i) => expand(job, i));
}

/** Expands `{source}`, `{timestamp}`, `{sequenceId}`, `{resultType}` in the Output URL. */
export function expand(job: IProductionJob, sequence: number, resultType = "result"): { url: string; key: string } {
  const output = job.params.Output ?? "";
  const input = job.params.Input ?? "";
  const source = (input.split("/").pop() ?? "").replace(/\.[^.]*$/, "");
  const url = output
    .replace(/\{source\}/g, source)
    .replace(/\{timestamp\}/g, String(Math.floor(job.createdAt / 1000)))
    .replace(/\{sequenceId\}/g, String(sequence))
    .replace(/\{resultType\}/g, resultType);
  const key = url.replace(/^oss:\/\/[^/]+\//, "");
  return { url, key };
}
