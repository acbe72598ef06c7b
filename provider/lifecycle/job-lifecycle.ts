/**
 * The lifecycle every job resource shares (design §3): submit, wait until terminal under our own deadline, record
 * a job still running at the deadline (init-error shape) so the next `up` resumes waiting, refresh by id, and on
 * delete cancel where the cloud allows it, otherwise forget. Each cloud supplies only its operations (a JobSpec),
 * which answer typed values: nothing here reads a vendor document.
 *
 * What the user sees: while a job waits, its state and the time waited are the resource's status line (replaced at
 * every poll, gone when the wait ends); the result is one line that stays.
 */
import type { CheckResult } from "../check/checker";
import { readAsDeclared } from "../check/declared";
import { JobFailedError, JobNotFoundError, NotInitializedError, Service, ValidationError } from "../errors";
import {
  CheckRequest, CreateRequest, defineResource, DeleteRequest, DiffRequest, ImportRequest, Lifecycle, OperationEnv,
  Props, ReadRequest, ResourceDefinition, UpdateRequest, WaitLimit,
} from "../resource/definition";
import { markerIdentityOf } from "../resource/identity";
import { IMPORT_ID_FORMATS } from "../media-pipeline/shape";
import { namesOf, ResourceSpec } from "../schema/declare";
import { Diff, diffJob } from "./diff";
import { waitSettingsOf } from "./job-knobs";
import { PollGroup, WaitResult } from "./poller";
import { locationName, ObjectStores, ResultLocation, StoredObject } from "./stored-objects";

/** The outputs every job resource has. */
export interface JobComputed {
  jobId: string;
  /** The cloud's own spelling. */
  state: string;
  code: string;
  message: string;
}

/** A job as the cloud reported it, and the request that answered (for error messages). */
export interface Reported<C> {
  computed: C;
  requestId?: string;
}

export interface JobSpec<C extends JobComputed> {
  /** The resource's declaration: its name, and the names of its inputs and outputs. */
  declaration: ResourceSpec;
  service: Service;
  /** Inputs the cloud fills in when omitted and echoes under the same output name. */
  defaultedByCloud?: ReadonlySet<string>;
  terminalStates: ReadonlySet<string>;
  successState: string;
  /** The documented constraints; the inputs it returns (numbers and booleans normalised) are used from then on. */
  check(inputs: Props): CheckResult;
  /**
   * Submits the job (never twice: see submission.ts); returns the outputs known right after submission.
   * `identity` (project/stack/Name/name) makes the submission recognisable by a later run; absent, it is not.
   */
  submit(inputs: Props, env: OperationEnv, identity: string | undefined): Promise<C>;
  /** The job as the cloud reports it now; undefined when the cloud no longer knows it. */
  query(inputs: Props, jobId: string, env: OperationEnv): Promise<Reported<C> | undefined>;
  /**
   * Several jobs in one request, for the shared poller; jobs the cloud no longer knows are absent from the map.
   * `batchKey` names the jobs one request can cover (e.g. the bucket); without it, jobs are polled one by one.
   */
  queryMany?: {
    batchKey(inputs: Props): string;
    maxBatch: number;
    query(inputs: Props, jobIds: readonly string[], env: OperationEnv): Promise<Map<string, Reported<C>>>;
  };
  /**
   * Stops a job that has not finished, where the cloud allows it. Returns a log line, or undefined when there was
   * nothing to do. Without it, delete forgets the job.
   */
  cancel?(inputs: Props, current: C, env: OperationEnv): Promise<string | undefined>;
  /** A short description of the job for its lines, e.g. `SmartCover of videos/a.mp4`. */
  summary(inputs: Props): string;
  /** How far a running job has got, for its status line (a batch: the share of objects processed). */
  progress?(current: C): string | undefined;
  /**
   * The objects the job reported writing (for `deleteOutputsOnDestroy`): from `current` (the cloud's report now)
   * or, when the cloud no longer knows the job, from `recorded` (the state).
   */
  outputObjects(inputs: Props, current: C | undefined, recorded: C, env: OperationEnv): Promise<StoredObject[]>;
  /**
   * Where a finished job's result is, read from the state alone (the cloud may have forgotten the job): the objects
   * it recorded writing, or the prefix they were written under; empty when the state does not say.
   */
  recordedResult(inputs: Props, recorded: C): ResultLocation[];
}

export type { ResultLocation, StoredObject } from "./stored-objects";

/** A job resource: its declaration, its dynamic entry, and this lifecycle over its cloud's operations. */
export function jobResource<C extends JobComputed, E extends string>(entry: E, spec: JobSpec<C>):
  ResourceDefinition<E> {
  const cloud = spec.service === "mps" ? "alibaba" : "tencent";
  return defineResource(spec.declaration, entry, new JobLifecycle(spec), () => cloud);
}

/** How often a waiting job's unchanged state is shown again, with the time waited. */
const STATUS_REPEAT_MS = 30_000;

/** "1m 05s", "42s": how long a job has been waited for. */
function elapsed(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
}

export class JobLifecycle<C extends JobComputed> implements Lifecycle {
  private readonly name: string;
  private readonly inputNames: readonly string[];
  private readonly outputNames: readonly string[];

  constructor(private readonly spec: JobSpec<C>) {
    this.name = spec.declaration.name;
    ({ inputs: this.inputNames, outputs: this.outputNames } = namesOf(spec.declaration));
  }

  check({ news }: CheckRequest): CheckResult {
    return this.spec.check(news);
  }

  /**
   * Recorded and new inputs are compared as the declaration reads them (an earlier version may have kept `"1"`
   * where check() now gives 1): only a change of what they mean replaces the job.
   */
  diff({ olds, news }: DiffRequest): Diff {
    const { declaration } = this.spec;
    return diffJob(readAsDeclared(declaration, olds), readAsDeclared(declaration, news),
      { inputNames: this.inputNames, defaultedByCloud: this.spec.defaultedByCloud });
  }

  async create({ inputs, urn, env, limit }: CreateRequest): Promise<{ id: string; outs: Props }> {
    const { spec } = this;
    const started = env.ctx.now();
    const submitted = await spec.submit(inputs, { ...env, log: (line) => env.log(`${this.name}: ${line}`) },
      urn ? markerIdentityOf(urn) : undefined);
    try {
      if (waitSettingsOf(inputs).skipAwait) {
        env.log(`${this.line(inputs, submitted.jobId)}: submitted; not waited for (skipAwait)`);
        return { id: submitted.jobId, outs: { ...inputs, ...submitted } };
      }
      env.status(`${this.line(inputs, submitted.jobId)}: submitted`);
      return { id: submitted.jobId, outs: await this.awaitJob(inputs, submitted, env, started, limit) };
    } finally {
      // However the wait ended, the engine records it now: the job is no run's lost business any more.
      env.ctx.journal.settle(submitted.jobId);
    }
  }

  /**
   * Only the knobs change in place; a job recorded while still running is awaited again. A preview answers the
   * outputs known before anything is sent: those of a job that has ended (or is no longer awaited), the id of one
   * still to be awaited.
   */
  async update({ id, olds, inputs, preview, env, limit }: UpdateRequest): Promise<Props> {
    const settled = this.settledOutcome(id, olds, inputs);
    if (settled) return settled;
    if (preview) return { ...inputs, jobId: id };
    return this.awaitJob(inputs, this.recordedOf(olds, id), env, env.ctx.now(), limit);
  }

  /**
   * Refresh: the job as the cloud reports it. A job the cloud no longer lists (jobs age out of its history) keeps
   * its recorded outputs once it had ended, as long as the objects it recorded writing are still there: its result
   * is those objects, not the cloud's job record. Only when they are gone, or when it had not ended, is the
   * resource removed, so that the next `up` runs the job again.
   */
  async read({ id, props, env }: ReadRequest): Promise<Props | undefined> {
    const current = await this.spec.query(props, id, env);
    if (current) return { ...props, ...current.computed };
    const recorded = this.recordedOf(props, id);
    if (!this.spec.terminalStates.has(recorded.state)) return undefined;
    return (await this.resultKept(id, props, recorded, env)) ? props : undefined;
  }

  /** Whether a finished job the cloud forgot still has its result; one line says what was found. */
  private async resultKept(id: string, props: Props, recorded: C, env: OperationEnv): Promise<boolean> {
    const forgotten = `${this.name} ${id} (${recorded.state}) is no longer listed by the cloud (its job history ` +
      `has expired)`;
    const locations = this.spec.recordedResult(props, recorded);
    if (locations.length === 0) {
      env.log(`${forgotten}: its recorded outputs are kept (the state names no output objects to look for).`);
      return true;
    }
    const { gone } = await new ObjectStores(env).present(locations);
    const counted = `${locations.length} output ${locations.length === 1 ? "location" : "locations"}`;
    if (gone.length === 0) {
      env.log(`${forgotten}: its recorded outputs are kept (${counted}, all still there).`);
      return true;
    }
    env.log(`${forgotten}, and ${gone.length} of its ${counted} ${gone.length === 1 ? "is" : "are"} gone ` +
      `(${gone.map(locationName).join(", ")}): it is removed from the stack, so the next \`pulumi up\` runs it ` +
      `again.`);
    return false;
  }

  async import({ id }: ImportRequest): Promise<undefined> {
    throw new ValidationError(`${this.name} ${id} cannot be imported: a job is submitted by the stack that ` +
      `declares it, and its inputs cannot be read back from the cloud. Declare it in the program to run it; only ` +
      `MediaPipeline can be imported (${IMPORT_ID_FORMATS}).`);
  }

  /**
   * Cancels a job that has not finished where the cloud allows it; otherwise it is forgotten. With
   * `deleteOutputsOnDestroy`, then deletes the objects it reported writing.
   */
  async delete({ id, props, env }: DeleteRequest): Promise<void> {
    const { spec } = this;
    const current = (await spec.query(props, id, env))?.computed;
    if (current && !spec.terminalStates.has(current.state)) {
      if (!spec.cancel) {
        env.log(`${this.name} ${id} is still ${current.state}: the cloud has no API to cancel it, so it is ` +
          `forgotten, not stopped.`);
      } else {
        const line = await spec.cancel(props, current, env);
        if (line) env.log(`${this.name} ${id}: ${line}`);
      }
    }
    if (props.deleteOutputsOnDestroy === true) await this.deleteOutputs(id, props, current, env);
  }

  /**
   * Deletes the objects the job reported writing, one by one (a failure stops the destroy with the resource kept, so
   * running it again finishes the work); objects already gone are skipped. Says what was deleted.
   */
  private async deleteOutputs(id: string, props: Props, current: C | undefined, env: OperationEnv): Promise<void> {
    const objects = await this.spec.outputObjects(props, current, this.recordedOf(props, id), env);
    const { deleted, gone } = await new ObjectStores(env).delete(objects);
    const list = (found: StoredObject[]) => found.map(locationName).join(", ");
    env.log(`${this.name} ${id}: deleteOutputsOnDestroy: ` + (objects.length === 0 ? "the job reported no objects."
      : `deleted ${deleted.length} of ${objects.length} objects${deleted.length ? ` (${list(deleted)})` : ""}` +
        `${gone.length ? `; ${gone.length} already gone (${list(gone)})` : ""}.`));
  }

  /**
   * The outputs an update answers without waiting: the recorded ones of a job that has ended (only the knobs update
   * in place) or that is no longer awaited (skipAwait); undefined otherwise.
   */
  private settledOutcome(id: string, olds: Props, news: Props): Props | undefined {
    const recorded = this.recordedOf(olds, id);
    return this.spec.terminalStates.has(recorded.state) || waitSettingsOf(news).skipAwait ? { ...news, ...recorded }
      : undefined;
  }

  /** Waits until the job ends; answers the outputs of a successful job, throws for any other ending. */
  private async awaitJob(props: Props, job: C, env: OperationEnv, started: number, limit?: WaitLimit):
    Promise<Props> {
    const { seconds, source } = limit ?? { seconds: waitSettingsOf(props).timeoutSeconds, source: "timeoutSeconds" };
    let waited: WaitResult<Reported<C>>;
    try {
      waited = await this.watch(props, job, env, started, seconds);
    } catch (e) {
      throw this.statusLost(props, job, e as Error);
    }
    const outs = this.outcome(props, waited, env, `${seconds}s (${source})`);
    env.log(`${this.line(props, job.jobId)}: ${waited.value.computed.state} after ` +
      `${elapsed(env.ctx.now() - started)}`);
    return outs;
  }

  /** The shared poller's wait for one job; after each poll its state and the time waited are the status line. */
  private watch(props: Props, job: C, env: OperationEnv, started: number, timeoutSeconds: number):
    Promise<WaitResult<Reported<C>>> {
    const { spec } = this;
    let [shown, shownAt] = ["", 0];
    return env.ctx.poller.watch<Reported<C>>({
      group: this.pollGroup(props, job.jobId, env),
      id: job.jobId,
      initial: { computed: job },
      isDone: (d) => spec.terminalStates.has(d.computed.state),
      deadline: env.ctx.now() + timeoutSeconds * 1000,
      schedule: env.poll,
      onPoll: ({ computed }) => {
        // The end is said once, by the line that stays.
        if (spec.terminalStates.has(computed.state)) return;
        const progress = spec.progress?.(computed);
        const news = `${computed.state}${progress ? `, ${progress}` : ""}`;
        const now = env.ctx.now();
        // A new state or progress at once; the same one again only now and then (a non-interactive display prints
        // every status as a line of its own).
        if (news === shown && now - shownAt < STATUS_REPEAT_MS) return;
        [shown, shownAt] = [news, now];
        env.status(`${this.line(props, job.jobId)}: ${news} (${elapsed(now - started)})`);
      },
      signal: env.ctx.interrupts.signal,
    });
  }

  /** How a job's lines name it: its kind, id and what it does. */
  private line(props: Props, jobId: string): string {
    return `${this.name} ${jobId} (${this.spec.summary(props)})`;
  }

  /**
   * How the wait ended: success gives the outputs; a job still running at the deadline or an interrupt is recorded
   * (init-error shape) so the next `up` resumes waiting instead of resubmitting; any other end is a failure.
   */
  private outcome(props: Props, waited: WaitResult<Reported<C>>, env: OperationEnv, limit: string): Props {
    const { computed, requestId } = waited.value;
    const outs = { ...props, ...computed };
    if (waited.stoppedBy) {
      const why = waited.stoppedBy === "deadline" ? `waiting stopped after ${limit}`
        : `waiting was interrupted (${String(env.ctx.interrupts.signal.reason)})`;
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
      `${this.name} ${job.jobId}: its status could not be read: ${cause.message} It is recorded in the stack: ` +
      `the next \`pulumi up\` resumes waiting for the same job.`, cause);
  }

  /**
   * The jobs that one status request can cover with these inputs. Without queryMany each job is its own group:
   * its fetch queries it with its own inputs.
   */
  private pollGroup(props: Props, jobId: string, env: OperationEnv): PollGroup<Reported<C>> {
    const { spec } = this;
    const gone = (id: string) => new JobNotFoundError(spec.service, id);
    const many = spec.queryMany;
    if (!many) {
      return { key: `${this.name}\u0000job\u0000${jobId}`, maxBatch: 1, fetch: async ([id]) => {
        const current = await spec.query(props, id!, env);
        return new Map([[id!, current ?? gone(id!)]]);
      } };
    }
    return { key: `${this.name}\u0000${many.batchKey(props)}`, maxBatch: many.maxBatch, fetch: async (ids) => {
      const found: Map<string, Reported<C> | Error> = await many.query(props, ids, env);
      for (const id of ids) if (!found.has(id)) found.set(id, gone(id));
      return found;
    } };
  }

  /** The cloud's values recorded in the state (outputs hold inputs too). */
  private recordedOf(outs: Props, id: string): C {
    const recorded: Props = { jobId: id };
    for (const name of this.outputNames) if (outs[name] !== undefined) recorded[name] = outs[name];
    return recorded as unknown as C;
  }
}
