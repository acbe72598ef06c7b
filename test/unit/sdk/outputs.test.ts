/**
 * Every output the provider returns can be read from the resource in a program: the SDK class registers each one
 * (a name it does not register is `undefined` on the resource, whatever the provider returns).
 */
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { CiMediaJob, InventoryTriggerJob, IProductionJob, MediaPipeline } from "../../../sdk";
import { CI_MEDIA_JOB_SHAPE } from "../../../provider/ci-media-job/shape";
import { INVENTORY_TRIGGER_JOB_SHAPE } from "../../../provider/inventory-trigger-job/shape";
import { IPRODUCTION_JOB_SHAPE } from "../../../provider/iproduction-job/shape";
import { MEDIA_PIPELINE_SHAPE } from "../../../provider/media-pipeline/shape";

type Props = Record<string, unknown>;

/** What the mocked provider returns for each output: a value that names it. */
const reported = (name: string) => `reported ${name}`;

function valueOf(output: unknown): Promise<unknown> {
  return new Promise((resolve) => (output as pulumi.Output<unknown>).apply((v) => { resolve(v); return v; }));
}

/** `idOutput` is the output that is the resource's id (known while an update is previewed). */
const RESOURCES: { name: string; outputs: readonly string[]; idOutput: string; make: () => pulumi.CustomResource }[] = [
  { name: "CiMediaJob", outputs: CI_MEDIA_JOB_SHAPE.outputs, idOutput: "jobId", make: () => new CiMediaJob("CiMediaJob", {
    bucket: "examplebucket-1250000000", tag: "MediaInfo", input: { object: "a.mp4" }, operation: {} }) },
  { name: "InventoryTriggerJob", outputs: INVENTORY_TRIGGER_JOB_SHAPE.outputs, idOutput: "jobId", make: () => new InventoryTriggerJob(
    "InventoryTriggerJob", { bucket: "examplebucket-1250000000", name: "b", input: { prefix: "in/" }, operation: {} }) },
  { name: "IProductionJob", outputs: IPRODUCTION_JOB_SHAPE.outputs, idOutput: "jobId", make: () => new IProductionJob("IProductionJob",
    { functionName: "Cover" }) },
  { name: "MediaPipeline", outputs: MEDIA_PIPELINE_SHAPE.outputs, idOutput: "pipelineId", make: () => new MediaPipeline("MediaPipeline",
    { cloud: "alicloud", name: "p" }) },
];

describe("SDK classes expose every output", () => {
  before(async () => {
    await pulumi.runtime.setMocks({
      newResource: (args) => {
        const outputs = RESOURCES.flatMap((r) => r.outputs);
        return { id: `${args.name}-id`, state: { ...args.inputs, ...Object.fromEntries(outputs.map((n) => [n, reported(n)])) } };
      },
      call: () => ({}),
    }, "project", "stack", false);
  });

  for (const resource of RESOURCES) {
    it(`${resource.name}: ${resource.outputs.length} outputs`, async () => {
      const instance = resource.make() as unknown as Props;
      for (const name of resource.outputs) {
        assert.ok(pulumi.Output.isInstance(instance[name]), `${resource.name}.${name} is not registered`);
        const value = await valueOf(instance[name]);
        const expected = name === resource.idOutput ? `${resource.name}-id` : reported(name);
        assert.equal(value, expected, `${resource.name}.${name}`);
      }
    });
  }
});
