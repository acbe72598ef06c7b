// The benchmark's stack (npm run bench): `count` CiMediaJobs (MediaInfo on distinct objects) when `kind` is "jobs"
// (dynamic resources) or "plugin-jobs" (through the provider plugin), or `count` trivial resources (create returns at
// once) as the baseline of the engine's own cost: dynamic ("trivial") or of the bench's own plugin ("plugin-trivial",
// bench/trivial-plugin, which the bench puts on the engine's PATH).
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

/** The same through a provider plugin: bench/trivial-plugin, whose create returns at once. */
class PluginTrivial extends pulumi.CustomResource {
  constructor(name: string, n: number) {
    super("benchtrivial:index:Thing", name, { n });
  }
}

const jobArgs = (i: number) => ({ bucket: "examplebucket-1250000000", region: "ap-guangzhou", tag: "MediaInfo",
  input: { object: `bench/video-${i}.mp4` }, operation: {}, timeoutSeconds: 1800 });
const make: Record<string, (i: number) => pulumi.CustomResource> = {
  "jobs": (i) => new CiMediaJob(`bench-${i}`, jobArgs(i)),
  "plugin-jobs": (i) => new plugin.CiMediaJob(`bench-${i}`, jobArgs(i)),
  "trivial": (i) => new Trivial(`trivial-${i}`, i),
  "plugin-trivial": (i) => new PluginTrivial(`trivial-${i}`, i),
};
if (!make[kind]) throw new Error(`kind must be one of ${Object.keys(make).join(", ")}, not ${kind}`);
const resources = Array.from({ length: count }, (_, i) => make[kind]!(i));

export const ids = pulumi.all(resources.map((r) => r.id));
