/**
 * The lifecycle every job resource shares (design §3): submit, wait until terminal under our own deadline, record
 * a job still running at the deadline (init-error shape) so the next `up` resumes waiting, refresh by id, and on
 * delete cancel where the cloud allows it, otherwise forget. Each cloud supplies only its wire operations.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { CloudApiError, JobFailedError, WaitTimeoutError } from "../errors";
import { interruptSignal, tracked } from "./interrupt";
import { diffJob } from "./diff";
import { ConfigSource, useStackConfig } from "../config/settings";
import { CheckResult } from "../check/checker";
import { PollGroup, PollSchedule, sharedPoller, StatusPoller } from "./poller";

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
  service: "ci" | "mps";
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
  submit(inputs: Props, log: (line: string) => void): Promise<C>;
  /** The job as the cloud reports it now; undefined when the cloud no longer knows it. */
  describe(inputs: Props, jobId: string): Promise<Described<C> | undefined>;
  /**
   * Several jobs in one request, for the shared poller; jobs the cloud no longer knows are absent from the map.
   * `batchKey` names the jobs one request can cover (e.g. the bucket); without it, jobs are polled one by one.
   */
  describeMany?: {
    batchKey(inputs: Props): string;
    maxBatch: number;
    describe(inputs: Props, jobIds: readonly string[]): Promise<Map<string, Described<C>>>;
  };
  /**
   * Stops a job that has not finished, where the cloud allows it. Returns a log line, or undefined when there was
   * nothing to do. Without it, delete forgets the job.
   */
  cancel?(inputs: Props, current: C): Promise<string | undefined>;
  /** A short description for the "submitted" log line. */
  summary(inputs: Props): string;
}

export interface JobProviderOptions {
  /** Poll schedule while waiting (tests shorten it). */
  poll?: PollSchedule;
  /** Default: the process's shared poller, which batches the status queries of every job resource. */
  poller?: StatusPoller;
  /** Progress lines; defaults to console.log, which the engine shows as info diagnostics. */
  log?: (line: string) => void;
  /** Stops waits early (default: the first SIGINT/SIGTERM of this process). */
  signal?: AbortSignal;
}

/** Default wait limit; pulumi-kubernetes waits 10 minutes for a Job, media jobs often take longer. */
export const DEFAULT_TIMEOUT_SECONDS = 1800;

export function createJobProvider<C extends JobComputed>(spec: JobSpec<C>, options: JobProviderOptions = {}):
  dynamic.ResourceProvider {
  const log = options.log ?? ((line: string) => console.log(line));
  const poller = options.poller ?? sharedPoller();

  function notFound(jobId: string): CloudApiError {
    return new CloudApiError({ service: spec.service, action: `Describe ${spec.kind}`, status: 200,
      vendorCode: "JobNotFound", vendorMessage: `job ${jobId} is no longer known to the cloud`, retryable: false });
  }

  /**
   * The jobs that one status request can cover with these inputs. Without describeMany each job is its own group:
   * its fetch describes it with its own inputs.
   */
  function pollGroup(props: Props, jobId: string): PollGroup<Described<C>> {
    const many = spec.describeMany;
    if (!many) {
      return { key: `${spec.kind}\u0000job\u0000${jobId}`, maxBatch: 1, fetch: async ([id]) => {
        const current = await spec.describe(props, id);
        return new Map([[id, current ?? notFound(id)]]);
      } };
    }
    return { key: `${spec.kind}\u0000${many.batchKey(props)}`, maxBatch: many.maxBatch, fetch: async (ids) => {
      const found: Map<string, Described<C> | Error> = await many.describe(props, ids);
      for (const id of ids) if (!found.has(id)) found.set(id, notFound(id));
      return found;
    } };
  }

  /** A job that was submitted is never lost: when waiting stops early, it is recorded (init-error shape). */
  function recorded(error: Error, jobId: string, outs: Props): Error {
    return Object.assign(error, { id: jobId, properties: outs, reasons: [error.message] });
  }

  async function awaitJob(props: Props, submitted: C): Promise<Props> {
    const timeoutSeconds = Number(props.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
    let lastState = submitted.state;
    const signal = options.signal ?? interruptSignal();
    let waited;
    try {
      waited = await poller.watch<Described<C>>({
        group: pollGroup(props, submitted.jobId),
        id: submitted.jobId,
        initial: { computed: submitted },
        isDone: (d) => spec.terminalStates.has(d.computed.state),
        deadline: Date.now() + timeoutSeconds * 1000,
        schedule: options.poll,
        onPoll: ({ computed }) => {
          if (computed.state !== lastState) log(`${spec.kind} ${computed.jobId}: ${lastState} → ${computed.state}`);
          lastState = computed.state;
        },
        signal,
      });
    } catch (e) {
      // The status query failed for good (its retries spent): keep the job so the next `up` resumes waiting.
      throw recorded(e as Error, submitted.jobId, { ...props, ...submitted, state: lastState });
    }
    const { value: last, stoppedBy } = waited;
    const value = last.computed;
    const outs = { ...props, ...value };
    if (stoppedBy) {
      // Record the still-running job (init-error shape) so the next `up` resumes waiting instead of resubmitting.
      const reason = stoppedBy === "deadline" ? `waiting stopped after ${timeoutSeconds}s (timeoutSeconds)`
        : `waiting was interrupted (${String(signal.reason)})`;
      throw recorded(new WaitTimeoutError(value.jobId, value.state, reason), value.jobId, outs);
    }
    if (value.state !== spec.successState) {
      throw new JobFailedError(value.jobId, value.state, value.code, value.message, last.requestId);
    }
    return outs;
  }

  function computedOf(outs: Props, id: string): C {
    const computed: Props = { jobId: id };
    for (const name of spec.computedNames) if (outs[name] !== undefined) computed[name] = outs[name];
    return computed as unknown as C;
  }

  return tracked({
    async configure(req: dynamic.ConfigureRequest): Promise<void> {
      useStackConfig(req.config as ConfigSource);
    },

    async check(_olds: Props, news: Props): Promise<dynamic.CheckResult> {
      return spec.check(news);
    },

    async diff(_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
      return diffJob(olds, news, { inputNames: spec.inputNames, defaultedByCloud: spec.defaultedByCloud });
    },

    async create(props: Props): Promise<dynamic.CreateResult> {
      const submitted = await spec.submit(props, (line) => log(`${spec.kind}: ${line}`));
      log(`${spec.kind} ${submitted.jobId}: submitted (${spec.summary(props)})`);
      if (props.skipAwait === true) return { id: submitted.jobId, outs: { ...props, ...submitted } };
      return { id: submitted.jobId, outs: await awaitJob(props, submitted) };
    },

    async update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult> {
      const computed = computedOf(olds, id);
      // Only the waiting knobs change in place. A job recorded while still running is awaited again.
      if (spec.terminalStates.has(computed.state) || news.skipAwait === true) return { outs: { ...news, ...computed } };
      return { outs: await awaitJob(news, computed) };
    },

    async read(id: string, props: Props): Promise<dynamic.ReadResult> {
      const current = await spec.describe(props, id);
      // Gone (jobs age out of the cloud's history): a blank id removes the resource from the stack.
      if (!current) return { id: "", props: {} };
      return { id, props: { ...props, ...current.computed } };
    },

    async delete(id: string, props: Props): Promise<void> {
      const current = (await spec.describe(props, id))?.computed;
      if (!current || spec.terminalStates.has(current.state)) return;
      if (!spec.cancel) {
        log(`${spec.kind} ${id} is still ${current.state}: the cloud has no API to cancel it, so it is forgotten, ` +
          `not stopped.`);
        return;
      }
      const line = await spec.cancel(props, current);
      if (line) log(`${spec.kind} ${id}: ${line}`);
    },
  });
}
