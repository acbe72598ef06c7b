/**
 * IProductionJob: the shared job lifecycle over MPS smart production. MPS has no API to cancel these jobs, so delete
 * forgets a job that is still running.
 */
import {
  IPRODUCTION_TERMINAL_STATES, queryIProductionJob, submitIProductionJob,
} from "../clients/alibaba/iproduction-jobs";
import type { MpsClient } from "../clients/alibaba/mps-client";
import { parseOssUrl } from "../clients/alibaba/oss-url";
import { AmbiguousSubmissionError } from "../errors";
import { mayHaveBeenProcessed } from "../http/retry";
import { jobResource, JobSpec, StoredObject } from "../lifecycle/job-lifecycle";
import { waitSettingsOf } from "../lifecycle/job-knobs";
import { submissionMarker, submitOnce } from "../lifecycle/submission";
import type { SubmissionJournal } from "../lifecycle/submission-journal";
import type { OperationEnv, Props } from "../resource/definition";
import { checkIProductionJob } from "./check";
import { IPRODUCTION_JOB, IProductionJobComputed, IProductionJobInputs } from "./shape";
import { outputsOfStatus, toSubmitParams } from "./wire";

const inputsOf = (props: Props) => props as unknown as IProductionJobInputs;

/**
 * Submits the job, or adopts the one a run on this machine submitted and was cut off waiting for: MPS has no API to
 * find a job by its request, so the submission journal (lifecycle/submission-journal.ts) is what remembers it. A
 * lost answer is never resubmitted blindly.
 */
async function submit(props: Props, env: OperationEnv, identity: string | undefined):
  Promise<IProductionJobComputed> {
  const inputs = inputsOf(props);
  const { marker, adoptable } = submissionMarker(identity, props, inputs.userData);
  const client = env.ctx.mpsClient(inputs);
  const journal = adoptable ? env.ctx.journal : undefined;
  const send = () => journaled(journal, marker, env, () => submitIProductionJob(client, toSubmitParams(inputs, marker)));
  try {
    return await submitOnce<IProductionJobComputed>({
      submit: async () => ({ jobId: await send(), state: "Queuing", code: "", message: "", outputFiles: [],
        pipelineId: inputs.pipelineId ?? "" }),
      idOf: (job) => job.jobId,
      runs: env.ctx.earlierRuns,
      findInProgress: journal ? () => journaledJob(journal, marker, client, inputs, env) : undefined,
      // Nothing can be looked up after a lost answer: one submission only.
      find: async () => undefined,
      attempts: 1,
      log: env.log,
    });
  } catch (e) {
    if (mayHaveBeenProcessed(e)) throw new AmbiguousSubmissionError("SubmitIProductionJob", marker, e as Error);
    throw e;
  }
}

/**
 * Sends a submission with its intent, then its job id, in the journal. A failure is reported now, so its intent
 * goes: the error says what to do, and the next run may submit anew.
 */
async function journaled(journal: SubmissionJournal | undefined, marker: string, env: OperationEnv,
  send: () => Promise<string>): Promise<string> {
  const at = env.ctx.now();
  journal?.intend(marker, at);
  try {
    const jobId = await send();
    journal?.record(marker, at, jobId);
    return jobId;
  } catch (e) {
    journal?.forget(marker);
    throw e;
  }
}

/**
 * The job an earlier run on this machine submitted under this marker and was still waiting for when it was cut
 * off: adopted while it runs, or once ended if that run would still have been waiting for it (MPS reports no end
 * time; CI's jobs follow the same rule, earlier-runs.ts). A run cut off before the answer leaves only its intent:
 * whether MPS created the job cannot be known, so nothing is submitted (as after a lost answer).
 */
async function journaledJob(journal: SubmissionJournal, marker: string, client: MpsClient,
  inputs: IProductionJobInputs, env: OperationEnv): Promise<IProductionJobComputed | undefined> {
  const runs = env.ctx.earlierRuns;
  const entry = journal.find(marker, env.ctx.now());
  if (!entry || !(entry.at < runs.cutoff)) return undefined;
  if (!entry.jobId) {
    journal.forget(marker);
    throw new AmbiguousSubmissionError("SubmitIProductionJob", marker, new Error(`the run that sent it at ` +
      `${new Date(entry.at).toISOString()} was cut off before the answer came`));
  }
  const status = runs.fromEarlierRun(entry.jobId, entry.at) ? await queryIProductionJob(client, entry.jobId)
    : undefined;
  const waitedUntil = entry.at + waitSettingsOf(inputs).timeoutSeconds * 1000;
  if (!status || !runs.stillUnfinished(IPRODUCTION_TERMINAL_STATES.has(status.state), waitedUntil)) {
    journal.forget(marker);
    return undefined;
  }
  return outputsOfStatus(status, inputs);
}

/**
 * The objects named by the job's result URLs: they were checked as oss://<bucket>.oss-<region>.aliyuncs.com/<object>,
 * and results are reported in that form.
 */
function ossObjectsOf(outputFiles: readonly string[]): StoredObject[] {
  return outputFiles.flatMap((url) => {
    const at = parseOssUrl(url);
    return at ? [{ service: "oss" as const, ...at }] : [];
  });
}

export const IPRODUCTION_JOB_SPEC: JobSpec<IProductionJobComputed> = {
  declaration: IPRODUCTION_JOB,
  service: "mps",
  // Without one, MPS runs the job in the region's default pipeline and reports that one's id.
  defaultedByCloud: new Set(["pipelineId"]),
  terminalStates: IPRODUCTION_TERMINAL_STATES,
  successState: "Success",
  check: checkIProductionJob,
  submit,
  async query(props, jobId, env) {
    const status = await queryIProductionJob(env.ctx.mpsClient(inputsOf(props)), jobId);
    return status && { computed: outputsOfStatus(status, inputsOf(props)), requestId: status.requestId };
  },
  outputObjects: async (_props, current, recorded) => ossObjectsOf((current ?? recorded).outputFiles),
  recordedResult: (_props, recorded) => ossObjectsOf(recorded.outputFiles ?? []),
  summary: (props) => {
    const inputs = inputsOf(props);
    return `${inputs.functionName}${inputs.input ? ` of ${inputs.input}` : ""}`;
  },
};

/** IProductionJob, as both forms serve it (`pulumi-mediajobs/provider/iproduction-job` in the dynamic form). */
export const IPRODUCTION_JOB_RESOURCE = jobResource("iproduction-job", IPRODUCTION_JOB_SPEC);
