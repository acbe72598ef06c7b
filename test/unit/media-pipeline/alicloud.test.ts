import assert from "node:assert/strict";
import { computedOf } from "../../../provider/media-pipeline/alicloud";

describe("MediaPipeline (MPS) outputs", () => {
  it("show only the notify fields a program sets (topic, queueName), so refresh shows no drift in the others", () => {
    assert.deepEqual(computedOf({ pipelineId: "p", name: "n", state: "Active", speed: "Standard", speedLevel: 1,
      quotaAllocate: 10, notifyConfig: { queueName: "q", mqTopic: "t", mqTag: "x" } }),
    { pipelineId: "p", name: "n", state: "Active", speed: "Standard", speedLevel: 1, quotaAllocate: 10,
      notifyConfig: { queueName: "q" } });
    assert.equal(computedOf({ pipelineId: "p", name: "n", state: "Active", speed: "", notifyConfig: {} }).notifyConfig,
      undefined);
  });
});
