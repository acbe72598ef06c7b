// Jobs on a real clip and a real photo uploaded to the emulator's object store. Covers, the cartoon and the batch's
// snapshots are deleted on destroy; the animation is kept. `generation` (config) re-runs the cover job.
import * as pulumi from "@pulumi/pulumi";
import { CiMediaJob, InventoryTriggerJob, IProductionJob, MediaPipeline } from "pulumi-mediajobs";

const config = new pulumi.Config();
const bucket = "media-1250000000";
const region = "ap-guangzhou";
const oss = "oss://media-photos.oss-cn-shanghai.aliyuncs.com";

const covers = new CiMediaJob("covers", {
  bucket, region, tag: "SmartCover", input: { object: "clips/sample.mp4" },
  operation: { smartCover: { format: "jpg", width: 320, count: 3 },
    output: { bucket, region, object: "covers/sample-${Number}.jpg" } },
  triggers: [config.get("generation") ?? "1"],
  deleteOutputsOnDestroy: config.getBoolean("deleteCovers") ?? true,
});

const info = new CiMediaJob("info", { bucket, region, tag: "MediaInfo", input: { object: "clips/sample.mp4" },
  operation: {} });

const gif = new CiMediaJob("gif", {
  bucket, region, tag: "Animation", input: { object: "clips/sample.mp4" },
  operation: { animation: { container: { format: "gif" }, video: { width: 160, fps: 8 },
    timeInterval: { start: 0, duration: 2 } }, output: { bucket, region, object: "animations/sample.gif" } },
});

const pipeline = new MediaPipeline("pipeline", { cloud: "alicloud", region: "cn-shanghai", name: "real-media" });
const cartoon = new IProductionJob("cartoon", {
  region: "cn-shanghai", functionName: "ImageCartoonize", input: `${oss}/photos/team.jpg`,
  output: `${oss}/cartoons/{source}-{resultType}.jpg`, pipelineId: pipeline.pipelineId,
  deleteOutputsOnDestroy: true,
});

const queue = new MediaPipeline("queue", { cloud: "tencentcloud", bucket, region, category: "Transcoding" });
const batch = new InventoryTriggerJob("batch", {
  bucket, region, name: "clip-snapshots", input: { prefix: "clips/" },
  operation: { tag: "Snapshot", queueId: queue.pipelineId, jobParam: { snapshot: { mode: "Interval", start: 0, timeInterval: 1, count: 2 } },
    output: { bucket, region, object: "snapshots/${InventoryTriggerJobId}/frame-${Number}.jpg" } },
  deleteOutputsOnDestroy: true,
});

export const coverObjects = covers.outputObjects;
export const mediaInfo = info.mediaInfo;
export const gifObjects = gif.outputObjects;
export const cartoonFiles = cartoon.outputFiles;
export const batchChildren = batch.childJobs;
export const batchId = batch.jobId;
