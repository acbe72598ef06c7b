/**
 * `pulumi-resource-benchtrivial`: the cheapest provider plugin there is, for the benchmark's plugin baseline (N
 * trivial resources of a plugin: the engine's own cost per plugin resource, with nothing behind it). It is served by
 * the SDK's own provider server, so what it costs is the engine's and the SDK's, not ours.
 */
import * as provider from "@pulumi/pulumi/provider";

const trivial: provider.Provider = {
  version: "0.0.1",
  async check(_urn, _olds, news) {
    return { inputs: news };
  },
  async diff() {
    return { changes: false };
  },
  async create(_urn, inputs) {
    return { id: `trivial-${String(inputs.n)}`, outs: inputs };
  },
  async read(id, _urn, props) {
    return { id, props };
  },
  async delete() {
    // Nothing exists behind a trivial resource.
  },
};

if (require.main === module) void provider.main(trivial, process.argv.slice(2));
