/** What a provider process shares of credentials: one source per plan, a new plan when the settings change. */
import assert from "node:assert/strict";
import { Settings } from "../../../provider/config/settings";
import { ProviderContext } from "../../../provider/lifecycle/provider-context";
import { resourceOfToken } from "../../../provider/resources";

describe("credentials in the provider context", () => {
  it("gives every client the same renewed source until the config or the credential variables change", async () => {
    const env: NodeJS.ProcessEnv = { HOME: "/nonexistent", TENCENTCLOUD_SECRET_ID: "id-1", TENCENTCLOUD_SECRET_KEY: "k-1" };
    const settings = new Settings(env);
    const ctx = new ProviderContext({ settings });
    const first = ctx.credentials("tencent");
    assert.equal(ctx.credentials("tencent"), first, "one source for every client");
    assert.equal((await first.get()).keyId, "id-1");
    env.TENCENTCLOUD_SECRET_ID = "id-2";
    const rotated = ctx.credentials("tencent");
    assert.notEqual(rotated, first, "a changed variable is a new plan");
    assert.equal((await rotated.get()).keyId, "id-2");
    settings.useStackConfig({ get: (k) => ({ "tencentcloud:secretId": "cfg-id", "tencentcloud:secretKey": "cfg-k" } as
      Record<string, string>)[k] });
    assert.equal((await ctx.credentials("tencent").get()).keyId, "cfg-id", "a new configuration is a new plan");
    await ctx.close();
  });

  it("plans again when a variable the plan read changes or appears, and not for any other variable", async () => {
    const env: NodeJS.ProcessEnv = { HOME: "/nonexistent" };
    const ctx = new ProviderContext({ settings: new Settings(env) });
    const none = ctx.credentialPlan("tencent");
    assert.equal(ctx.credentialPlan("tencent"), none, "the same plan while nothing changes");
    env.SOMETHING_ELSE = "x";
    env.ALIBABA_CLOUD_ACCESS_KEY_ID = "another cloud's";
    assert.equal(ctx.credentialPlan("tencent"), none, "variables the plan does not read change nothing");
    env.TENCENTCLOUD_SECRET_ID = "id-1";
    env.TENCENTCLOUD_SECRET_KEY = "k-1";
    const keys = ctx.credentialPlan("tencent");
    assert.notEqual(keys, none, "variables that were absent are read too");
    assert.equal((await ctx.credentials("tencent").get()).keyId, "id-1");
    env.TENCENTCLOUD_SECURITY_TOKEN = "token";
    assert.notEqual(ctx.credentialPlan("tencent"), keys, "a token added to the keys is a new plan");
    assert.equal((await ctx.credentials("tencent").get()).securityToken, "token");
    await ctx.close();
  });

  it("tells which environment variables a computation read, or that it listed them all", () => {
    const env: NodeJS.ProcessEnv = { HOME: "/h", A: "1" };
    const settings = new Settings(env);
    const { value, read } = settings.readingEnvironment(() => `${settings.environment.A}${"B" in settings.environment}`);
    assert.equal(value, "1false");
    assert.deepEqual(read && [...read], [["A", "1"], ["B", undefined]]);
    assert.equal(settings.readingEnvironment(() => Object.keys(settings.environment)).read, undefined);
    assert.equal(settings.environment, env, "the environment is the settings' own again");
  });

  it("refuses before any request when a configured source is broken, with every problem", () => {
    const ctx = new ProviderContext({ settings: new Settings({ HOME: "/nonexistent", ALICLOUD_ACCESS_KEY: "only-id",
      ALICLOUD_REGION: "shanghai" }) });
    assert.throws(() => ctx.credentials("alibaba"), /Alibaba Cloud credentials are missing: set the AccessKey secret/);
  });

  it("makes a resource's check fail on its own cloud's broken settings, and warn once when only the instance's " +
    "role is left", () => {
    const lines: string[] = [];
    const ctx = new ProviderContext({ settings: new Settings({ HOME: "/nonexistent", ALICLOUD_ACCESS_KEY: "only-id",
      TENCENTCLOUD_REGION: "guangzhou" }) });
    const env = { ctx, log: (l: string) => lines.push(l), status: () => {} };
    const job = { bucket: "examplebucket-1250000000", region: "ap-guangzhou", tag: "MediaInfo",
      input: { object: "a.mp4" }, operation: {} };
    const check = (token: string, news: Record<string, unknown>) =>
      resourceOfToken(token).lifecycle.check({ news, env }).failures.map((f) => f.reason);
    const ci = check("mediajobs:index:CiMediaJob", job);
    assert.deepEqual(ci, ["$TENCENTCLOUD_REGION must be a region id such as ap-guangzhou; got \"guangzhou\"."]);
    check("mediajobs:index:CiMediaJob", job);
    assert.equal(lines.length, 1, "the warning is said once per process and cloud");
    assert.match(lines[0]!, /^No Tencent Cloud credentials are configured \(looked at .*\): `pulumi up` will ask the CVM instance's CAM role \(metadata service\)/);
    const mps = check("mediajobs:index:IProductionJob", { region: "cn-shanghai", functionName: "Cover",
      input: "oss://b.oss-cn-shanghai.aliyuncs.com/a.mp4", output: "oss://b.oss-cn-shanghai.aliyuncs.com/{sequenceId}.jpg" });
    assert.match(mps.join(" "), /Alibaba Cloud credentials are missing: set the AccessKey secret/);
    const queue = check("mediajobs:index:MediaPipeline", { cloud: "alicloud", region: "cn-shanghai", name: "p" });
    assert.match(queue.join(" "), /AccessKey secret/, "a pipeline's cloud is the one it names");
  });
});
