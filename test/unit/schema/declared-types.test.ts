/**
 * The TypeScript types derived from the declarations (provider/schema/declare.ts: InputsOf, ComputedOf, OutputsOf,
 * ObjectValue). Most of this file is checked by the compiler: each `@ts-expect-error` line must be refused, and
 * every other line accepted, or `npm run build` fails. The runtime part checks what the types stand for.
 */
import assert from "node:assert/strict";
import type { CiMediaJobComputed, CiMediaJobInputs, CiOperation } from "../../../provider/ci-media-job/shape";
import type { ChildJobSummary, InventoryTriggerJobInputs } from "../../../provider/inventory-trigger-job/shape";
import type { IProductionJobInputs } from "../../../provider/iproduction-job/shape";
import {
  AlicloudNotifyConfig, AlicloudPipelineComputed, MEDIA_PIPELINE, MediaPipelineInputs, QueueSettings,
  TencentcloudPipelineComputed,
} from "../../../provider/media-pipeline/shape";
import { object, ObjectValue, opt, req, t, VariantCase } from "../../../provider/schema/declare";

const FIELDS = { a: req(t.string(), "a"), b: opt(t.integer(), "b"), c: opt(t.array(t.map(t.boolean())), "c") };
const CLOSED = object("Closed", "closed", FIELDS);
const OPEN = object("Open", "open", FIELDS, { open: true });
const NESTED = object("Nested", "nested", { inner: req(t.object(CLOSED), "inner"), any: opt(t.any(), "any"),
  either: opt(t.oneOf(t.integer(), t.string()), "either") });

export const typed: ObjectValue<typeof CLOSED>[] = [{ a: "x" }, { a: "x", b: 1, c: [{ on: true }] }];
// @ts-expect-error a required property is required
export const missing: ObjectValue<typeof CLOSED> = { b: 1 };
// @ts-expect-error a closed object takes no other field
export const extra: ObjectValue<typeof CLOSED> = { a: "x", other: 1 };
// @ts-expect-error an integer is a number
export const wrongKind: ObjectValue<typeof CLOSED> = { a: "x", b: "1" };
export const open: ObjectValue<typeof OPEN> = { a: "x", other: { anything: [1] } };
export const nested: ObjectValue<typeof NESTED>[] = [{ inner: { a: "x" }, any: [1, "2"], either: 3 }, { inner: { a: "y" },
  either: "4" }];
// @ts-expect-error a nested closed object takes no other field
export const nestedExtra: ObjectValue<typeof NESTED> = { inner: { a: "x", other: 1 } };

// MediaPipeline: one type per cloud, each with its own inputs, required ones and notify fields.
export const pipelines: MediaPipelineInputs[] = [
  { cloud: "alicloud", name: "p", notifyConfig: { topic: "t" }, speedLevel: 2 },
  { cloud: "tencentcloud", bucket: "b-1250000000", notifyConfig: { url: "https://x", state: "On" } },
];
// @ts-expect-error bucket is a CI queue's input, not an MPS pipeline's
export const aliBucket: MediaPipelineInputs = { cloud: "alicloud", name: "p", bucket: "b" };
// @ts-expect-error an MPS pipeline needs a name
export const aliNoName: MediaPipelineInputs = { cloud: "alicloud" };
// @ts-expect-error an MPS pipeline's notification is an MNS topic or queue, not a URL
export const aliUrl: MediaPipelineInputs = { cloud: "alicloud", name: "p", notifyConfig: { url: "https://x" } };
// @ts-expect-error a CI queue is adopted from a bucket
export const ciNoBucket: MediaPipelineInputs = { cloud: "tencentcloud" };
export const aliNotify: AlicloudNotifyConfig = { queueName: "q" };
export const settings: QueueSettings = { name: "n", state: "Active", notifyConfig: {} };
// @ts-expect-error the two clouds report different outputs
export const crossed: TencentcloudPipelineComputed = {} as AlicloudPipelineComputed;

// The jobs: the vendors' requests in camelCase.
export const ciJob: CiMediaJobInputs = { bucket: "b-1250000000", tag: "SmartCover", input: { object: "a.mp4" },
  operation: { smartCover: { count: 3 }, output: { region: "r", bucket: "b", object: "c-${Number}.jpg" },
    // CiOperation is open: other tags' nodes are passed through.
    voiceSeparate: { audioMode: "IsAudio" }, futureTag: { x: 1 } }, triggers: [1, "a"], timeoutSeconds: 60 };
// @ts-expect-error input.object is required
export const ciNoObject: CiMediaJobInputs = { bucket: "b", tag: "x", input: {}, operation: {} };
// @ts-expect-error smartCover is a closed node
export const ciCoverExtra: CiOperation = { smartCover: { count: 3, other: 1 } };
export const computed: CiMediaJobComputed = { jobId: "j", state: "Success", code: "Success", message: "",
  creationTime: "", startTime: "", endTime: "", queueId: "p", outputObjects: [], spriteObjects: [] };
export const batch: InventoryTriggerJobInputs = { bucket: "b-1250000000", name: "n", input: { prefix: "p/" },
  operation: { workflowIds: ["w1"] } };
export const summary: ChildJobSummary = { total: 1, byState: { Success: 1 }, failed: [], truncated: false };
export const mps: IProductionJobInputs = { functionName: "Cover", jobParams: { Model: "" }, scheduleParams: "{}" };

describe("types derived from the declarations", () => {
  it("MediaPipeline's cases partition its declared inputs (each input belongs to a case)", () => {
    const { cases, key } = MEDIA_PIPELINE.variants!;
    const covered = new Set([key, ...Object.values(cases).flatMap((c) => c.inputs)]);
    assert.deepEqual([...covered].sort(), Object.keys(MEDIA_PIPELINE.inputs).sort());
    const outputs = new Set(Object.values(cases).flatMap((c) => c.outputs));
    assert.deepEqual([...outputs].sort(), Object.keys(MEDIA_PIPELINE.outputs).sort());
  });

  it("every case's required inputs and narrowed fields are among its own and the declared ones", () => {
    const cases: Record<string, VariantCase> = MEDIA_PIPELINE.variants!.cases;
    for (const [name, c] of Object.entries(cases)) {
      for (const r of c.required ?? []) assert.ok(c.inputs.includes(r), `${name}: ${r}`);
      for (const r of c.requiredOutputs ?? []) assert.ok(c.outputs.includes(r), `${name}: ${r}`);
      for (const [property, fields] of Object.entries(c.fields ?? {})) {
        const declared = MEDIA_PIPELINE.inputs[property as keyof typeof MEDIA_PIPELINE.inputs].type;
        assert.equal(declared.kind, "object", `${name}: ${property}`);
        const known = Object.keys((declared as { object: { properties: object } }).object.properties);
        for (const f of fields) assert.ok(known.includes(f), `${name}: ${property}.${f}`);
      }
    }
  });
});
