import assert from "node:assert/strict";
import { checkMediaPipeline, withDefaults } from "../../../provider/media-pipeline/check";
import { createMediaPipelineProvider } from "../../../provider/media-pipeline/provider";
import { checkHelpers } from "../../helpers/check";

const base = (): Record<string, unknown> => ({ cloud: "alicloud", region: "cn-shanghai", name: "transcode-main",
  notifyConfig: { queueName: "mps-events" } });

const { assertOne } = checkHelpers(checkMediaPipeline, base);

describe("MediaPipeline check", () => {
  it("accepts a complete MPS pipeline and fills the documented defaults", () => {
    assert.deepEqual(checkMediaPipeline(base()), []);
    assert.deepEqual(withDefaults(base()), { ...base(), state: "Active", speed: "Standard" });
    assert.equal(withDefaults({ ...base(), state: "Paused" }).state, "Paused");
  });

  it("requires cloud and says plainly that CI queues are not available yet", () => {
    assertOne((a) => { delete a.cloud; }, "cloud", /required/);
    assertOne((a) => { a.cloud = "aws"; }, "cloud", /one of alicloud/);
    assertOne((a) => { a.cloud = "tencentcloud"; }, "cloud", /not available in this version/);
  });

  it("requires name of at most 128 bytes", () => {
    assertOne((a) => { delete a.name; }, "name", /required/);
    assertOne((a) => { a.name = "流".repeat(43); }, "name", /at most 128 bytes \(UTF-8\); got 129/);
  });

  it("checks state, speedLevel and notifyConfig", () => {
    assertOne((a) => { a.state = "Stopped"; }, "state", /Active, Paused/);
    assertOne((a) => { a.speedLevel = 4; }, "speedLevel", /1 to 3/);
    assertOne((a) => { a.notifyConfig = { topic: "t", queueName: "q" }; }, "notifyConfig", /exactly one.*both/);
    assertOne((a) => { a.notifyConfig = {}; }, "notifyConfig", /exactly one.*neither/);
  });
});

describe("MediaPipeline diff", () => {
  const provider = createMediaPipelineProvider(() => {});
  const olds = { ...withDefaults(base()), pipelineId: "p", speedLevel: 1, quotaAllocate: 10, __provider: "x" };

  it("updates name, state, notifyConfig and role in place", async () => {
    for (const change of [{ name: "renamed" }, { state: "Paused" }, { notifyConfig: { topic: "t" } }, { role: "r" }]) {
      const d = await provider.diff!("p", olds, { ...withDefaults(base()), ...change });
      assert.deepEqual([d.changes, d.replaces], [true, []], JSON.stringify(change));
    }
  });

  it("replaces on speed, speedLevel and region", async () => {
    for (const [key, value] of [["speed", "Boost"], ["speedLevel", 2], ["region", "cn-beijing"]] as const) {
      const d = await provider.diff!("p", olds, { ...withDefaults(base()), [key]: value });
      assert.deepEqual(d.replaces, [key]);
    }
  });

  it("sees no change when MPS reports its default speedLevel and nothing else differs", async () => {
    const d = await provider.diff!("p", olds, withDefaults(base()));
    assert.equal(d.changes, false);
  });
});
