/**
 * The submissions this machine has in flight, kept on disk so that a run killed outright (SIGKILL, a CI runner that
 * dies) leaves them for the next one. CI jobs and batches do not need it: the next run finds them in the cloud by
 * the marker they carry (submission.ts). MPS smart production has no API to list or search jobs, so an
 * IProductionJob would otherwise be submitted again after a crash.
 *
 * One small file per marker under `$PULUMI_HOME/mediajobs/submissions/` (`~/.pulumi` without PULUMI_HOME), written
 * whole and renamed into place: first the intent (before the request is sent), then the job id (from the answer).
 * It is removed once the wait for the job ends, in any way that the engine then records. A file that outlives its
 * run is that run's unfinished business: the next run with the same marker adopts the job, or (an intent without a
 * job id: cut off before the answer) refuses to submit blindly. Only the machine that submitted can know: a run on
 * another machine submits again, as before.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export interface JournalEntry {
  marker: string;
  /** When the submission was about to be sent (epoch ms). */
  at: number;
  /** The job the cloud answered with; absent while the answer is awaited. */
  jobId?: string;
}

/**
 * An entry older than this is no run's business any more, whatever it says (the longest wait is 7 days): it is
 * removed when read, so a file a crash left is not adopted weeks later.
 */
const MAX_AGE_MS = 8 * 24 * 3600_000;

/** Markers are `mediajobs-<hex>` or a user's UserData: the file name is the marker's own characters only. */
const fileNameOf = (marker: string) => `${Buffer.from(marker).toString("base64url")}.json`;

export class SubmissionJournal {
  /** The marker of each job this process journaled or adopted, so its entry can be removed by job id. */
  private readonly markers = new Map<string, string>();

  constructor(readonly dir: string) {}

  /** The journal of this machine's Pulumi home. */
  static ofPulumiHome(env: NodeJS.ProcessEnv = process.env): SubmissionJournal {
    return new SubmissionJournal(join(env.PULUMI_HOME || join(homedir(), ".pulumi"), "mediajobs", "submissions"));
  }

  /** What a run left under this marker, if anything (an entry past its age is removed instead). */
  find(marker: string, now: number = Date.now()): JournalEntry | undefined {
    let entry: JournalEntry;
    try {
      entry = JSON.parse(readFileSync(this.path(marker), "utf8")) as JournalEntry;
    } catch {
      return undefined;
    }
    if (!(now - entry.at < MAX_AGE_MS)) {
      this.forget(marker);
      return undefined;
    }
    if (entry.jobId) this.markers.set(entry.jobId, marker);
    return entry;
  }

  /** Before sending: a submission under this marker may exist from now on. */
  intend(marker: string, at: number): void {
    this.write({ marker, at });
  }

  /** The cloud answered with the job's id. */
  record(marker: string, at: number, jobId: string): void {
    this.write({ marker, at, jobId });
    this.markers.set(jobId, marker);
  }

  /** The marker's entry is no one's unfinished business any more. */
  forget(marker: string): void {
    rmSync(this.path(marker), { force: true });
  }

  /** The wait for a job of this process ended: its entry goes (nothing happens for a job it does not hold). */
  settle(jobId: string): void {
    const marker = this.markers.get(jobId);
    if (marker === undefined) return;
    this.markers.delete(jobId);
    this.forget(marker);
  }

  /** Where the marker's entry is kept (named in error messages). */
  path(marker: string): string {
    return join(this.dir, fileNameOf(marker));
  }

  private write(entry: JournalEntry): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.path(entry.marker)}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    // A rename replaces the entry whole: a reader never sees half a file, even if this process dies now.
    renameSync(tmp, this.path(entry.marker));
  }
}
