/**
 * The CiMediaJob dynamic provider (design §3). Stateless apart from the stack config: every call builds what it
 * needs from its inputs and reads credentials at call time.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { CiClient } from "../clients/tencent/ci-client";
import {
  cancelMediaJob, CANCELLABLE_JOB_STATES, describeMediaJobs, submitMediaJob, TERMINAL_JOB_STATES,
} from "../clients/tencent/media-jobs";
import { CloudApiError, JobFailedError, WaitTimeoutError } from "../errors";
import { diffJob } from "../job-diff";
import { ciEndpointOverride, ConfigSource, tencentCredentials, tencentRegion, useStackConfig } from "../settings";
import { DEFAULT_POLL, PollSchedule, waitFor } from "../wait";
import { checkCiMediaJob } from "./check";
import { CiMediaJobComputed, CiMediaJobInputs, CiMediaJobOutputs } from "./types";
import { fromJobsDetail, toCreateRequest } from "./wire";

const INPUT_NAMES = [
  "bucket", "region", "tag", "input", "operation", "queueId", "queueType", "callBack", "callBackFormat",
  "callBackType", "callBackMqConfig", "triggers", "timeoutSeconds", "skipAwait",
] as const;

/** Default wait limit; pulumi-kubernetes waits 10 minutes for a Job, media jobs often take longer. */
export const DEFAULT_TIMEOUT_SECONDS = 1800;

export interface CiMediaJobProviderOptions {
  /** Poll schedule while waiting (tests shorten it). */
  poll?: PollSchedule;
  /** Epoch ms clock (tests control deadlines). */
  now?: () => number;
  /** Progress lines while waiting; defaults to console.log, which the engine shows as info diagnostics. */
  log?: (line: string) => void;
}

type Props = Record<string, unknown>;
type Described = { computed: CiMediaJobComputed; requestId: string | undefined };

export function createCiMediaJobProvider(options: CiMediaJobProviderOptions = {}): dynamic.ResourceProvider {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));

  function clientFor(inputs: CiMediaJobInputs): CiClient {
    return new CiClient({
      bucket: inputs.bucket,
      region: tencentRegion(inputs.region),
      credentials: tencentCredentials,
      endpointOverride: ciEndpointOverride(),
    });
  }

  async function describe(client: CiClient, jobId: string): Promise<Described | undefined> {
    const { jobs, requestId } = await describeMediaJobs(client, [jobId]);
    const detail = jobs.find((j) => j.JobId === jobId);
    return detail ? { computed: fromJobsDetail(detail), requestId } : undefined;
  }

  /** Waits for a submitted job; returns its outputs on success, throws otherwise (see design §3). */
  async function awaitJob(client: CiClient, props: Props, computed: CiMediaJobComputed): Promise<CiMediaJobOutputs> {
    const inputs = props as unknown as CiMediaJobInputs;
    const timeoutSeconds = Number(inputs.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
    let lastState = computed.state;
    const { value: last, timedOut } = await waitFor({
      poll: async () => {
        const current = await describe(client, computed.jobId);
        if (!current) {
          throw new CloudApiError({ service: "ci", action: "DescribeMediaJob", status: 200,
            vendorCode: "NonExistJobIds", vendorMessage: `job ${computed.jobId} is no longer known to CI`,
            retryable: false });
        }
        return current;
      },
      isDone: (d) => TERMINAL_JOB_STATES.has(d.computed.state),
      deadline: now() + timeoutSeconds * 1000,
      schedule: options.poll ?? DEFAULT_POLL,
      now,
      onPoll: ({ computed: c }) => {
        if (c.state !== lastState) log(`CiMediaJob ${c.jobId}: ${lastState} → ${c.state}`);
        lastState = c.state;
      },
    });
    const value = last.computed;
    const outs = { ...props, ...value } as CiMediaJobOutputs;
    if (timedOut) {
      // Record the still-running job (init-error shape) so the next `up` resumes waiting instead of resubmitting.
      const error = new WaitTimeoutError(value.jobId, value.state, timeoutSeconds);
      throw Object.assign(error, { id: value.jobId, properties: outs, reasons: [error.message] });
    }
    if (value.state !== "Success") {
      throw new JobFailedError(value.jobId, value.state, value.code, value.message, last.requestId);
    }
    return outs;
  }

  return {
    async configure(req: dynamic.ConfigureRequest): Promise<void> {
      useStackConfig(req.config as ConfigSource);
    },

    async check(_olds: Props, news: Props): Promise<dynamic.CheckResult> {
      return { inputs: news, failures: checkCiMediaJob(news) };
    },

    async diff(_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
      return diffJob(olds, news, { inputNames: INPUT_NAMES, defaultedByCloud: new Set(["queueId"]) });
    },

    async create(props: Props): Promise<dynamic.CreateResult> {
      const inputs = props as unknown as CiMediaJobInputs;
      const client = clientFor(inputs);
      const submitted = fromJobsDetail(await submitMediaJob(client, toCreateRequest(inputs)));
      log(`CiMediaJob ${submitted.jobId}: submitted (${inputs.tag} of ${inputs.input.object})`);
      if (inputs.skipAwait) return { id: submitted.jobId, outs: { ...props, ...submitted } };
      return { id: submitted.jobId, outs: await awaitJob(client, props, submitted) };
    },

    async update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult> {
      const previous = olds as unknown as CiMediaJobOutputs;
      const computed = pickComputed(previous, id);
      // Only the waiting knobs change in place. A job recorded while still running is awaited again.
      if (TERMINAL_JOB_STATES.has(computed.state) || news.skipAwait) return { outs: { ...news, ...computed } };
      const client = clientFor(news as unknown as CiMediaJobInputs);
      return { outs: await awaitJob(client, news, computed) };
    },

    async read(id: string, props: Props): Promise<dynamic.ReadResult> {
      const current = await describe(clientFor(props as unknown as CiMediaJobInputs), id);
      // Gone (jobs age out of CI's history): a blank id removes the resource from the stack.
      if (!current) return { id: "", props: {} };
      return { id, props: { ...props, ...current.computed } };
    },

    async delete(id: string, props: Props): Promise<void> {
      const client = clientFor(props as unknown as CiMediaJobInputs);
      const current = (await describe(client, id))?.computed;
      if (!current || !CANCELLABLE_JOB_STATES.has(current.state)) {
        // Finished, running or unknown: CI cannot delete jobs, so the job is forgotten; its outputs stay in COS.
        if (current && !TERMINAL_JOB_STATES.has(current.state)) {
          log(`CiMediaJob ${id} is already ${current.state} and cannot be cancelled; it is forgotten, not stopped.`);
        }
        return;
      }
      try {
        await cancelMediaJob(client, id);
        log(`CiMediaJob ${id}: cancelled`);
      } catch (e) {
        // It may have started running between describe and cancel: then it can only be forgotten.
        const after = (await describe(client, id))?.computed;
        if (after && !CANCELLABLE_JOB_STATES.has(after.state)) {
          log(`CiMediaJob ${id} started running before it could be cancelled; it is forgotten, not stopped.`);
          return;
        }
        throw e;
      }
    },
  };
}

function pickComputed(outs: CiMediaJobOutputs, id: string): CiMediaJobComputed {
  const computed: CiMediaJobComputed = {
    jobId: outs.jobId || id, state: outs.state ?? "", code: outs.code ?? "", message: outs.message ?? "",
    creationTime: outs.creationTime ?? "", startTime: outs.startTime ?? "", endTime: outs.endTime ?? "",
    queueId: outs.queueId ?? "", outputObjects: outs.outputObjects ?? [],
  };
  if (outs.mediaInfo) computed.mediaInfo = outs.mediaInfo;
  return computed;
}

/** The provider that `pulumi-mediajobs`' CiMediaJob resources use. */
export const ciMediaJobProvider: dynamic.ResourceProvider = createCiMediaJobProvider();
