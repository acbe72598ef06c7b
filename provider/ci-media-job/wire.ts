/** CiMediaJob ⇄ the CI wire: the create request from the inputs, and the outputs from a described job. */
import { toWire } from "../clients/case";
import type { JobOutputObject, MediaJob } from "../clients/tencent/media-jobs";
import type { StoredObject } from "../lifecycle/stored-objects";
import type { XmlNode } from "../clients/xml";
import { CiMediaJobComputed, CiMediaJobInputs } from "./shape";

/**
 * The `<Request>` content of `POST /jobs`, element for element. `marker` goes in Operation.UserData when the user
 * left it empty, so a submission whose answer is lost can be found again.
 */
export function toCreateRequest(inputs: CiMediaJobInputs, marker?: string): XmlNode {
  const request = toWire({
    tag: inputs.tag,
    input: { object: inputs.input.object },
    operation: marker && !inputs.operation.userData ? { ...inputs.operation, userData: marker } : inputs.operation,
    queueId: inputs.queueId,
    queueType: inputs.queueType,
    callBack: inputs.callBack,
    callBackFormat: inputs.callBackFormat,
    callBackType: inputs.callBackType,
    callBackMqConfig: inputs.callBackMqConfig,
  });
  return request as XmlNode;
}

/** The outputs of a described job. Times stay the cloud's strings (`-` when not reached yet). */
export function outputsOfJob(job: MediaJob): CiMediaJobComputed {
  const computed: CiMediaJobComputed = {
    jobId: job.jobId, state: job.state, code: job.code, message: job.message, creationTime: job.creationTime,
    startTime: job.startTime, endTime: job.endTime, queueId: job.queueId, outputObjects: job.outputObjects,
    spriteObjects: job.spriteObjects,
  };
  if (job.mediaInfo) computed.mediaInfo = job.mediaInfo;
  return computed;
}

/** The COS objects that jobs reported writing: their outputs and sprite sheets. */
export function cosObjectsOf(jobs: { outputObjects?: JobOutputObject[]; spriteObjects?: JobOutputObject[] }[]):
  StoredObject[] {
  return jobs.flatMap((j) => [...j.outputObjects ?? [], ...j.spriteObjects ?? []])
    .map((o) => ({ service: "cos" as const, bucket: o.bucket, region: o.region, key: o.object }));
}
