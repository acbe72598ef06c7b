// A MediaInfo job and SmartCover covers of one video. Credentials: `pulumi config set --secret tencentcloud:secretId
// …` and `tencentcloud:secretKey` (or TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY); never in resource inputs.
import * as pulumi from "@pulumi/pulumi";
import * as mediajobs from "pulumi-mediajobs";

const config = new pulumi.Config();
const bucket = config.require("bucket");
const video = config.get("video") ?? "videos/clip.mp4";

const info = new mediajobs.CiMediaJob("info", {
  bucket, tag: "MediaInfo", input: { object: video }, operation: {},
});

const covers = new mediajobs.CiMediaJob("covers", {
  bucket, tag: "SmartCover", input: { object: video },
  operation: {
    smartCover: { format: "jpg", width: 1280, height: 720, count: 3 },
    output: { region: new pulumi.Config("tencentcloud").require("region"), bucket, object: "covers/cover-${Number}.jpg" },
  },
});

export const duration = info.mediaInfo.apply((m) => m?.format?.duration);
export const coverObjects = covers.outputObjects.apply((objects) => objects.map((o) => o.object));
