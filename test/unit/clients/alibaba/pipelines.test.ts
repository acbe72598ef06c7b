/** MPS pipeline documents → typed values. */
import assert from "node:assert/strict";
import { readPipeline } from "../../../../provider/clients/alibaba/pipelines";

describe("MPS pipeline reader", () => {
  it("reads a pipeline, its numbers as numbers (MPS may send strings) and only the notify fields that are set", () => {
    assert.deepEqual(readPipeline({ Id: "p1", Name: "main", State: "Paused", Speed: "Boost", SpeedLevel: "2",
      QuotaAllocate: 20, Role: "AliyunMTSDefaultRole", NotifyConfig: { Topic: "", QueueName: "mps-events", MqTopic: "",
        MqTag: "" } }), {
      pipelineId: "p1", name: "main", state: "Paused", speed: "Boost", speedLevel: 2, quotaAllocate: 20,
      role: "AliyunMTSDefaultRole", notifyConfig: { queueName: "mps-events" },
    });
  });

  it("leaves out what MPS does not report", () => {
    assert.deepEqual(readPipeline({ Id: "p2", Name: "n", State: "Active", Speed: "Standard", SpeedLevel: "" }),
      { pipelineId: "p2", name: "n", state: "Active", speed: "Standard", notifyConfig: {} });
  });
});
