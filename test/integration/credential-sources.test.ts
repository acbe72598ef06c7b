/**
 * The provider's credential sources against the emulator's STS and metadata services, through the provider
 * context every resource uses: each source gives keys the object APIs of its cloud accept (with their token),
 * temporary keys are renewed before they expire, once for many callers, and a failing source is named.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator, EMULATOR_ALIBABA_CREDENTIALS, EMULATOR_TENCENT_CREDENTIALS, startEmulator } from "../../emulator";
import { Settings } from "../../provider/config/settings";
import { ConfigurationError, CredentialError } from "../../provider/errors";
import { ProviderContext } from "../../provider/lifecycle/provider-context";
import { ALIBABA_TEST_ROLE, mintJwt, oidcKeyPair, standardClaims, TENCENT_TEST_ROLE } from "../helpers/oidc";

const ISSUER = "https://token.actions.example.test";
const ALIBABA_PROVIDER = "acs:ram::1234567890123456:oidc-provider/github";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("credential sources against the emulator's STS and metadata services", function () {
  this.timeout(60_000);
  const idp = oidcKeyPair();
  const dir = mkdtempSync(join(tmpdir(), "mediajobs-sources-"));
  const tokenFile = join(dir, "token.jwt");
  let emulator: Emulator;
  const contexts: ProviderContext[] = [];

  before(async () => {
    emulator = await startEmulator({ sts: { maxLifetimeSeconds: 3 },
      oidc: [{ issuer: ISSUER, audience: "sts.aliyuncs.com", publicKeyPem: idp.publicKeyPem,
        // Registered at Tencent under another name: the one named OIDC there wants Tencent's audience.
        alibabaProviderArn: ALIBABA_PROVIDER, tencentProviderId: "alibaba-audience" },
      { issuer: ISSUER, audience: "sts.tencentcloudapi.com", publicKeyPem: idp.publicKeyPem, tencentProviderId: "OIDC" }],
      metadata: { alibabaRoleName: "ecs-deployer", alibabaHardened: true, tencentRoleName: "cvm-deployer" } });
  });
  after(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A token for `audience`, valid for an hour from now, written to the token file. */
  function writeToken(audience: string, lifetimeSeconds = 3600): string {
    const token = mintJwt(idp.privateKey, standardClaims(ISSUER, audience, Math.floor(Date.now() / 1000),
      lifetimeSeconds));
    writeFileSync(tokenFile, `${token}\n`);
    return token;
  }

  /** A provider context over a made-up environment (none of the process's), pointed at the emulator. */
  function context(env: Record<string, string>, config: Record<string, unknown> = {}): ProviderContext {
    const settings = new Settings({ HOME: dir, MEDIAJOBS_CI_ENDPOINT: emulator.url, MEDIAJOBS_MPS_ENDPOINT: emulator.url,
      MEDIAJOBS_ECS_METADATA_ENDPOINT: emulator.url, MEDIAJOBS_CVM_METADATA_ENDPOINT: emulator.url, ...env });
    settings.useStackConfig({ get: (k) => {
      const v = config[k];
      return v === undefined ? undefined : typeof v === "string" ? v : JSON.stringify(v);
    } });
    const ctx = new ProviderContext({ settings });
    contexts.push(ctx);
    return ctx;
  }

  /** Writes an object through each cloud's object API with the context's credentials; the emulator checks them. */
  async function useTencent(ctx: ProviderContext, key: string): Promise<void> {
    await ctx.cosObjects("sources-1250000000", "ap-guangzhou").put(key, Buffer.from("x"), "text/plain");
    assert.ok(emulator.objects.head("cos", "sources-1250000000", key));
  }
  async function useAlibaba(ctx: ProviderContext, key: string): Promise<void> {
    await ctx.ossObjects("sources", "cn-shanghai").put(key, Buffer.from("x"), "text/plain");
    assert.ok(emulator.objects.head("oss", "sources", key));
  }
  const issued = (source: string) => emulator.sts.issued().filter((k) => k.source === source).length;

  it("Alibaba AssumeRoleWithOIDC from the config, no keys anywhere: one renewal for many callers, then before expiry",
    async () => {
      writeToken("sts.aliyuncs.com");
      const ctx = context({}, { "alicloud:assumeRoleWithOidc": { roleArn: ALIBABA_TEST_ROLE,
        oidcProviderArn: ALIBABA_PROVIDER, oidcTokenFile: tokenFile } });
      const before = issued("AssumeRoleWithOIDC");
      const credentials = ctx.credentials("alibaba");
      const keys = await Promise.all(Array.from({ length: 20 }, () => credentials.get()));
      assert.equal(new Set(keys.map((k) => k.keyId)).size, 1);
      assert.equal(issued("AssumeRoleWithOIDC") - before, 1, "one renewal for twenty concurrent callers");
      await useAlibaba(ctx, "oidc/1");
      // Keys that live 3 s are renewed after 2.25 s: used across 7 s, they never reach the emulator expired.
      for (let i = 2; i <= 8; i++) {
        await sleep(1_000);
        await useAlibaba(ctx, `oidc/${i}`);
      }
      assert.ok(issued("AssumeRoleWithOIDC") - before >= 3, `renewed: ${issued("AssumeRoleWithOIDC") - before}`);
      assert.equal(emulator.sts.refusedExpired(), 0);
    });

  it("Tencent AssumeRoleWithWebIdentity from TKE's variables", async () => {
    writeToken("sts.tencentcloudapi.com");
    const ctx = context({ TKE_PROVIDER_ID: "OIDC", TKE_WEB_IDENTITY_TOKEN_FILE: tokenFile, TKE_ROLE_ARN: TENCENT_TEST_ROLE });
    const before = issued("AssumeRoleWithWebIdentity");
    await useTencent(ctx, "web-identity/1");
    assert.equal(issued("AssumeRoleWithWebIdentity") - before, 1);
    assert.match(ctx.credentials("tencent").source.description, /AssumeRoleWithWebIdentity of .* \(\$TKE_ROLE_ARN\)/);
  });

  it("AssumeRole on top of keys, in both clouds (TC3 and RPC signatures of the base keys)", async () => {
    const ctx = context({ TENCENTCLOUD_SECRET_ID: EMULATOR_TENCENT_CREDENTIALS.secretId,
      TENCENTCLOUD_SECRET_KEY: EMULATOR_TENCENT_CREDENTIALS.secretKey,
      ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_ALIBABA_CREDENTIALS.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret },
    { "tencentcloud:assumeRole": { roleArn: TENCENT_TEST_ROLE, sessionDuration: 900 },
      "alicloud:assumeRole": { roleArn: ALIBABA_TEST_ROLE, externalId: "abc123" } });
    const before = issued("AssumeRole");
    await useTencent(ctx, "assume-role/1");
    await useAlibaba(ctx, "assume-role/1");
    assert.equal(issued("AssumeRole") - before, 2);
    const [tencent, alibaba] = [await ctx.credentials("tencent").get(), await ctx.credentials("alibaba").get()];
    assert.notEqual(tencent.keyId, EMULATOR_TENCENT_CREDENTIALS.secretId);
    assert.ok(tencent.securityToken && alibaba.securityToken);
  });

  it("the instance's role from each metadata service, hardened mode on ECS", async () => {
    const ctx = context({ ALIBABA_CLOUD_IMDSV1_DISABLED: "true" }, { "alicloud:ecsRoleName": "ecs-deployer",
      "tencentcloud:camRoleName": "cvm-deployer" });
    await useAlibaba(ctx, "instance/1");
    await useTencent(ctx, "instance/1");
    assert.equal(issued("EcsRamRole") >= 1 && issued("CvmRole") >= 1, true);
    // Found by the default chain too, the role named by the metadata service itself.
    await useTencent(context({}), "instance/2");
  });

  it("names the source when STS refuses its token, and sends nothing signed", async () => {
    writeToken("sts.aliyuncs.com", -60);
    const ctx = context({}, { "alicloud:assumeRoleWithOidc": { roleArn: ALIBABA_TEST_ROLE,
      oidcProviderArn: ALIBABA_PROVIDER, oidcTokenFile: tokenFile, roleSessionName: "expired-token" } });
    await assert.rejects(useAlibaba(ctx, "never"), (e: Error) => e instanceof CredentialError &&
      /^No credentials from AssumeRoleWithOIDC of acs:ram::\d+:role\/deployer \(`alicloud:assumeRoleWithOidc`\): Alibaba Cloud STS AssumeRoleWithOIDC failed with HTTP 401: AuthenticationFail\.OIDCToken\.Expired/
        .test(e.message) && !e.message.includes(".ey"), );
  });

  it("says where a refused key came from: the settings it was read from", async () => {
    const ctx = context({ TENCENTCLOUD_SECRET_ID: EMULATOR_TENCENT_CREDENTIALS.secretId },
      { "tencentcloud:secretKey": "not-the-emulators-secret" });
    await assert.rejects(useTencent(ctx, "never"), (e: Error) => /SignatureDoesNotMatch/.test(e.message) &&
      e.message.endsWith("The credentials came from the keys in $TENCENTCLOUD_SECRET_ID and stack config " +
        "`tencentcloud:secretKey`: check them there.") && !e.message.includes("not-the-emulators-secret"));
  });

  it("lists what the default chain looked at when the last resort has nothing either", async () => {
    const bare = await startEmulator();
    try {
      const settings = new Settings({ HOME: dir, MEDIAJOBS_CVM_METADATA_ENDPOINT: bare.url });
      const ctx = new ProviderContext({ settings });
      contexts.push(ctx);
      await assert.rejects(ctx.credentials("tencent").get(), (e: Error) => e instanceof ConfigurationError &&
        /^no Tencent Cloud credentials were found: looked at keys in \$TENCENTCLOUD_SECRET_ID and \$TENCENTCLOUD_SECRET_KEY; profile file .*credentials \(absent\); .*TKE pod OIDC .*; last, the CVM instance's CAM role \(metadata service\): the CVM instance's metadata service names no CAM role \(HTTP 404\)/
          .test(e.message) && e.message.includes("`tencentcloud:secretId`"));
    } finally {
      await bare.close();
    }
  });
});
