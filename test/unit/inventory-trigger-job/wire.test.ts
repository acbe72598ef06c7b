import assert from "node:assert/strict";
import { readMediaJob } from "../../../provider/clients/tencent/media-jobs";
import { outputPrefixes, outputsOfBatch, MAX_FAILED_LISTED, summarize } from "../../../provider/inventory-trigger-job/wire";
import { readBatchJob } from "../../../provider/clients/tencent/batch-jobs";

const child = (i: number, state: string) => ({ ...readMediaJob({}), jobId: `j${i}`, state, inputObject: `in/${i}.mp4`,
  code: state === "Failed" ? "InvalidInput" : "", message: state === "Failed" ? "damaged" : "" });

describe("InventoryTriggerJob outputs", () => {
  it("count child jobs by state and name the failed objects with their codes", () => {
    assert.deepEqual(summarize([child(1, "Success"), child(2, "Failed"), child(3, "Success"), child(4, "")], true), {
      total: 4, byState: { Success: 2, Failed: 1, Unknown: 1 },
      failed: [{ jobId: "j2", object: "in/2.mp4", code: "InvalidInput", message: "damaged" }], truncated: false,
    });
  });

  it(`name at most ${MAX_FAILED_LISTED} failed objects, and say when the list or the listing is cut short`, () => {
    const many = Array.from({ length: 25 }, (_, i) => child(i, "Failed"));
    const summary = summarize(many, true);
    assert.equal(summary.failed.length, MAX_FAILED_LISTED);
    assert.equal(summary.byState.Failed, 25);
    assert.equal(summary.truncated, true);
    assert.equal(summarize([child(1, "Success")], false).truncated, true, "more children than were read");
  });

  it("give the batch's times under `times`", () => {
    const batch = { ...readBatchJob({}), jobId: "b1", state: "Running", progress: "50%", creationTime: "c",
      startTime: "s", endTime: "-" };
    assert.deepEqual(outputsOfBatch(batch), { jobId: "b1", state: "Running", progress: "50%", code: "", message: "",
      times: { creationTime: "c", startTime: "s", endTime: "-" } });
  });
});

describe("InventoryTriggerJob output prefixes (refresh of a batch the cloud forgot)", () => {
  const output = { region: "ap-guangzhou", bucket: "out-1250000000" };
  it("cuts each output name at its first placeholder other than the batch id, once each", () => {
    assert.deepEqual(outputPrefixes({ ...output, object: "out/${InventoryTriggerJobId}/${jobid}.mp4",
      spriteObject: "out/${InventoryTriggerJobId}/sprite-${Number}.jpg", auObject: "voice/${jobid}.mp3",
      streamExtract: [{ index: 0, object: "out/${InventoryTriggerJobId}/${jobid}-0.mp4" }] }, "b12"),
    ["out/b12/", "out/b12/sprite-", "voice/"]);
  });
  it("gives no prefix for a name that starts with a placeholder, and the whole name when it has none", () => {
    assert.deepEqual(outputPrefixes({ ...output, object: "${InputName}.mp4" }, "b1"), []);
    assert.deepEqual(outputPrefixes({ ...output, object: "fixed/result.mp4" }, "b1"), ["fixed/result.mp4"]);
    assert.deepEqual(outputPrefixes(output, "b1"), []);
  });
});
