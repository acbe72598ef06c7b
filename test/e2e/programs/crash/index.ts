// One job of each kind (a CI media job, a CI batch in an adopted queue, an MPS smart-production job), in the
// dynamic form or, with
// `form=plugin`, through the plugin: test/e2e/crash.e2e.test.ts kills `pulumi up` outright while they run.
import * as pulumi from "@pulumi/pulumi";
import * as dynamicForm from "pulumi-mediajobs";
import * as pluginForm from "pulumi-mediajobs/plugin";

const m = new pulumi.Config().get("form") === "plugin" ? pluginForm : dynamicForm;
const bucket = "examplebucket-1250000000";
const region = "ap-guangzhou";
const oss = "oss://example-bucket.oss-cn-shanghai.aliyuncs.com";

const queue = new m.MediaPipeline("queue", { cloud: "tencentcloud", bucket, region });
const info = new m.CiMediaJob("info", { bucket, region, tag: "MediaInfo", input: { object: "videos/clip.mp4" },
  operation: {} });
const batch = new m.InventoryTriggerJob("batch", { bucket, region, name: "crash-batch", input: { prefix: "videos/" },
  operation: { tag: "MediaInfo", queueId: queue.pipelineId } });
const cover = new m.IProductionJob("cover", { region: "cn-shanghai", functionName: "Cover",
  input: `${oss}/in/clip.mp4`, output: `${oss}/out/{sequenceId}.jpg` });

export const jobIds = { info: info.jobId, batch: batch.jobId, cover: cover.jobId };
export const states = { info: info.state, batch: batch.state, cover: cover.state };
