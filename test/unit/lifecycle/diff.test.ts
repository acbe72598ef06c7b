import assert from "node:assert/strict";
import { diffInputs, diffJob } from "../../../provider/lifecycle/diff";
import { UNKNOWN } from "../../../provider/check/checker";

const NAMES = ["bucket", "tag", "input", "operation", "queueId", "triggers", "timeoutSeconds", "skipAwait",
  "deleteOutputsOnDestroy"];
const olds = {
  __provider: "old code", bucket: "b-1", tag: "SmartCover", input: { object: "a.mp4" }, operation: { jobLevel: 1 },
  timeoutSeconds: 60, jobId: "j1", state: "Success", queueId: "pdefault", outputObjects: [],
};
const news = () => ({ __provider: "new code", bucket: "b-1", tag: "SmartCover", input: { object: "a.mp4" },
  operation: { jobLevel: 1 }, timeoutSeconds: 60 } as Record<string, unknown>);
const diff = (n: Record<string, unknown>) => diffJob(olds, n, { inputNames: NAMES, defaultedByCloud: new Set(["queueId"]) });

describe("job diff", () => {
  it("reports no change when only __provider and outputs differ", () => {
    assert.deepEqual(diff(news()), { changes: false, replaces: [], updates: [], deleteBeforeReplace: false });
  });

  it("replaces on a change of a job input, naming it", () => {
    const n = news();
    n.input = { object: "b.mp4" };
    assert.deepEqual(diff(n).replaces, ["input"]);
  });

  it("replaces on a nested change", () => {
    const n = news();
    n.operation = { jobLevel: 2 };
    assert.deepEqual(diff(n), { changes: true, replaces: ["operation"], updates: [], deleteBeforeReplace: false });
  });

  it("replaces when triggers change", () => {
    const n = news();
    n.triggers = ["v2"];
    assert.deepEqual(diff(n).replaces, ["triggers"]);
  });

  it("updates in place when only the waiting knobs change", () => {
    const n = news();
    n.timeoutSeconds = 120;
    n.skipAwait = true;
    assert.deepEqual(diff(n), { changes: true, replaces: [], updates: ["timeoutSeconds", "skipAwait"],
      deleteBeforeReplace: false });
  });

  it("updates deleteOutputsOnDestroy in place", () => {
    const n = news();
    n.deleteOutputsOnDestroy = true;
    assert.deepEqual(diff(n), { changes: true, replaces: [], updates: ["deleteOutputsOnDestroy"],
      deleteBeforeReplace: false });
  });

  it("deletes before replacing a job whose outputs its delete removes (the new job writes the same names)", () => {
    const n = { ...news(), triggers: ["v2"], deleteOutputsOnDestroy: true };
    const opts = { inputNames: NAMES, defaultedByCloud: new Set(["queueId"]) };
    const withFlag = diffJob({ ...olds, deleteOutputsOnDestroy: true }, n, opts);
    assert.deepEqual(withFlag.replaces, ["triggers"]);
    assert.equal(withFlag.deleteBeforeReplace, true);
    // Only the old job's setting counts: its delete is what removes objects.
    assert.equal(diffJob(olds, n, opts).deleteBeforeReplace, false);
  });

  it("does not treat the cloud's default queue as a change when queueId is omitted", () => {
    assert.equal(diff(news()).changes, false);
    const n = news();
    n.queueId = "pother";
    assert.deepEqual(diff(n).replaces, ["queueId"]);
  });

  it("treats an unknown value as a replacement during preview", () => {
    const n = news();
    n.bucket = UNKNOWN;
    assert.deepEqual(diff(n).replaces, ["bucket"]);
  });
});

describe("input diff with an implied value", () => {
  const opts = { inputNames: ["name", "region"], updatable: new Set(["name"]), implied: { region: "cn-shanghai" } };

  it("treats an omitted input and the value it stands for as the same, either way round", () => {
    assert.equal(diffInputs({ name: "a" }, { name: "a", region: "cn-shanghai" }, opts).changes, false);
    assert.equal(diffInputs({ name: "a", region: "cn-shanghai" }, { name: "a" }, opts).changes, false);
  });

  it("still replaces for any other value", () => {
    assert.deepEqual(diffInputs({ name: "a" }, { name: "a", region: "cn-beijing" }, opts).replaces, ["region"]);
  });
});
