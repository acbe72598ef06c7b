/**
 * The vendors' own SDKs against the emulator's STS, pointed at it as vendor-sdks.test.ts does (the vendor host names
 * mapped to loopback, the SDK given `http` and the emulator's port): what they sign and send, the emulator accepts.
 * `tencentcloud-sdk-nodejs-common` (CommonClient: AssumeRole TC3-signed, AssumeRoleWithWebIdentity unsigned, and its
 * OIDCRoleArnCredential), `@alicloud/pop-core` (AssumeRole, RPC signature v1, with an STS base key too) and
 * `@alicloud/mts20140618` (signature V3 with `x-acs-security-token`). The emulator's clock runs ahead on demand, so
 * keys expire without waiting.
 */
import assert from "node:assert/strict";
import RPCClient from "@alicloud/pop-core";
import Mts, * as $Mts from "@alicloud/mts20140618";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { CommonClient, OIDCRoleArnCredential } from "tencentcloud-sdk-nodejs-common";
import {
  Emulator, EMULATOR_ALIBABA_CREDENTIALS as ALI, EMULATOR_TENCENT_CREDENTIALS as TC, startEmulator,
} from "../../emulator";
import { mapVendorHostsToLoopback } from "../helpers/vendor-hosts";
import {
  ALIBABA_TEST_ROLE as ROLE, Json, mintJwt, oidcKeyPair, standardClaims, TENCENT_TEST_ROLE as TC_ROLE,
  TEST_ISSUER as ISSUER,
} from "../helpers/oidc";


describe("the vendors' SDKs against the emulator's STS", function () {
  this.timeout(30_000);
  let emulator: Emulator;
  let port: string;
  let restoreHosts: () => void;
  /** How far the emulator's clock runs ahead of the SDKs' (within every signature's allowed skew). */
  let ahead = 0;
  const idp = oidcKeyPair();

  before(async () => {
    restoreHosts = mapVendorHostsToLoopback();
    emulator = await startEmulator({ now: () => Date.now() + ahead, sts: { maxLifetimeSeconds: 60 },
      oidc: { issuer: ISSUER, audience: "sts.tencentcloudapi.com", publicKeyPem: idp.publicKeyPem,
        tencentProviderId: "github" } });
    port = new URL(emulator.url).port;
  });
  beforeEach(() => { ahead = 0; });
  after(async () => {
    await emulator.close();
    restoreHosts();
  });

  describe("tencentcloud-sdk-nodejs-common", () => {
    const httpProfile = () => ({ endpoint: `sts.tencentcloudapi.com:${port}`, protocol: "http://" });
    const client = (secretKey: string = TC.secretKey) => new CommonClient(`sts.tencentcloudapi.com:${port}`, "2018-08-13", {
      credential: { secretId: TC.secretId, secretKey }, region: "ap-guangzhou", profile: { httpProfile: httpProfile() } });

    it("CommonClient AssumeRole (TC3) gets a temporary key; a temporary base key chains with its token", async () => {
      const first = await client().request("AssumeRole", { RoleArn: TC_ROLE, RoleSessionName: "sdk" }) as Json;
      assert.match(first.Credentials.TmpSecretId, /^AKID/);
      assert.equal(typeof first.ExpiredTime, "number");
      const chained = new CommonClient(`sts.tencentcloudapi.com:${port}`, "2018-08-13", { region: "ap-guangzhou",
        credential: { secretId: first.Credentials.TmpSecretId, secretKey: first.Credentials.TmpSecretKey,
          token: first.Credentials.Token }, profile: { httpProfile: httpProfile() } });
      assert.ok((await chained.request("AssumeRole", { RoleArn: TC_ROLE, RoleSessionName: "sdk2" }) as Json).Credentials);
      ahead = 61_000;
      await assert.rejects(chained.request("AssumeRole", { RoleArn: TC_ROLE, RoleSessionName: "sdk3" }),
        (e: { code?: string }) => e.code === "AuthFailure.TokenFailure");
    });

    it("a wrong SecretKey is refused with AuthFailure.SignatureFailure", async () => {
      await assert.rejects(client("wrong").request("AssumeRole", { RoleArn: TC_ROLE, RoleSessionName: "sdk" }),
        (e: { code?: string }) => e.code === "AuthFailure.SignatureFailure");
    });

    it("OIDCRoleArnCredential (AssumeRoleWithWebIdentity, unsigned) gets credentials for a token of the provider",
      async () => {
        const token = mintJwt(idp.privateKey, standardClaims(ISSUER, "sts.tencentcloudapi.com", Date.now() / 1000));
        const credential = new OIDCRoleArnCredential({ region: "ap-guangzhou", credential: {},
          profile: { httpProfile: httpProfile() } },
          { ProviderId: "github", WebIdentityToken: token, RoleArn: TC_ROLE, RoleSessionName: "gha" });
        const got = await credential.getCredential();
        assert.match(got.secretId ?? "", /^AKID/);
        assert.ok(got.secretKey && got.token);
        assert.ok(emulator.sts.issued().some((k) => k.keyId === got.secretId && k.source === "AssumeRoleWithWebIdentity"));
      });
  });

  describe("@alicloud/pop-core and @alicloud/mts20140618", () => {
    const sts = (key: { accessKeyId: string; accessKeySecret: string; securityToken?: string }) => new RPCClient({
      ...key, endpoint: `http://sts.aliyuncs.com:${port}`, apiVersion: "2015-04-01" });
    const assume = (client: RPCClient) => client.request<Json>("AssumeRole",
      { RoleArn: ROLE, RoleSessionName: "pop-core", DurationSeconds: 3600 }, { method: "POST" });

    it("AssumeRole (signature v1) gets an STS key, which chains with its SecurityToken until it expires", async () => {
      const { Credentials: c } = await assume(sts({ accessKeyId: ALI.accessKeyId, accessKeySecret: ALI.accessKeySecret }));
      assert.match(c.AccessKeyId, /^STS\./);
      const chained = sts({ accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, securityToken: c.SecurityToken });
      assert.ok((await assume(chained)).Credentials);
      ahead = 61_000;
      await assert.rejects(assume(chained), (e: { code?: string }) => e.code === "InvalidSecurityToken.Expired");
    });

    it("a wrong secret is refused with SignatureDoesNotMatch", async () => {
      await assert.rejects(assume(sts({ accessKeyId: ALI.accessKeyId, accessKeySecret: "wrong" })),
        (e: { code?: string }) => e.code === "SignatureDoesNotMatch");
    });

    it("the Tea MPS client (ACS3) works with the STS key and its x-acs-security-token, until it expires", async () => {
      const { Credentials: c } = await assume(sts({ accessKeyId: ALI.accessKeyId, accessKeySecret: ALI.accessKeySecret }));
      const mts = new Mts(new $OpenApiUtil.Config({ accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret,
        securityToken: c.SecurityToken, endpoint: `mts.cn-shanghai.aliyuncs.com:${port}`, protocol: "http",
        regionId: "cn-shanghai" }));
      assert.ok((await mts.searchPipeline(new $Mts.SearchPipelineRequest({}))).body);
      ahead = 61_000;
      await assert.rejects(mts.searchPipeline(new $Mts.SearchPipelineRequest({})),
        (e: { code?: string }) => e.code === "InvalidSecurityToken.Expired");
    });
  });
});
