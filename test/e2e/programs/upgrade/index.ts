// Every resource of the package in both forms, each with the inputs users commonly give. Its state was recorded by
// an earlier version of the package (test/fixtures/upgrade/, see its README); test/e2e/upgrade.e2e.test.ts previews
// this program against that state: a stack made before a change must preview with no changes after it.
// Do not change this program: the recorded state is of exactly these declarations.
import * as pulumi from "@pulumi/pulumi";
import * as dynamicForm from "pulumi-mediajobs";
import * as pluginForm from "pulumi-mediajobs/plugin";

const bucket = "examplebucket-1250000000";
const region = "ap-guangzhou";
const oss = "oss://example-bucket.oss-cn-shanghai.aliyuncs.com";

/** A component of the program's own: resources under it have its type in their URNs. */
class Group extends pulumi.ComponentResource {
  constructor(name: string) {
    super("upgrade:index:Group", name);
  }
}

for (const [form, m] of [["dynamic", dynamicForm], ["plugin", pluginForm]] as const) {
  const queue = new m.MediaPipeline(`${form}-queue`, { cloud: "tencentcloud", bucket, region, name: `${form}-queue`,
    notifyConfig: { state: "Off" } });
  const pipeline = new m.MediaPipeline(`${form}-pipeline`, { cloud: "alicloud", region: "cn-shanghai",
    name: `${form}-pipeline`, speedLevel: 2 });
  new m.CiMediaJob(`${form}-info`, { bucket, region, tag: "MediaInfo", input: { object: "videos/clip.mp4" },
    operation: {}, queueId: queue.pipelineId });
  new m.CiMediaJob(`${form}-covers`, { bucket, region, tag: "SmartCover", input: { object: "videos/clip.mp4" },
    operation: { smartCover: { format: "jpg", width: 640, height: 360, count: 3 }, jobLevel: 1,
      output: { region, bucket, object: `covers/${form}-\${Number}.jpg` } },
    timeoutSeconds: 600, triggers: ["v1"] });
  new m.InventoryTriggerJob(`${form}-batch`, { bucket, region, name: `${form}-batch`, input: { prefix: "videos/" },
    operation: { tag: "Snapshot", queueId: queue.pipelineId,
      jobParam: { snapshot: { mode: "Interval", start: 1, timeInterval: 5, count: 2 } },
      output: { region, bucket, object: `snapshots/${form}/\${InventoryTriggerJobId}-\${Number}.jpg` } } });
  new m.IProductionJob(`${form}-cover`, { region: "cn-shanghai", functionName: "Cover",
    input: `${oss}/in/clip.mp4`, output: `${oss}/out/${form}-{sequenceId}.jpg`, jobParams: { Model: "" },
    pipelineId: pipeline.pipelineId, deleteOutputsOnDestroy: false });
  // Under a component, with a number given as a string (as YAML or stack config give it) in a list element.
  new m.CiMediaJob(`${form}-streams`, { bucket, region, tag: "StreamExtract", input: { object: "videos/clip.mp4" },
    operation: { output: { region, bucket, streamExtract: [{ index: "0", object: `streams/${form}-video.h264` }] } } },
  { parent: new Group(`${form}-group`) });
}
