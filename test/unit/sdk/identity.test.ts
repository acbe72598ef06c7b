/**
 * The hidden input `__identity`: the URN the engine gives a dynamic resource, under its parent's types. Computed
 * from a component parent's URN without depending on the component (which would make its children wait for each
 * other forever): several jobs under one component, one using another's output, all register. (Pulumi's mocks name
 * a URN by its immediate parent's type only; the engine's is the whole chain, as here: test/e2e/display.e2e.test.ts
 * compares with the engine's.)
 */
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { CiMediaJob, MediaPipeline } from "../../../sdk";

const registered = new Map<string, Record<string, unknown>>();

class Group extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("test:index:Group", name, {}, opts);
  }
}

describe("SDK: the resource's identity", function () {
  this.timeout(10_000);
  before(async () => {
    await pulumi.runtime.setMocks({
      newResource: (args) => {
        registered.set(args.name, args.inputs);
        return { id: `${args.name}-id`, state: { ...args.inputs, jobId: `${args.name}-id`, state: "Success" } };
      },
      call: () => ({}),
    }, "project", "stack", false);
  });

  it("is the URN under the parents' types, and children of one component do not wait for each other", async () => {
    const outer = new Group("outer");
    const inner = new Group("inner", { parent: outer });
    const queue = new MediaPipeline("queue", { cloud: "tencentcloud", bucket: "b-1250000000" }, { parent: inner });
    const a = new CiMediaJob("a", { bucket: "b-1250000000", tag: "MediaInfo", input: { object: "a.mp4" },
      operation: {}, queueId: queue.pipelineId }, { parent: inner });
    const b = new CiMediaJob("b", { bucket: "b-1250000000", tag: "MediaInfo", input: { object: "b.mp4" },
      operation: {}, triggers: [a.state] }, { parent: inner });
    const top = new CiMediaJob("top", { bucket: "b-1250000000", tag: "MediaInfo", input: { object: "c.mp4" },
      operation: {} });
    const ids = await new Promise<string[]>((resolve) =>
      pulumi.all([queue.id, a.id, b.id, top.id]).apply((v) => { resolve(v); return v; }));
    assert.deepEqual(ids, ["queue-id", "a-id", "b-id", "top-id"]);
    const chain = "test:index:Group$test:index:Group";
    assert.equal(registered.get("a")!.__identity,
      `urn:pulumi:stack::project::${chain}$pulumi-nodejs:dynamic/mediajobs:CiMediaJob::a`);
    assert.equal(registered.get("queue")!.__identity,
      `urn:pulumi:stack::project::${chain}$pulumi-nodejs:dynamic/mediajobs:MediaPipeline::queue`);
    assert.equal(registered.get("top")!.__identity,
      "urn:pulumi:stack::project::pulumi-nodejs:dynamic/mediajobs:CiMediaJob::top");
  });
});
