/**
 * The lifecycle every job resource shares (design §3): submit, wait until terminal under our own deadline, record
 * a job still running at the deadline (init-error shape) so the next `up` resumes waiting, refresh by id, and on
 * delete cancel where the cloud allows it, otherwise forget. Each cloud supplies only its operations (a JobSpec),
 * which answer typed values: nothing here reads a vendor document.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { CheckResult, validated } from "../check/checker";
import type { ObjectClient } from "../clients/object-api";
import { JobFailedError, JobNotFoundError, NotInitializedError, Service } from "../errors";
import { Diff, diffJob } from "./diff";
import { PollGroup, PollSchedule, WaitResult } from "./poller";
import { ProviderEnv, providerEnv, ProviderOptions } from "./provider-context";
import { waitSettingsOf } from "./job-knobs";

/** The outputs every job resource has. */
export interface JobComputed {
  jobId: string;
  /** The cloud's own spelling. */
  state: string;
  code: string;
  message: string;
}

export interface Described<C> {
  computed: C;
  /** The request that answered, for error messages. */
  requestId?: string;
}

type Props = Record<string, unknown>;

export interface JobSpec<C extends JobComputed> {
  /** Resource name in log lines and errors, e.g. `CiMediaJob`. */
  kind: string;
  service: Service;
  /** Every input name (olds hold outputs too, which diff must not compare). */
  inputNames: readonly string[];
  /** Every computed output name (to carry them over on an in-place update). */
  computedNames: readonly string[];
  /** Inputs the cloud fills in when omitted and echoes under the same output name. */
  defaultedByCloud?: ReadonlySet<string>;
  terminalStates: ReadonlySet<string>;
  successState: string;
  /** The documented constraints; the inputs it returns (numbers and booleans normalised) are used from then on. */
  check(inputs: Props): CheckResult;
  /** Submits the job (never twice: see submission.ts); returns the outputs known right after submission. */
  submit(inputs: Props, env: ProviderEnv): Promise<C>;
  /** The job as the cloud reports it now; undefined when the cloud no longer knows it. */
  describe(inputs: Props, jobId: string, env: ProviderEnv): Promise<Described<C> | undefined>;
  /**
   * Several jobs in one request, for the shared poller; jobs the cloud no longer knows are absent from the map.
   * `batchKey` names the jobs one request can cover (e.g. the bucket); without it, jobs are polled one by one.
   */
  describeMany?: {
    batchKey(inputs: Props): string;
    maxBatch: number;
    describe(inputs: Props, jobIds: readonly string[], env: ProviderEnv): Promise<Map<string, Described<C>>>;
  };
  /**
   * Stops a job that has not finished, where the cloud allows it. Returns a log line, or undefined when there was
   * nothing to do. Without it, delete forgets the job.
   */
  cancel?(inputs: Props, current: C, env: ProviderEnv): Promise<string | undefined>;
  /** A short description for the "submitted" log line. */
  summary(inputs: Props): string;
  /**
   * The objects the job reported writing (for `deleteOutputsOnDestroy`): from `current` (the cloud's report now)
   * or, when the cloud no longer knows the job, from `recorded` (the state).
   */
  outputObjects(inputs: Props, current: C | undefined, recorded: C, env: ProviderEnv): Promise<StoredObject[]>;
}

/** An object a job wrote, in the object store of its cloud. */
export interface StoredObject {
  service: "cos" | "oss";
  bucket: string;
  region: string;
  key: string;
}

export interface JobProviderOptions extends ProviderOptions {
  /** Poll schedule while waiting (tests shorten it). */
  poll?: PollSchedule;
}

/**
 * How long one create or update waits, when something other than the resource's `timeoutSeconds` says so: the
 * plugin passes the program's `customTimeouts`.
 */
export interface WaitLimit {
  seconds: number;
  /** What set it, for the message when the wait stops, e.g. `customTimeouts.create`. */
  source: string;
}

/** A job resource's dynamic provider over its spec; engine calls are counted in flight for interrupts. */
export function createJobProvider<C extends JobComputed>(spec: JobSpec<C>, options: JobProviderOptions = {}):
  dynamic.ResourceProvider {
  const job = new JobLifecycle(spec, options);
  return job.env.ctx.interrupts.track({
    configure: async (req: dynamic.ConfigureRequest) => job.env.ctx.configure(req),
    check: async (_olds: Props, news: Props) => job.check(news),
    diff: async (_id: string, olds: Props, news: Props) => job.diff(olds, news),
    create: (props: Props) => job.create(props),
    update: (id: string, olds: Props, news: Props) => job.update(id, olds, news),
    read: (id: string, props: Props) => job.read(id, props),
    delete: (id: string, props: Props) => job.delete(id, props),
  });
}

export class JobLifecycle<C extends JobComputed> {
  readonly env: ProviderEnv;

  constructor(private readonly spec: JobSpec<C>, private readonly options: JobProviderOptions = {}) {
    this.env = providerEnv(options);
  }

  check(news: Props): CheckResult {
    return this.spec.check(news);
  }

  diff(olds: Props, news: Props): Diff {
    return diffJob(olds, news, { inputNames: this.spec.inputNames, defaultedByCloud: this.spec.defaultedByCloud });
  }

  async create(given: Props, limit?: WaitLimit): Promise<dynamic.CreateResult> {
    const { spec, env } = this;
    const props = validated(spec.kind, spec.check, given);
    const submitted = await spec.submit(props, { ...env, log: (line) => env.log(`${spec.kind}: ${line}`) });
    env.log(`${spec.kind} ${submitted.jobId}: submitted (${spec.summary(props)})`);
    if (waitSettingsOf(props).skipAwait) return { id: submitted.jobId, outs: { ...props, ...submitted } };
    return { id: submitted.jobId, outs: await this.awaitJob(props, submitted, limit) };
  }

  /** Only the waiting knobs change in place; a job recorded while still running is awaited again. */
  async update(id: string, olds: Props, given: Props, limit?: WaitLimit): Promise<dynamic.UpdateResult> {
    const news = validated(this.spec.kind, this.spec.check, given);
    return { outs: this.settledOutcome(id, olds, news) ?? await this.awaitJob(news, this.computedOf(olds, id), limit) };
  }

  /** Refresh: the job as the cloud reports it; gone (jobs age out of the cloud's history) removes the resource. */
  async read(id: string, props: Props): Promise<dynamic.ReadResult> {
    const current = await this.spec.describe(props, id, this.env);
    if (!current) return { id: "", props: {} };
    return { id, props: { ...props, ...current.computed } };
  }

  /**
   * Cancels a job that has not finished where the cloud allows it; otherwise it is forgotten. With
   * `deleteOutputsOnDestroy`, then deletes the objects it reported writing.
   */
  async delete(id: string, props: Props): Promise<void> {
    const { spec, env } = this;
    const current = (await spec.describe(props, id, env))?.computed;
    if (current && !spec.terminalStates.has(current.state)) {
      if (!spec.cancel) {
        env.log(`${spec.kind} ${id} is still ${current.state}: the cloud has no API to cancel it, so it is ` +
          `forgotten, not stopped.`);
      } else {
        const line = await spec.cancel(props, current, env);
        if (line) env.log(`${spec.kind} ${id}: ${line}`);
      }
    }
    if (props.deleteOutputsOnDestroy === true) await this.deleteOutputs(id, props, current);
  }

  /**
   * Deletes the objects the job reported writing, one by one (a failure stops the destroy with the resource kept, so
   * running it again finishes the work); objects already gone are skipped. Says what was deleted.
   */
  private async deleteOutputs(id: string, props: Props, current: C | undefined): Promise<void> {
    const { spec, env } = this;
    const objects = await spec.outputObjects(props, current, this.computedOf(props, id), env);
    const deleted: string[] = [];
    const gone: string[] = [];
    // One client per bucket (a batch's outputs are usually all in one).
    const clients = new Map<string, ObjectClient>();
    for (const o of objects) {
      const bucketKey = `${o.service}://${o.bucket}@${o.region}`;
      let client = clients.get(bucketKey);
      if (!client) {
        client = o.service === "cos" ? env.ctx.cosObjects(o.bucket, o.region) : env.ctx.ossObjects(o.bucket, o.region);
        clients.set(bucketKey, client);
      }
      const name = `${o.service}://${o.bucket}/${o.key}`;
      ((await client.delete(o.key)) ? deleted : gone).push(name);
    }
    const list = (names: string[]) => names.join(", ");
    env.log(`${spec.kind} ${id}: deleteOutputsOnDestroy: ` + (objects.length === 0 ? "the job reported no objects."
      : `deleted ${deleted.length} of ${objects.length} objects${deleted.length ? ` (${list(deleted)})` : ""}` +
        `${gone.length ? `; ${gone.length} already gone (${list(gone)})` : ""}.`));
  }

  /**
   * The outputs an update answers without waiting, so a preview can show them: the recorded ones of a job that has
   * ended (only the waiting knobs update in place) or that is no longer awaited (skipAwait); undefined otherwise.
   */
  settledOutcome(id: string, olds: Props, news: Props): Props | undefined {
    const recorded = this.computedOf(olds, id);
    return this.spec.terminalStates.has(recorded.state) || waitSettingsOf(news).skipAwait ? { ...news, ...recorded }
      : undefined;
  }

  /** Waits until the job ends; answers the outputs of a successful job, throws for any other ending. */
  private async awaitJob(props: Props, job: C, limit?: WaitLimit): Promise<Props> {
    const { seconds, source } = limit ?? { seconds: waitSettingsOf(props).timeoutSeconds, source: "timeoutSeconds" };
    let waited: WaitResult<Described<C>>;
    try {
      waited = await this.watch(props, job, seconds);
    } catch (e) {
      throw this.statusLost(props, job, e as Error);
    }
    return this.outcome(props, waited, `${seconds}s (${source})`);
  }

  /** The shared poller's wait for one job, with progress lines on every change of state. */
  private watch(props: Props, job: C, timeoutSeconds: number): Promise<WaitResult<Described<C>>> {
    const { spec, env } = this;
    let lastState = job.state;
    return env.ctx.poller.watch<Described<C>>({
      group: this.pollGroup(props, job.jobId),
      id: job.jobId,
      initial: { computed: job },
      isDone: (d) => spec.terminalStates.has(d.computed.state),
      deadline: env.ctx.now() + timeoutSeconds * 1000,
      schedule: this.options.poll,
      onPoll: ({ computed }) => {
        if (computed.state !== lastState) env.log(`${spec.kind} ${computed.jobId}: ${lastState} → ${computed.state}`);
        lastState = computed.state;
      },
      signal: env.ctx.interrupts.signal,
    });
  }

  /**
   * How the wait ended: success gives the outputs; a job still running at the deadline or an interrupt is recorded
   * (init-error shape) so the next `up` resumes waiting instead of resubmitting; any other end is a failure.
   */
  private outcome(props: Props, waited: WaitResult<Described<C>>, limit: string): Props {
    const { computed, requestId } = waited.value;
    const outs = { ...props, ...computed };
    if (waited.stoppedBy) {
      const why = waited.stoppedBy === "deadline" ? `waiting stopped after ${limit}`
        : `waiting was interrupted (${String(this.env.ctx.interrupts.signal.reason)})`;
      throw new NotInitializedError(computed.jobId, outs, waited.stoppedBy,
        `Job ${computed.jobId} is still ${computed.state}: ${why}. It is recorded in the stack: the next ` +
        `\`pulumi up\` resumes waiting for the same job, and \`pulumi destroy\` cancels it if it has not started ` +
        `running.`);
    }
    if (computed.state !== this.spec.successState) {
      throw new JobFailedError(computed.jobId, computed.state, computed.code, computed.message, requestId);
    }
    return outs;
  }

  /** The status query failed for good (its retries spent): the job is kept so the next `up` resumes waiting. */
  private statusLost(props: Props, job: C, cause: Error): NotInitializedError {
    return new NotInitializedError(job.jobId, { ...props, ...job }, "error",
      `${this.spec.kind} ${job.jobId}: its status could not be read: ${cause.message} It is recorded in the stack: ` +
      `the next \`pulumi up\` resumes waiting for the same job.`, cause);
  }

  /**
   * The jobs that one status request can cover with these inputs. Without describeMany each job is its own group:
   * its fetch describes it with its own inputs.
   */
  private pollGroup(props: Props, jobId: string): PollGroup<Described<C>> {
    const { spec, env } = this;
    const gone = (id: string) => new JobNotFoundError(spec.service, id);
    const many = spec.describeMany;
    if (!many) {
      return { key: `${spec.kind}\u0000job\u0000${jobId}`, maxBatch: 1, fetch: async ([id]) => {
        const current = await spec.describe(props, id!, env);
        return new Map([[id!, current ?? gone(id!)]]);
      } };
    }
    return { key: `${spec.kind}\u0000${many.batchKey(props)}`, maxBatch: many.maxBatch, fetch: async (ids) => {
      const found: Map<string, Described<C> | Error> = await many.describe(props, ids, env);
      for (const id of ids) if (!found.has(id)) found.set(id, gone(id));
      return found;
    } };
  }

  /** The cloud's values recorded in the state (outputs hold inputs too). */
  private computedOf(outs: Props, id: string): C {
    const computed: Props = { jobId: id };
    for (const name of this.spec.computedNames) if (outs[name] !== undefined) computed[name] = outs[name];
    return computed as unknown as C;
  }
}
