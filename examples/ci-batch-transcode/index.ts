// A CI queue adopted and configured (paused or resumed from config, notifying a URL when jobs end), and a batch
// transcode of every video under a prefix running in it.
import * as pulumi from "@pulumi/pulumi";
import { InventoryTriggerJob, MediaPipeline } from "pulumi-mediajobs";

const config = new pulumi.Config();
const bucket = config.get("bucket") ?? "examplebucket-1250000000";
const region = config.get("region") ?? "ap-guangzhou";
const notifyUrl = config.get("notifyUrl");

const queue = new MediaPipeline("transcode-queue", {
  cloud: "tencentcloud",
  bucket,
  region,
  category: "Transcoding",
  name: "pulumi-batch-transcode",
  // Pause the queue to hold new jobs (e.g. during a migration); running jobs go on.
  state: (config.get("queueState") ?? "Active") as "Active" | "Paused",
  ...(notifyUrl ? {
    notifyConfig: { state: "On", type: "Url", url: notifyUrl, event: "TaskFinish", resultFormat: "XML" },
  } : {}),
});

const batch = new InventoryTriggerJob("uploads-720p", {
  bucket,
  region,
  name: "uploads-720p",
  type: "Job",
  input: { prefix: config.get("prefix") ?? "uploads/" },
  operation: {
    tag: "Transcode",
    queueId: queue.pipelineId,
    jobParam: {
      transcode: {
        container: { format: "mp4" },
        video: { codec: "H.264", width: 1280, height: 720, fps: 30, bitrate: 2500 },
        audio: { codec: "aac", samplerate: 44100, bitrate: 128, channels: 2 },
      },
    },
    output: { region, bucket, object: "transcoded/${InventoryTriggerJobId}/${jobid}.mp4" },
    userData: "pipeline=nightly",
  },
  // A new run of the batch when `run` changes.
  triggers: [config.get("run") ?? "1"],
  // With a paused queue the batch cannot finish: return once it is submitted.
  skipAwait: config.getBoolean("skipAwait") ?? false,
  timeoutSeconds: 3600,
});

export const queueId = queue.pipelineId;
export const queueState = queue.state;
export const queueOriginalName = queue.original.apply((o) => o?.name);
export const batchJobId = batch.jobId;
export const batchState = batch.state;
export const batchProgress = batch.progress;
export const transcodedByState = batch.childJobs.apply((c) => c?.byState);
export const failedObjects = batch.childJobs.apply((c) => c?.failed.map((f) => `${f.object}: ${f.code}`) ?? []);
