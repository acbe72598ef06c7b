// Every resource of the package through the provider plugin (`pulumi-mediajobs/plugin`), with the default provider
// configured by `mediajobs:*` stack config. Stack config also drives the later steps of the e2e test: a changed
// job input (replace), a renamed queue (update in place), and the import of an existing MPS pipeline.
import * as pulumi from "@pulumi/pulumi";
import * as mediajobs from "pulumi-mediajobs/plugin";

const config = new pulumi.Config();
const bucket = "examplebucket-1250000000";
const region = "ap-guangzhou";

const queue = new mediajobs.MediaPipeline("queue", {
  cloud: "tencentcloud", bucket, region, name: config.get("queueName") ?? "media-queue",
});

const info = new mediajobs.CiMediaJob("info", {
  bucket, region, tag: "MediaInfo", input: { object: config.get("infoObject") ?? "videos/clip.mp4" }, operation: {},
  queueId: queue.pipelineId,
});

const pipeline = new mediajobs.MediaPipeline("pipeline", { cloud: "alicloud", region: "cn-shanghai", name: "plugin-e2e" });

const cartoon = new mediajobs.IProductionJob("cartoon", {
  region: "cn-shanghai", functionName: "ImageCartoonize",
  input: "oss://example-bucket.oss-cn-shanghai.aliyuncs.com/in/portrait.jpg",
  output: "oss://example-bucket.oss-cn-shanghai.aliyuncs.com/out/{source}-{timestamp}.jpg", pipelineId: pipeline.pipelineId,
  // The test uploads the portrait: a real cartoon, deleted on destroy.
  deleteOutputsOnDestroy: true,
});

const batch = new mediajobs.InventoryTriggerJob("batch", {
  bucket, region, name: "plugin-batch", input: { prefix: "videos/" },
  operation: { tag: "Transcode", queueId: queue.pipelineId,
    jobParam: { transcode: { container: { format: "mp4" }, video: { codec: "H.264", width: 1280, height: 720 } } },
    output: { region, bucket, object: "out/${InventoryTriggerJobId}/${jobid}.mp4" } },
});

// `pulumi import`'s generated declaration, or the `import` option, of a pipeline made outside the stack.
const adoptId = config.get("adoptPipelineId");
const adopted = adoptId ? new mediajobs.MediaPipeline("adopted", { cloud: "alicloud", region: "cn-shanghai",
  name: "made-elsewhere", state: "Active", speed: "Standard" }, { import: adoptId }) : undefined;

export const queueId = queue.queueId;
export const queueName = queue.name;
export const infoJobId = info.jobId;
export const infoState = info.state;
export const mediaInfo = info.mediaInfo;
export const pipelineId = pipeline.pipelineId;
export const cartoonState = cartoon.state;
export const cartoonFiles = cartoon.outputFiles;
export const batchState = batch.state;
export const adoptedName = adopted?.name;
