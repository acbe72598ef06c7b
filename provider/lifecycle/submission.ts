/**
 * Submitting without duplicates. A submission whose answer is lost after it may have reached the cloud (the
 * connection dropped after sending, a timeout, a 5xx, a garbled 200) is never repeated blindly: the request
 * carries a unique marker, the job is looked up by it, and adopted if found. Only when the lookup shows the job
 * does not exist is the same request (same marker) sent again.
 */
import { createHash, randomBytes } from "node:crypto";
import { mayHaveBeenProcessed } from "../http/retry";
import type { EarlierRuns } from "./earlier-runs";
import { IN_PLACE_KNOBS } from "./job-knobs";

/**
 * How far back a lookup after a lost answer searches: the job was created moments ago, but our clock and the cloud's
 * may differ by this much.
 */
export const CLOCK_SLACK_MS = 60_000;

/** Submissions at most; see SubmitOnceOptions.attempts. */
const MAX_SUBMISSIONS = 6;
/** Lookups after each ambiguous failure, and the pause between them (a new job may take a moment to be listed). */
const LOOKUPS_PER_FAILURE = 3;
const LOOKUP_DELAY_MS = 1000;

/**
 * The marker a submission carries in its UserData (when the user left it empty). With the resource's identity
 * (project/stack/Name/name, from its URN: resource/identity.ts) it is the same for every attempt at the same job of
 * the same resource, so a job submitted by an interrupted (or killed) `pulumi up` can be recognised by the next one;
 * a change of inputs or `triggers` gives a new marker. Without an identity (providers driven directly) it is random.
 */
function markerFor(identity: string | undefined, inputs: Record<string, unknown>): string {
  if (!identity) return `mediajobs-${randomBytes(12).toString("hex")}`;
  const job = Object.fromEntries(Object.entries(inputs).filter(([k]) => !IN_PLACE_KNOBS.has(k)));
  return `mediajobs-${createHash("sha256").update(`${identity}\n${canonicalJson(job)}`).digest("hex").slice(0, 24)}`;
}

/**
 * The UserData a submission carries, and whether it can identify this resource's job from an earlier run: only
 * our own marker (identity + every job input, triggers included) can; a user-set UserData is the same across runs
 * whose triggers differ, and without an identity the marker is random.
 */
export function submissionMarker(identity: string | undefined, inputs: Record<string, unknown>,
  userData: string | undefined): { marker: string; adoptable: boolean } {
  if (userData) return { marker: userData, adoptable: false };
  return { marker: markerFor(identity, inputs), adoptable: identity !== undefined && identity !== "" };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface SubmitOnceOptions<T> {
  submit: () => Promise<T>;
  /** The job id of a result: whatever is returned is claimed for this resource. */
  idOf: (job: T) => string;
  /** This process's record of claimed jobs. */
  runs: EarlierRuns;
  /** Looks for a job this resource submitted in an earlier, interrupted run; adopted if found. */
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

/** Submits, or adopts the job an earlier run or a lost answer left; the job returned is claimed for this resource. */
export async function submitOnce<T>(opts: SubmitOnceOptions<T>): Promise<T> {
  const job = await adoptEarlier(opts) ?? await submitWithLookups(opts);
  opts.runs.claim(opts.idOf(job));
  return job;
}

async function adoptEarlier<T>(opts: SubmitOnceOptions<T>): Promise<T | undefined> {
  const earlier = await opts.findInProgress?.();
  if (earlier) {
    opts.log?.("a job of this resource submitted by an earlier, interrupted run was found: adopting it instead of " +
      "submitting again");
  }
  return earlier;
}

/** Submits; after each failure that may hide a created job, looks for it before submitting again. */
async function submitWithLookups<T>(opts: SubmitOnceOptions<T>): Promise<T> {
  const attempts = opts.attempts ?? MAX_SUBMISSIONS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await opts.submit();
    } catch (e) {
      if (!mayHaveBeenProcessed(e) || attempt >= attempts) throw e;
      const found = await lookUp(opts);
      const lost = `the answer to a submission was lost (${(e as Error).message})`;
      if (found) {
        opts.log?.(`${lost}; the job it created was found and adopted instead of submitting again`);
        return found;
      }
      opts.log?.(`${lost} and no job was created: submitting again`);
    }
  }
}

async function lookUp<T>(opts: SubmitOnceOptions<T>): Promise<T | undefined> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let i = 0; i < (opts.lookups ?? LOOKUPS_PER_FAILURE); i++) {
    const found = await opts.find();
    if (found) return found;
    await sleep(opts.lookupDelayMs ?? LOOKUP_DELAY_MS);
  }
  return undefined;
}
