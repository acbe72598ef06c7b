// Two explicit mediajobs providers in one stack: two Tencent Cloud accounts in two regions, each job signed with
// its own provider's keys. `run` starts new jobs; `createTimeout` sets the program's customTimeouts.create.
import * as pulumi from "@pulumi/pulumi";
import * as mediajobs from "pulumi-mediajobs/plugin";

const config = new pulumi.Config();
const endpoint = config.require("endpoint");
const run = config.get("run") ?? "1";
const createTimeout = config.get("createTimeout");

const accounts = [
  { name: "a", region: "ap-guangzhou", bucket: "bucketa-1250000000" },
  { name: "b", region: "ap-beijing", bucket: "bucketb-1250000001" },
];

export const jobs = accounts.map(({ name, region, bucket }) => {
  const provider = new mediajobs.Provider(`account-${name}`, {
    ciEndpoint: endpoint,
    tencentcloudSecretId: config.requireSecret(`secretId-${name}`),
    tencentcloudSecretKey: config.requireSecret(`secretKey-${name}`),
    tencentcloudRegion: region,
  });
  const job = new mediajobs.CiMediaJob(`info-${name}`, {
    bucket, tag: "MediaInfo", input: { object: `videos/${name}.mp4` }, operation: {}, triggers: [run],
  }, { provider, ...(createTimeout ? { customTimeouts: { create: createTimeout } } : {}) });
  return { account: name, jobId: job.jobId, state: job.state };
});
