// An MPS pipeline that reports to an MNS queue, and an ImageCartoonize job that runs in it.
import * as pulumi from "@pulumi/pulumi";
import { IProductionJob, MediaPipeline } from "pulumi-mediajobs";

const config = new pulumi.Config();
const region = config.get("mpsRegion") ?? "cn-shanghai";
const bucket = config.get("ossBucket") ?? "example-media";
const photo = config.get("photo") ?? "photos/team-offsite.jpg";
const pipelineState = config.get("pipelineState") ?? "Active";
const oss = `oss://${bucket}.oss-${region}.aliyuncs.com`;

const pipeline = new MediaPipeline("cartoon-pipeline", {
  cloud: "alicloud",
  region,
  name: "cartoonize",
  state: pipelineState as "Active" | "Paused",
  notifyConfig: { queueName: config.get("mnsQueue") ?? "mps-cartoonize-events" },
});

const cartoon = new IProductionJob("team-cartoon", {
  region,
  functionName: "ImageCartoonize",
  input: `${oss}/${photo}`,
  output: `${oss}/cartoons/{source}-{timestamp}.jpg`,
  pipelineId: pipeline.pipelineId,
  userData: "album=offsite",
  timeoutSeconds: 600,
});

const covers = new IProductionJob("keynote-covers", {
  region,
  functionName: "Cover",
  input: `${oss}/videos/keynote.mp4`,
  // Cover returns several frames: {sequenceId} names each one.
  output: `${oss}/covers/{source}-{sequenceId}.jpg`,
  pipelineId: pipeline.pipelineId,
  jobParams: { Model: "" },
});

export const pipelineId = pipeline.pipelineId;
export const pipelineStateNow = pipeline.state;
export const cartoonJobId = cartoon.jobId;
export const cartoonState = cartoon.state;
export const cartoonFiles = cartoon.outputFiles;
export const coverFiles = covers.outputFiles;
export const bestCoverScore = covers.result.apply((r) => (r?.data as { score: number }[] | undefined)?.[0]?.score);
