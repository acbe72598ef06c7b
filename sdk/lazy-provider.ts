import type * as dynamic from "@pulumi/pulumi/dynamic";

/**
 * The provider object serialized into every resource's state (`__provider`). It stays a few hundred bytes:
 * each method requires the implementation by package name at call time, so no client, module or credential is
 * captured (design §4). `name` is the only captured value.
 */
export function lazyProvider(
  name: "ciMediaJobProvider" | "iproductionJobProvider" | "mediaPipelineProvider" | "inventoryTriggerJobProvider",
): dynamic.ResourceProvider {
  return {
    configure: (req) => require("pulumi-mediajobs/provider")[name].configure(req),
    check: (olds, news) => require("pulumi-mediajobs/provider")[name].check(olds, news),
    diff: (id, olds, news) => require("pulumi-mediajobs/provider")[name].diff(id, olds, news),
    create: (inputs) => require("pulumi-mediajobs/provider")[name].create(inputs),
    read: (id, props) => require("pulumi-mediajobs/provider")[name].read(id, props),
    update: (id, olds, news) => require("pulumi-mediajobs/provider")[name].update(id, olds, news),
    delete: (id, props) => require("pulumi-mediajobs/provider")[name].delete(id, props),
  };
}
