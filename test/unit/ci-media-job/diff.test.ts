import assert from "node:assert/strict";
import { CI_MEDIA_JOB_RESOURCE } from "../../../provider/ci-media-job/resource";
import { ProviderContext } from "../../../provider/lifecycle/provider-context";

describe("CiMediaJob diff", () => {
  const env = { ctx: new ProviderContext(), log: () => {}, status: () => {} };
  const output = (index: unknown) => ({ region: "ap-guangzhou", bucket: "b-1250000000",
    streamExtract: [{ index, object: "v.h264" }] });
  const inputs = (index: unknown) => ({ bucket: "b-1250000000", region: "ap-guangzhou", tag: "StreamExtract",
    input: { object: "a.mp4" }, operation: { output: output(index) } });
  const diff = (olds: Record<string, unknown>, news: Record<string, unknown>) =>
    CI_MEDIA_JOB_RESOURCE.lifecycle.diff({ id: "j", olds: { ...olds, jobId: "j", state: "Success" }, news, env });

  it("sees no change in a number an earlier version recorded as a string (0.1 kept list elements as given)", () => {
    assert.equal(diff(inputs("0"), inputs(0)).changes, false);
  });

  it("replaces the job when the number itself changes", () => {
    assert.deepEqual(diff(inputs("0"), inputs(1)).replaces, ["operation"]);
  });
});
