// The soak stack: `jobs` CiMediaJobs (MediaInfo on distinct objects).
import * as pulumi from "@pulumi/pulumi";
import { CiMediaJob } from "pulumi-mediajobs";

const config = new pulumi.Config();
const count = config.requireNumber("jobs");
const bucket = "examplebucket-1250000000";

const jobs = Array.from({ length: count }, (_, i) => new CiMediaJob(`soak-${i}`, {
  bucket, region: "ap-guangzhou", tag: "MediaInfo", input: { object: `soak/video-${i}.mp4` }, operation: {},
  timeoutSeconds: 600,
}));

export const jobIds = pulumi.all(jobs.map((j) => j.jobId));
export const states = pulumi.all(jobs.map((j) => j.state));
