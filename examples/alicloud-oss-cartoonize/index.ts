// pulumi-mediajobs composed with the alicloud provider: an OSS bucket with a photo in it, an MNS queue for job
// notifications, an MPS pipeline that reports to that queue, and an ImageCartoonize job that runs in the
// pipeline. Deploying it needs the alicloud and random provider plugins and real credentials; the test suite
// type-checks it (`npx tsc --noEmit`).
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { IProductionJob, MediaPipeline } from "pulumi-mediajobs";

const region = new pulumi.Config("alicloud").require("region");
const suffix = new random.RandomString("suffix", { length: 6, special: false, upper: false });

const bucket = new alicloud.oss.Bucket("media", {
  bucket: pulumi.interpolate`cartoonize-${suffix.result}`,
  forceDestroy: true,
});

const photo = new alicloud.oss.BucketObject("photo", {
  bucket: bucket.bucket,
  key: "photos/team-offsite.jpg",
  source: "./team-offsite.jpg",
});

const events = new alicloud.message.ServiceQueue("mps-events", {
  queueName: pulumi.interpolate`mps-events-${suffix.result}`,
  messageRetentionPeriod: 86400,
});

const pipeline = new MediaPipeline("cartoonize", {
  cloud: "alicloud",
  region,
  name: pulumi.interpolate`cartoonize-${suffix.result}`,
  notifyConfig: { queueName: events.queueName },
});

const oss = pulumi.interpolate`oss://${bucket.bucket}.oss-${region}.aliyuncs.com`;

const cartoon = new IProductionJob("team-cartoon", {
  region,
  functionName: "ImageCartoonize",
  input: pulumi.interpolate`${oss}/${photo.key}`,
  output: pulumi.interpolate`${oss}/cartoons/{source}-{timestamp}.jpg`,
  pipelineId: pipeline.pipelineId,
  // Re-run the job whenever the photo's content changes.
  triggers: [photo.versionId],
}, { dependsOn: [photo] });

export const bucketName = bucket.bucket;
export const queueName = events.queueName;
export const pipelineId = pipeline.pipelineId;
export const cartoonFiles = cartoon.outputFiles;
