// Two Tencent Cloud Infinite jobs on one video: smart covers written to COS, and the video's media info.
import * as pulumi from "@pulumi/pulumi";
import { CiMediaJob } from "pulumi-mediajobs";

const config = new pulumi.Config();
const bucket = config.get("bucket") ?? "examplebucket-1250000000";
const region = config.get("region") ?? "ap-guangzhou";
const video = config.get("video") ?? "videos/launch-keynote.mp4";

const covers = new CiMediaJob("launch-covers", {
  bucket,
  region,
  tag: "SmartCover",
  input: { object: video },
  operation: {
    smartCover: { format: "jpg", width: 1280, height: 720, count: 3, deleteDuplicates: true },
    // Count > 1: CI numbers the covers through ${Number}.
    output: { bucket, region, object: "covers/launch-keynote-${Number}.jpg" },
    userData: "campaign=launch",
    jobLevel: 1,
  },
  timeoutSeconds: 600,
});

const info = new CiMediaJob("launch-media-info", {
  bucket,
  region,
  tag: "MediaInfo",
  input: { object: video },
  operation: {},
});

export const coverJobId = covers.jobId;
export const coverState = covers.state;
export const coverObjects = covers.outputObjects.apply((objects) => objects.map((o) => o.object));
export const mediaInfoJobId = info.jobId;
export const mediaInfo = info.mediaInfo;
export const videoDurationSeconds = info.mediaInfo.apply((m) => m?.format?.duration);
export const videoResolution = info.mediaInfo.apply((m) => {
  const v = m?.stream?.video?.[0];
  return v ? `${v.width}x${v.height}` : undefined;
});
