/**
 * The cases the property-based tests found, shrunk, each kept as it was found: the defect it showed is fixed at its
 * cause, and these keep it fixed whatever the properties' seed.
 */
import assert from "node:assert/strict";
import type { OperationEnv } from "../../../provider/resource/definition";
import { resourceOfToken } from "../../../provider/resources";

const ENV = {} as OperationEnv;
const check = (token: string, news: Record<string, unknown>) =>
  resourceOfToken(token).lifecycle.check({ news, env: ENV });

describe("property regressions: check()", () => {
  it("MediaPipeline cloud \"constructor\" is refused as no cloud, not looked up among Object's members", () => {
    const result = check("mediajobs:index:MediaPipeline", { cloud: "constructor", region: "cn-shanghai",
      name: "transcode-main", notifyConfig: { queueName: "mps-events" } });
    assert.deepEqual(result.failures, [{ property: "cloud",
      reason: "cloud must be one of alicloud, tencentcloud; got \"constructor\"." }]);
  });
});
