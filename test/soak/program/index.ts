// The soak stack: `jobs` CiMediaJobs (MediaInfo on distinct objects), in the dynamic form or, with `form=plugin`,
// through the provider plugin: the same stack shape for both forms of test/soak/soak.ts.
import * as pulumi from "@pulumi/pulumi";
import * as dynamicForm from "pulumi-mediajobs";
import * as pluginForm from "pulumi-mediajobs/plugin";

const config = new pulumi.Config();
const m = config.get("form") === "plugin" ? pluginForm : dynamicForm;
const count = config.requireNumber("jobs");
const bucket = "examplebucket-1250000000";

const jobs = Array.from({ length: count }, (_, i) => new m.CiMediaJob(`soak-${i}`, {
  bucket, region: "ap-guangzhou", tag: "MediaInfo", input: { object: `soak/video-${i}.mp4` }, operation: {},
  timeoutSeconds: 600,
}));

export const jobIds = pulumi.all(jobs.map((j) => j.jobId));
export const states = pulumi.all(jobs.map((j) => j.state));
