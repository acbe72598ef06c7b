/** CiMediaJob ⇄ the CI wire: the create request, and JobsDetail → outputs. */
import { fromWire, toWire } from "../clients/case";
import { nodes, text, texts, XmlNode } from "../clients/tencent/xml";
import { CiMediaInfo, CiMediaJobComputed, CiMediaJobInputs, CiOutputObject } from "./types";

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

/** Reads the outputs from a JobsDetail. Times stay the cloud's strings (`-` when not reached yet). */
export function fromJobsDetail(detail: XmlNode): CiMediaJobComputed {
  const operation = nodes(detail.Operation)[0] ?? {};
  const result = nodes(operation.MediaResult)[0];
  const mediaInfo = nodes(operation.MediaInfo)[0];
  const computed: CiMediaJobComputed = {
    jobId: text(detail.JobId) ?? "",
    state: text(detail.State) ?? "",
    code: text(detail.Code) ?? "",
    message: text(detail.Message) ?? "",
    creationTime: text(detail.CreationTime) ?? "",
    startTime: text(detail.StartTime) ?? "",
    endTime: text(detail.EndTime) ?? "",
    queueId: text(detail.QueueId) ?? "",
    outputObjects: result ? nodes(result.OutputFile).flatMap(objectsOf) : [],
    spriteObjects: result
      ? nodes(result.OutputFile).flatMap((f) => nodes(f.SpriteOutputFile)).flatMap(objectsOf) : [],
  };
  if (mediaInfo) computed.mediaInfo = fromWire(mediaInfo) as CiMediaInfo;
  return computed;
}

/** The objects one OutputFile (or SpriteOutputFile) names, with their MD5 where CI gives it. */
function objectsOf(file: XmlNode): CiOutputObject[] {
  const bucket = text(file.Bucket) ?? "";
  const region = text(file.Region) ?? "";
  const md5 = new Map(nodes(file.Md5Info).map((m) => [text(m.ObjectName) ?? "", text(m.Md5) ?? ""]));
  return texts(file.ObjectName).map((object) => {
    const md5sum = md5.get(object);
    return md5sum ? { bucket, region, object, md5: md5sum } : { bucket, region, object };
  });
}
