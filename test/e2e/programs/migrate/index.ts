// The same queue and job, declared with the dynamic resources (`form` unset) or with the plugin's (`form=plugin`).
// Moving to the plugin changes only the import: each plugin resource has its dynamic type as an alias (in the
// schema, so in every generated SDK), and the engine takes the recorded resource as the new one.
import * as pulumi from "@pulumi/pulumi";
import * as dynamicForm from "pulumi-mediajobs";
import * as pluginForm from "pulumi-mediajobs/plugin";

const config = new pulumi.Config();
const bucket = "examplebucket-1250000000";
const region = "ap-guangzhou";
const queueArgs = { cloud: "tencentcloud", bucket, region, name: "migrated-queue" } as const;

function declare(): { queueId: pulumi.Output<string>; jobId: pulumi.Output<string>; state: pulumi.Output<string> } {
  if (config.get("form") === "plugin") {
    const queue = new pluginForm.MediaPipeline("queue", queueArgs);
    const job = new pluginForm.CiMediaJob("cover", { bucket, region, tag: "SmartCover", input: { object: "videos/a.mp4" },
      operation: { smartCover: { format: "jpg", count: 3 }, output: { region, bucket, object: "covers/a-${Number}.jpg" } },
      queueId: queue.pipelineId });
    return { queueId: queue.pipelineId, jobId: job.jobId, state: job.state };
  }
  const queue = new dynamicForm.MediaPipeline("queue", queueArgs);
  const job = new dynamicForm.CiMediaJob("cover", { bucket, region, tag: "SmartCover", input: { object: "videos/a.mp4" },
    operation: { smartCover: { format: "jpg", count: 3 }, output: { region, bucket, object: "covers/a-${Number}.jpg" } },
    queueId: queue.pipelineId });
  return { queueId: queue.pipelineId, jobId: job.jobId, state: job.state };
}

export const { queueId, jobId, state } = declare();
