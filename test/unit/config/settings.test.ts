import assert from "node:assert/strict";
import { ConfigurationError } from "../../../provider/errors";
import {
  alibabaCredentials, alibabaRegion, tencentCredentials, tencentRegion, useStackConfig,
} from "../../../provider/config/settings";

const VARS = ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SECURITY_TOKEN", "TENCENTCLOUD_REGION",
  "ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  "ALICLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_REGION", "ALIBABA_CLOUD_REGION"];

describe("settings", () => {
  let saved: Record<string, string | undefined>;
  beforeEach(() => {
    saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
    for (const v of VARS) delete process.env[v];
    useStackConfig(undefined);
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    useStackConfig(undefined);
  });

  it("names every config key and variable when credentials are missing, and nothing secret", () => {
    assert.throws(tencentCredentials, (e: Error) => e instanceof ConfigurationError &&
      e.message.includes("tencentcloud:secretId") && e.message.includes("$TENCENTCLOUD_SECRET_ID") &&
      e.message.includes("tencentcloud:secretKey") && e.message.includes("$TENCENTCLOUD_SECRET_KEY"));
  });

  it("names only the missing half", () => {
    process.env.TENCENTCLOUD_SECRET_ID = "AKIDtest";
    assert.throws(tencentCredentials, (e: Error) => !e.message.includes("secretId") && e.message.includes("secretKey") &&
      !e.message.includes("AKIDtest"));
  });

  it("prefers the stack config over the environment, read at call time", () => {
    process.env.TENCENTCLOUD_SECRET_ID = "env-id";
    process.env.TENCENTCLOUD_SECRET_KEY = "env-key";
    assert.deepEqual(tencentCredentials(), { secretId: "env-id", secretKey: "env-key" });
    const config = new Map([["tencentcloud:secretId", "cfg-id"], ["tencentcloud:secretKey", "cfg-key"],
      ["tencentcloud:securityToken", "tok"]]);
    useStackConfig({ get: (k) => config.get(k) });
    assert.deepEqual(tencentCredentials(), { secretId: "cfg-id", secretKey: "cfg-key", securityToken: "tok" });
  });

  it("lets the resource's region win over config and environment", () => {
    process.env.TENCENTCLOUD_REGION = "ap-beijing";
    assert.equal(tencentRegion(undefined), "ap-beijing");
    assert.equal(tencentRegion("ap-shanghai"), "ap-shanghai");
    delete process.env.TENCENTCLOUD_REGION;
    assert.throws(() => tencentRegion(undefined), /tencentcloud:region/);
  });

  it("names the Alibaba config key and both env vars of a missing key, in one error", () => {
    process.env.ALICLOUD_ACCESS_KEY = "id-from-env";
    assert.throws(alibabaCredentials, (e: Error) => e instanceof ConfigurationError &&
      /alicloud:secretKey/.test(e.message) && /\$ALICLOUD_SECRET_KEY/.test(e.message) &&
      /\$ALIBABA_CLOUD_ACCESS_KEY_SECRET/.test(e.message) && !/alicloud:accessKey/.test(e.message) &&
      !e.message.includes("id-from-env"));
  });

  it("takes the first Alibaba env var that is set, and the STS token", () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "second";
    process.env.ALICLOUD_ACCESS_KEY = "first";
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = "secret";
    process.env.ALIBABA_CLOUD_SECURITY_TOKEN = "sts";
    assert.deepEqual(alibabaCredentials(), { accessKeyId: "first", accessKeySecret: "secret", securityToken: "sts" });
    process.env.ALIBABA_CLOUD_REGION = "cn-hangzhou";
    assert.equal(alibabaRegion(undefined), "cn-hangzhou");
    assert.equal(alibabaRegion("cn-shanghai"), "cn-shanghai");
  });
});
