// A callback URL that carries a token, given as a secret to a CI queue's notifications and to a job's callback.
import * as pulumi from "@pulumi/pulumi";
import { CiMediaJob, MediaPipeline } from "pulumi-mediajobs";

const config = new pulumi.Config();
const hook = config.requireSecret("hookUrl");
const bucket = "examplebucket-1250000000";
const region = "ap-guangzhou";

const queue = new MediaPipeline("notified-queue", {
  cloud: "tencentcloud", bucket, region,
  notifyConfig: { state: "On", type: "Url", url: hook, event: "TaskFinish", resultFormat: "JSON" },
});

const job = new CiMediaJob("reported-job", {
  bucket, region, tag: "MediaInfo", input: { object: "videos/clip.mp4" }, operation: {},
  queueId: queue.pipelineId, callBack: hook, callBackType: "Url", callBackFormat: "JSON",
});

export const notifyConfig = queue.notifyConfig;
export const jobState = job.state;
