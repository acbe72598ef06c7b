// The benchmark's stack (npm run bench): `count` CiMediaJobs (MediaInfo on distinct objects) when `kind` is "jobs"
// (dynamic resources) or "plugin-jobs" (through the provider plugin), or `count` trivial dynamic resources (create
// returns at once) as the baseline of the engine's own cost.
import * as pulumi from "@pulumi/pulumi";
import { CiMediaJob } from "pulumi-mediajobs";
import * as plugin from "pulumi-mediajobs/plugin";

const config = new pulumi.Config();
const count = config.requireNumber("count");
const kind = config.require("kind");

/** The cheapest dynamic resource there is: what the engine costs per resource, with nothing behind it. */
const trivialProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `trivial-${String(inputs.n)}`, outs: inputs };
  },
};

class Trivial extends pulumi.dynamic.Resource {
  constructor(name: string, n: number) {
    super(trivialProvider, name, { n }, {});
  }
}

const jobArgs = (i: number) => ({ bucket: "examplebucket-1250000000", region: "ap-guangzhou", tag: "MediaInfo",
  input: { object: `bench/video-${i}.mp4` }, operation: {}, timeoutSeconds: 1800 });
const resources = Array.from({ length: count }, (_, i) => kind === "jobs" ? new CiMediaJob(`bench-${i}`, jobArgs(i))
  : kind === "plugin-jobs" ? new plugin.CiMediaJob(`bench-${i}`, jobArgs(i))
    : new Trivial(`trivial-${i}`, i));

export const ids = pulumi.all(resources.map((r) => r.id));
