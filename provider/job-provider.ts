/**
 * The lifecycle every job resource shares (design §3): submit, wait until terminal under our own deadline, record
 * a job still running at the deadline (init-error shape) so the next `up` resumes waiting, refresh by id, and on
 * delete cancel where the cloud allows it, otherwise forget. Each cloud supplies only its wire operations.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { CloudApiError, JobFailedError, WaitTimeoutError } from "./errors";
import { interruptSignal } from "./interrupt";
import { diffJob } from "./job-diff";
import { ConfigSource, useStackConfig } from "./settings";
import { CheckFailure } from "./validation";
import { DEFAULT_POLL, PollSchedule, waitFor } from "./wait";

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
  check(inputs: Props): CheckFailure[];
  /** Submits the job (never twice: see submission.ts); returns the outputs known right after submission. */
  submit(inputs: Props, log: (line: string) => void): Promise<C>;
  /** The job as the cloud reports it now; undefined when the cloud no longer knows it. */
  describe(inputs: Props, jobId: string): Promise<Described<C> | undefined>;
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
  /** Epoch ms clock (tests control deadlines). */
  now?: () => number;
  /** Progress lines; defaults to console.log, which the engine shows as info diagnostics. */
  log?: (line: string) => void;
  /** Stops waits early (default: the first SIGINT/SIGTERM of this process). */
  signal?: AbortSignal;
}

/** Default wait limit; pulumi-kubernetes waits 10 minutes for a Job, media jobs often take longer. */
export const DEFAULT_TIMEOUT_SECONDS = 1800;

export function createJobProvider<C extends JobComputed>(spec: JobSpec<C>, options: JobProviderOptions = {}):
  dynamic.ResourceProvider {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));

  async function awaitJob(props: Props, submitted: C): Promise<Props> {
    const timeoutSeconds = Number(props.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
    let lastState = submitted.state;
    const { value: last, stoppedBy } = await waitFor({
      poll: async () => {
        const current = await spec.describe(props, submitted.jobId);
        if (!current) {
          throw new CloudApiError({ service: spec.service, action: `Describe ${spec.kind}`, status: 200,
            vendorCode: "JobNotFound", vendorMessage: `job ${submitted.jobId} is no longer known to the cloud`,
            retryable: false });
        }
        return current;
      },
      isDone: (d) => spec.terminalStates.has(d.computed.state),
      deadline: now() + timeoutSeconds * 1000,
      schedule: options.poll ?? DEFAULT_POLL,
      now,
      onPoll: ({ computed }) => {
        if (computed.state !== lastState) log(`${spec.kind} ${computed.jobId}: ${lastState} → ${computed.state}`);
        lastState = computed.state;
      },
      signal: options.signal ?? interruptSignal(),
    });
    const value = last.computed;
    const outs = { ...props, ...value };
    if (stoppedBy) {
      // Record the still-running job (init-error shape) so the next `up` resumes waiting instead of resubmitting.
      const reason = stoppedBy === "deadline" ? `waiting stopped after ${timeoutSeconds}s (timeoutSeconds)`
        : `waiting was interrupted (${String(options.signal?.reason ?? interruptSignal().reason)})`;
      const error = new WaitTimeoutError(value.jobId, value.state, reason);
      throw Object.assign(error, { id: value.jobId, properties: outs, reasons: [error.message] });
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

  return {
    async configure(req: dynamic.ConfigureRequest): Promise<void> {
      useStackConfig(req.config as ConfigSource);
    },

    async check(_olds: Props, news: Props): Promise<dynamic.CheckResult> {
      return { inputs: news, failures: spec.check(news) };
    },

    async diff(_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
      return diffJob(olds, news, { inputNames: spec.inputNames, defaultedByCloud: spec.defaultedByCloud });
    },

    async create(props: Props): Promise<dynamic.CreateResult> {
      const submitted = await spec.submit(props, (line) => log(`${spec.kind}: ${line}`));
      log(`${spec.kind} ${submitted.jobId}: submitted (${spec.summary(props)})`);
      if (props.skipAwait) return { id: submitted.jobId, outs: { ...props, ...submitted } };
      return { id: submitted.jobId, outs: await awaitJob(props, submitted) };
    },

    async update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult> {
      const computed = computedOf(olds, id);
      // Only the waiting knobs change in place. A job recorded while still running is awaited again.
      if (spec.terminalStates.has(computed.state) || news.skipAwait) return { outs: { ...news, ...computed } };
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
  };
}
