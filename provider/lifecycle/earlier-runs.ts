/**
 * Telling this run's jobs from an earlier, interrupted run's. When `pulumi up` itself is killed, the engine never
 * hears of the jobs it had submitted; the next run finds them by the marker they carry (submission.ts) and adopts
 * them. A job can be an earlier run's only if it was created before this provider process started, and no resource
 * of this process has claimed it: a sibling's job submitted moments ago is never mistaken for one.
 */

/** CI times have one-second resolution; our own submissions are claimed, so the margin only covers clock skew. */
const SKEW_MARGIN_MS = 2_000;

/**
 * A job of an earlier run that ended this long before this process started is still its unfinished business: a
 * large `up` reaches some resources only after their jobs have ended.
 */
const RECENTLY_ENDED_MS = 120_000;

export class EarlierRuns {
  private readonly claimed = new Set<string>();
  private readonly listings = new Map<string, Promise<unknown>>();

  constructor(
    /** When this provider process started (epoch ms). */
    readonly startedAt: number,
    private readonly skewMarginMs = SKEW_MARGIN_MS,
  ) {}

  /** Jobs created before this instant can be from an earlier run; later ones are this run's. */
  get cutoff(): number {
    return this.startedAt - this.skewMarginMs;
  }

  /** Marks a job as belonging to a resource of this run. */
  claim(jobId: string): void {
    this.claimed.add(jobId);
  }

  /** Whether a job (created at `createdAt`, epoch ms) may be adopted as one submitted by an earlier run. */
  fromEarlierRun(jobId: string, createdAt: number): boolean {
    return !this.claimed.has(jobId) && Number.isFinite(createdAt) && createdAt < this.cutoff;
  }

  /**
   * Whether a job from an earlier run is still that run's unfinished business: in progress, or ended after this
   * process started (or just before). A job that ended long before is not adopted: `--replace` or destroy-then-up
   * must be able to run a job again.
   */
  stillUnfinished(terminal: boolean, endedAt: number): boolean {
    return !terminal || (Number.isFinite(endedAt) && endedAt >= this.startedAt - RECENTLY_ENDED_MS);
  }

  /**
   * The listing of the jobs an earlier run can have left under `key` (e.g. one bucket, tag and queue), made once per
   * process and shared by every resource: a stack of hundreds of jobs costs one request here, not one per job. A
   * failed listing is not kept: the next resource tries again.
   */
  listOnce<T>(key: string, list: () => Promise<T>): Promise<T> {
    let listed = this.listings.get(key) as Promise<T> | undefined;
    if (!listed) {
      listed = list();
      this.listings.set(key, listed);
      listed.catch(() => this.listings.delete(key));
    }
    return listed;
  }
}
