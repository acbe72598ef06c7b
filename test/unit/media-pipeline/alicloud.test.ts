import assert from "node:assert/strict";
import { outputsOfPipeline } from "../../../provider/media-pipeline/alicloud";

describe("MediaPipeline (MPS) outputs", () => {
  it("show only the notify fields a program sets (topic, queueName), so refresh shows no drift in the others", () => {
    assert.deepEqual(outputsOfPipeline({ pipelineId: "p", name: "n", state: "Active", speed: "Standard", speedLevel: 1,
      quotaAllocate: 10, notifyConfig: { queueName: "q", mqTopic: "t", mqTag: "x" } }),
    { pipelineId: "p", name: "n", state: "Active", speed: "Standard", speedLevel: 1, quotaAllocate: 10,
      notifyConfig: { queueName: "q" } });
    assert.equal(outputsOfPipeline({ pipelineId: "p", name: "n", state: "Active", speed: "", notifyConfig: {} }).notifyConfig,
      undefined);
  });
});
