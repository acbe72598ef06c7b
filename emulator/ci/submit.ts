/** Submitting a media job, as `POST /jobs` does and as a batch does for each object it finds. */
import { nodes, text, XmlNode } from "../../provider/clients/xml";
import { CiJob, CiJobStore } from "./jobs";
import { CiQueueStore } from "./queues";

/**
 * The tags whose jobs need no Output, stated here rather than taken from the provider so that the emulator checks
 * the provider's reading of the document: seed 004 (`POST /inventorytriggerjob`), Request.Operation.Output, "If the
 * media job type is not VideoTag, ExtractDigitalWatermark, MediaInfo, or QualityEstimate, this parameter will be
 * required"; `api/tencent-ci.md` says the same of `POST /jobs` ("MediaInfo: … Output not required").
 */
const TAGS_WITHOUT_OUTPUT: ReadonlySet<string> =
  new Set(["VideoTag", "ExtractDigitalWatermark", "MediaInfo", "QualityEstimate"]);

/** Where a submitted job goes: the store that runs it and the bucket's queues. */
export interface JobSubmission {
  jobs: CiJobStore;
  queues: CiQueueStore;
}

/** Creates the job a `<Request>` describes, held when its queue is paused; a string says why it was refused. */
export function submitJob({ jobs, queues }: JobSubmission, bucket: string, region: string, request: XmlNode,
  extra: Partial<CiJob> = {}): CiJob | string {
  const tag = text(request.Tag);
  const object = text(nodes(request.Input)[0]?.Object);
  const operation = nodes(request.Operation)[0] ?? {};
  if (!tag) return "Tag is required.";
  if (!object) return "Input.Object is required.";
  if (!TAGS_WITHOUT_OUTPUT.has(tag) && !operation.Output && !operation.TemplateId) {
    return `Operation.Output is required for ${tag} jobs.`;
  }
  const bucketQueues = queues.forBucket(bucket);
  const queueId = text(request.QueueId) ?? text(operation.QueueId);
  const queue = queueId ? bucketQueues.find((q) => q.QueueId === queueId)
    : bucketQueues.find((q) => q.Category === (text(request.QueueType) === "SpeedTranscoding" ? "SpeedTranscoding"
      : "Transcoding"));
  if (!queue) return `Queue ${queueId} does not exist in this bucket.`;
  return jobs.create({ bucket, region, tag, object, operation, request, queueId: queue.QueueId, ...extra },
    queue.State === "Paused");
}
