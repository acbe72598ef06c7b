import assert from "node:assert/strict";
import { ConfigurationError } from "../../../provider/errors";
import { Settings } from "../../../provider/config/settings";

/** Settings over a given environment (never the process's), optionally with a stack config. */
function settings(env: Record<string, string>, config?: Record<string, string>): Settings {
  const s = new Settings(env);
  if (config) s.useStackConfig({ get: (k) => config[k] });
  return s;
}

describe("settings", () => {
  it("names every config key and variable when credentials are missing, and nothing secret", () => {
    assert.throws(() => settings({}).tencentCredentials(), (e: Error) => e instanceof ConfigurationError &&
      e.message.includes("tencentcloud:secretId") && e.message.includes("$TENCENTCLOUD_SECRET_ID") &&
      e.message.includes("tencentcloud:secretKey") && e.message.includes("$TENCENTCLOUD_SECRET_KEY"));
  });

  it("names only the missing half", () => {
    assert.throws(() => settings({ TENCENTCLOUD_SECRET_ID: "AKIDtest" }).tencentCredentials(),
      (e: Error) => !e.message.includes("secretId") && e.message.includes("secretKey") && !e.message.includes("AKIDtest"));
  });

  it("prefers the stack config over the environment, read at call time", () => {
    const env = { TENCENTCLOUD_SECRET_ID: "env-id", TENCENTCLOUD_SECRET_KEY: "env-key" };
    const s = settings(env);
    assert.deepEqual(s.tencentCredentials(), { keyId: "env-id", secret: "env-key" });
    s.useStackConfig({ get: (k) => ({ "tencentcloud:secretId": "cfg-id", "tencentcloud:secretKey": "cfg-key",
      "tencentcloud:securityToken": "tok" } as Record<string, string>)[k] });
    assert.deepEqual(s.tencentCredentials(), { keyId: "cfg-id", secret: "cfg-key", securityToken: "tok" });
    s.useStackConfig(undefined);
    assert.deepEqual(s.tencentCredentials(), { keyId: "env-id", secret: "env-key" }, "back to the environment");
  });

  it("lets the resource's region win over config and environment", () => {
    const s = settings({ TENCENTCLOUD_REGION: "ap-beijing" });
    assert.equal(s.tencentRegion(undefined), "ap-beijing");
    assert.equal(s.tencentRegion("ap-shanghai"), "ap-shanghai");
    assert.throws(() => settings({}).tencentRegion(undefined), /tencentcloud:region/);
    assert.equal(settings({}, { "tencentcloud:region": "ap-chengdu" }).tencentRegion(undefined), "ap-chengdu");
  });

  it("names the Alibaba config key and both env vars of a missing key, in one error", () => {
    assert.throws(() => settings({ ALICLOUD_ACCESS_KEY: "id-from-env" }).alibabaCredentials(),
      (e: Error) => e instanceof ConfigurationError &&
      /alicloud:secretKey/.test(e.message) && /\$ALICLOUD_SECRET_KEY/.test(e.message) &&
      /\$ALIBABA_CLOUD_ACCESS_KEY_SECRET/.test(e.message) && !/alicloud:accessKey/.test(e.message) &&
      !e.message.includes("id-from-env"));
  });

  it("takes the first Alibaba env var that is set, and the STS token", () => {
    const s = settings({ ALIBABA_CLOUD_ACCESS_KEY_ID: "second", ALICLOUD_ACCESS_KEY: "first",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret", ALIBABA_CLOUD_SECURITY_TOKEN: "sts", ALIBABA_CLOUD_REGION: "cn-hangzhou" });
    assert.deepEqual(s.alibabaCredentials(), { keyId: "first", secret: "secret", securityToken: "sts" });
    assert.equal(s.alibabaRegion(undefined), "cn-hangzhou");
    assert.equal(s.alibabaRegion("cn-shanghai"), "cn-shanghai");
  });

  it("reads the rate limit and the endpoint overrides, refusing a rate that is not a positive number", () => {
    assert.equal(settings({}).maxRequestsPerSecond(), 100);
    assert.equal(settings({ MEDIAJOBS_MAX_REQUESTS_PER_SECOND: "20" }).maxRequestsPerSecond(), 20);
    assert.equal(settings({}, { "mediajobs:maxRequestsPerSecond": "5" }).maxRequestsPerSecond(), 5);
    assert.throws(() => settings({ MEDIAJOBS_MAX_REQUESTS_PER_SECOND: "fast" }).maxRequestsPerSecond(),
      (e: Error) => e instanceof ConfigurationError && /positive number of requests per second; got "fast"/.test(e.message));
    const s = settings({ MEDIAJOBS_CI_ENDPOINT: "http://127.0.0.1:1" }, { "mediajobs:mpsEndpoint": "http://127.0.0.1:2" });
    assert.equal(s.ciEndpointOverride(), "http://127.0.0.1:1");
    assert.equal(s.mpsEndpointOverride(), "http://127.0.0.1:2");
  });
});
