/** What a provider process shares of credentials: one source per plan, a new plan when the settings change. */
import assert from "node:assert/strict";
import { Settings } from "../../../provider/config/settings";
import { ProviderContext } from "../../../provider/lifecycle/provider-context";

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

  it("refuses before any request when a configured source is broken, with every problem", () => {
    const ctx = new ProviderContext({ settings: new Settings({ HOME: "/nonexistent", ALICLOUD_ACCESS_KEY: "only-id",
      ALICLOUD_REGION: "shanghai" }) });
    assert.throws(() => ctx.credentials("alibaba"), /Alibaba Cloud credentials are missing: set the AccessKey secret/);
  });
});
