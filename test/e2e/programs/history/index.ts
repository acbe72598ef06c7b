// One finished job of each kind whose results are objects (CI SmartCover, a CI batch with its output prefix, MPS
// Cover), in the dynamic form or, with `form=plugin`, through the plugin: test/e2e/history.e2e.test.ts lets the
// cloud forget them, then refreshes.
import * as pulumi from "@pulumi/pulumi";
import * as dynamicForm from "pulumi-mediajobs";
import * as pluginForm from "pulumi-mediajobs/plugin";

const config = new pulumi.Config();
const m = config.get("form") === "plugin" ? pluginForm : dynamicForm;
// `run` set: new jobs for each value (test/e2e/credentials.e2e.test.ts runs the jobs again).
const run = config.get("run");
const knobs = run ? { triggers: [run] } : {};
const bucket = "examplebucket-1250000000";
const results = "results-1250000000";
const region = "ap-guangzhou";
const oss = "oss://example-bucket.oss-cn-shanghai.aliyuncs.com";
const ossResults = "oss://results-bucket.oss-cn-shanghai.aliyuncs.com";

const queue = new m.MediaPipeline("queue", { cloud: "tencentcloud", bucket, region, category: "Transcoding" });
const covers = new m.CiMediaJob("covers", { ...knobs, bucket, region, tag: "SmartCover", input: { object: "videos/clip.mp4" },
  operation: { smartCover: { format: "jpg", width: 640, height: 360, count: 2 },
    output: { region, bucket: results, object: "covers/${Number}.jpg" } } });
const batch = new m.InventoryTriggerJob("batch", { ...knobs, bucket, region, name: "history-batch",
  input: { prefix: "videos/" }, operation: { tag: "Transcode", queueId: queue.pipelineId,
    jobParam: { transcode: { container: { format: "mp4" } } },
    output: { region, bucket: results, object: "batch/${InventoryTriggerJobId}/${jobid}.mp4" } } });
const cover = new m.IProductionJob("cover", { ...knobs, region: "cn-shanghai", functionName: "Cover",
  input: `${oss}/in/clip.mp4`, output: `${ossResults}/out/{sequenceId}.jpg` });

export const jobIds = { covers: covers.jobId, batch: batch.jobId, cover: cover.jobId };
export const coverObjects = covers.outputObjects;
export const outputFiles = cover.outputFiles;
