/**
 * Submitting without duplicates. A submission whose answer is lost after it may have reached the cloud (the
 * connection dropped after sending, a timeout, a 5xx, a garbled 200) is never repeated blindly: the request
 * carries a unique marker, the job is looked up by it, and adopted if found. Only when the lookup shows the job
 * does not exist is the same request (same marker) sent again.
 */
import { createHash, randomBytes } from "node:crypto";
import { WAIT_KNOBS } from "./wait-knobs";
import { CloudApiError } from "../errors";
import { TransportError } from "../http/transport";

/**
 * The marker a submission carries in its UserData (when the user left it empty). With the resource's identity
 * (project/stack/type/name, passed by the SDK as `__identity`) it is the same for every attempt at the same job
 * of the same resource, so a job submitted by an interrupted `pulumi up` can be recognised by the next one; a
 * change of inputs or `triggers` gives a new marker. Without an identity (providers driven directly) it is random.
 */
function markerFor(props: Record<string, unknown>): string {
  const identity = props.__identity;
  if (typeof identity !== "string" || !identity) return `mediajobs-${randomBytes(12).toString("hex")}`;
  const job = Object.fromEntries(Object.entries(props)
    .filter(([k]) => !WAIT_KNOBS.has(k) && k !== "__provider" && k !== "__identity"));
  return `mediajobs-${createHash("sha256").update(`${identity}\n${canonicalJson(job)}`).digest("hex").slice(0, 24)}`;
}

/**
 * Jobs adopted or submitted by this process: each belongs to one resource. Jobs "from an earlier run" are those
 * created before this process started (less a margin for clock skew), so a sibling's job submitted moments ago is
 * never mistaken for one.
 */
const claimed = new Set<string>();
const PROCESS_STARTED = Date.now();
// CI times have one-second resolution; our own submissions are claimed, so the margin only covers clock skew.
const SKEW_MARGIN_MS = 2_000;
const RECENTLY_ENDED_MS = 120_000;

/** Jobs created before this (less the skew margin) can be from an earlier run; later ones are this run's. */
export const EARLIER_RUN_CUTOFF = PROCESS_STARTED - SKEW_MARGIN_MS;

/** Whether a job (created at `createdAt`, epoch ms) may be adopted as one submitted by an earlier run. */
export function fromEarlierRun(jobId: string, createdAt: number): boolean {
  return !claimed.has(jobId) && Number.isFinite(createdAt) && createdAt < EARLIER_RUN_CUTOFF;
}

/**
 * Whether a job from an earlier run is still that run's unfinished business: in progress, or finished after this
 * process started (or just before: a large `up` reaches some resources only after their jobs have ended). A job
 * that ended long before is not adopted: `--replace` or destroy-then-up must be able to run a job again.
 */
export function stillOurs(terminal: boolean, endedAt: number): boolean {
  return !terminal || (Number.isFinite(endedAt) && endedAt >= PROCESS_STARTED - RECENTLY_ENDED_MS);
}

/** Marks a job as belonging to the resource being created. */
function claim(jobId: string): void {
  claimed.add(jobId);
}

/**
 * The UserData a submission carries, and whether it can identify this resource's job from an earlier run: only
 * our own marker (identity + every job input, triggers included) can; a user-set UserData is the same across runs
 * whose triggers differ, and without an identity (providers driven directly) the marker is random.
 */
export function submissionMarker(props: Record<string, unknown>, userData: string | undefined):
  { marker: string; adoptable: boolean } {
  if (userData) return { marker: userData, adoptable: false };
  const adoptable = typeof props.__identity === "string" && props.__identity !== "";
  return { marker: markerFor(props), adoptable };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether a failed submission may nonetheless have been processed by the cloud. */
export function isAmbiguous(error: unknown): boolean {
  if (error instanceof TransportError) return error.sent;
  if (error instanceof CloudApiError) return error.status >= 500 || error.vendorCode === "InvalidResponse";
  return false;
}

export interface SubmitOnceOptions<T> {
  submit: () => Promise<T>;
  /** The job id of a result: whatever is returned is claimed for this resource. */
  idOf: (job: T) => string;
  /** Looks for a job this resource submitted in an earlier, interrupted run (see stillOurs); adopted if found. */
  findInProgress?: () => Promise<T | undefined>;
  /** Looks the submission up (by its marker); undefined when the cloud has no such job. */
  find: () => Promise<T | undefined>;
  /**
   * Submissions at most (default 6). Each resubmission follows a lookup that found no job, so it is safe; under
   * heavy faults (5 % 5xx, 2 % resets, 2 % lost answers) three ambiguous failures in a row happen about once in
   * 1,400 jobs, six about once in two million.
   */
  attempts?: number;
  /** Lookups after an ambiguous failure, and the pause between them (a new job may take a moment to be listed). */
  lookups?: number;
  lookupDelayMs?: number;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export async function submitOnce<T>(opts: SubmitOnceOptions<T>): Promise<T> {
  const job = await submitOrAdopt(opts);
  claim(opts.idOf(job));
  return job;
}

async function submitOrAdopt<T>(opts: SubmitOnceOptions<T>): Promise<T> {
  const earlier = await opts.findInProgress?.();
  if (earlier) {
    opts.log?.("a job of this resource submitted by an earlier, interrupted run was found: adopting it instead of " +
      "submitting again");
    return earlier;
  }
  const attempts = opts.attempts ?? 6;
  const lookups = opts.lookups ?? 3;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await opts.submit();
    } catch (e) {
      if (!isAmbiguous(e) || attempt >= attempts) throw e;
      for (let i = 0; i < lookups; i++) {
        const found = await opts.find();
        if (found) {
          opts.log?.(`the answer to a submission was lost (${(e as Error).message}); the job it created was found ` +
            `and adopted instead of submitting again`);
          return found;
        }
        await sleep(opts.lookupDelayMs ?? 1000);
      }
      opts.log?.(`the answer to a submission was lost (${(e as Error).message}) and no job was created: submitting again`);
    }
  }
}
