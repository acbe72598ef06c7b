import assert from "node:assert/strict";
import { IPRODUCTION_JOB_RESOURCE } from "../../../provider/iproduction-job/resource";
import { ProviderContext } from "../../../provider/lifecycle/provider-context";

describe("IProductionJob diff", () => {
  const env = { ctx: new ProviderContext(), log: () => {}, status: () => {} };
  const inputs = { region: "cn-shanghai", functionName: "Cover", input: "oss://b.oss-cn-shanghai.aliyuncs.com/a.mp4",
    output: "oss://b.oss-cn-shanghai.aliyuncs.com/{sequenceId}.jpg" };
  const recorded = { ...inputs, jobId: "j", state: "Success", code: "0", message: "", outputFiles: [],
    pipelineId: "5e2f75c6f0b8577786131a6244bc4535" };
  const diff = (news: Record<string, unknown>) =>
    IPRODUCTION_JOB_RESOURCE.lifecycle.diff({ id: "j", olds: recorded, news, env });

  it("sees no change when the job ran in the default pipeline MPS chose (pipelineId omitted)", () => {
    assert.equal(diff(inputs).changes, false);
  });

  it("replaces the job when a pipeline is named, or another one", () => {
    assert.deepEqual(diff({ ...inputs, pipelineId: "0123456789abcdef0123456789abcdef" }).replaces, ["pipelineId"]);
  });
});
