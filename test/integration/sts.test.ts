/**
 * The emulator's STS (both clouds) and instance metadata services, and the temporary keys they issue as every other
 * emulated API takes them: good with their token until they expire, then refused as each cloud refuses them. Requests
 * are signed with the repository's own signers and clients, on a fake clock shared with the emulator.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { request } from "undici";
import { Emulator, EMULATOR_ALIBABA_CREDENTIALS as ALI, EMULATOR_TENCENT_CREDENTIALS as TC, startEmulator,
} from "../../emulator";
import { canonicalQuery, commonParams, rpcTimestamp, signedBody } from "../../provider/clients/alibaba/rpc-sign";
import { queryPipelineList } from "../../provider/clients/alibaba/pipelines";
import { OssObjects } from "../../provider/clients/alibaba/oss-objects";
import { CosObjects } from "../../provider/clients/tencent/cos-objects";
import { listQueues } from "../../provider/clients/tencent/queues";
import { signTc3 } from "../../provider/clients/tencent/tc3-sign";
import type { Credentials } from "../../provider/config/settings";
import { CloudApiError } from "../../provider/errors";
import { HttpTransport } from "../../provider/http/transport";
import { ciClient, EMULATOR_CI_KEY, EMULATOR_MPS_KEY, mpsClient } from "../helpers/clients";
import {
  ALIBABA_TEST_ROLE as ROLE, Json, mintJwt, oidcKeyPair, standardClaims, TENCENT_TEST_ROLE as TC_ROLE,
  TEST_ISSUER as ISSUER,
} from "../helpers/oidc";

const START = 1_800_000_000_000;
const PROVIDER_ARN = "acs:ram::1234567890123456:oidc-provider/ci";

describe("the emulator's STS, metadata services and temporary keys", function () {
  this.timeout(20_000);
  let now = START;
  const clock = () => now;
  const idp = oidcKeyPair();
  let emulator: Emulator;
  const transport = new HttpTransport();

  before(async () => {
    emulator = await startEmulator({ now: clock, sts: { maxLifetimeSeconds: 5 },
      oidc: [{ issuer: ISSUER, audience: "sts.aliyuncs.com", publicKeyPem: idp.publicKeyPem,
        alibabaProviderArn: PROVIDER_ARN },
      { issuer: ISSUER, audience: "sts.tencentcloud.com", publicKeyPem: idp.publicKeyPem, tencentProviderId: "ci" }],
      metadata: { alibabaRoleName: "EcsDeployer", tencentRoleName: "CvmDeployer" } });
  });
  beforeEach(() => { now = START; });
  after(async () => {
    await emulator.close();
    await transport.close();
  });

  /** An Alibaba STS call: RPC-signed with `key`, or anonymous (AssumeRoleWithOIDC). */
  async function aliSts(action: string, params: Record<string, string>, key?: Credentials, host = "sts.aliyuncs.com"):
    Promise<{ status: number; body: Json }> {
    const common = key ? commonParams({ action, version: "2015-04-01" }, key, rpcTimestamp(now), randomUUID())
      : { Action: action, Version: "2015-04-01", Format: "JSON", Timestamp: rpcTimestamp(now) };
    const all = { ...common, ...params };
    const res = await request(`${emulator.url}/`, { method: "POST", body: key ? signedBody("POST", all, key.secret)
      : canonicalQuery(all), headers: { host, "content-type": "application/x-www-form-urlencoded" } });
    return { status: res.statusCode, body: await res.body.json() as Json };
  }

  /** A Tencent STS call: TC3-signed with `key` (X-TC-Token when it has one), or `Authorization: SKIP`. */
  async function tcSts(action: string, params: Json, key?: Credentials, timestampSeconds = Math.floor(now / 1000)):
    Promise<Json> {
    const payload = JSON.stringify(params);
    const host = "sts.tencentcloudapi.com";
    const headers: Record<string, string> = { "content-type": "application/json", "x-tc-action": action,
      "x-tc-version": "2018-08-13", "x-tc-region": "ap-guangzhou", "x-tc-timestamp": String(timestampSeconds),
      authorization: key ? signTc3({ method: "POST", host, path: "/", query: {}, payload,
        headers: { "content-type": "application/json" } }, key, { service: "sts", timestampSeconds }).authorization
        : "SKIP" };
    if (key?.securityToken) headers["x-tc-token"] = key.securityToken;
    const res = await request(`${emulator.url}/`, { method: "POST", body: payload, headers: { ...headers, host } });
    assert.equal(res.statusCode, 200, "API 3.0 answers every call, errors too, with HTTP 200");
    return (await res.body.json() as Json).Response as Json;
  }

  const aliKey = (c: Json): Credentials => ({ keyId: c.AccessKeyId, secret: c.AccessKeySecret,
    securityToken: c.SecurityToken });
  const tcKey = (c: Json): Credentials => ({ keyId: c.TmpSecretId, secret: c.TmpSecretKey, securityToken: c.Token });
  const assumeAli = async (key: Credentials = EMULATOR_MPS_KEY) =>
    aliKey((await aliSts("AssumeRole", { RoleArn: ROLE, RoleSessionName: "deploy" }, key)).body.Credentials);
  const assumeTc = async (key: Credentials = EMULATOR_CI_KEY) =>
    tcKey((await tcSts("AssumeRole", { RoleArn: TC_ROLE, RoleSessionName: "deploy" }, key)).Credentials);
  const vendorCode = (e: unknown) => (e instanceof CloudApiError ? e.vendorCode : String(e));

  describe("Alibaba STS", () => {
    it("AssumeRole issues an STS key for the role, living the emulator's maximum when that is shorter", async () => {
      const { status, body } = await aliSts("AssumeRole", { RoleArn: ROLE, RoleSessionName: "deploy",
        DurationSeconds: "3600" }, EMULATOR_MPS_KEY);
      assert.equal(status, 200);
      assert.match(body.Credentials.AccessKeyId, /^STS\./);
      assert.ok(body.Credentials.AccessKeySecret && body.Credentials.SecurityToken);
      assert.equal(body.Credentials.Expiration, rpcTimestamp(START + 5000));
      assert.equal(body.AssumedRoleUser.Arn, "acs:ram::1234567890123456:assumed-role/deployer/deploy");
      assert.match(body.AssumedRoleUser.AssumedRoleId, /^\d+:deploy$/);
      assert.ok(body.RequestId);
      const issued = emulator.sts.issued().find((k) => k.keyId === body.Credentials.AccessKeyId);
      assert.deepEqual(issued, { cloud: "alibaba", source: "AssumeRole", keyId: body.Credentials.AccessKeyId,
        expiresAt: START + 5000, roleArn: ROLE });
    });

    it("answers at the regional and VPC hosts too", async () => {
      for (const host of ["sts.cn-hangzhou.aliyuncs.com", "sts-vpc.cn-shanghai.aliyuncs.com"]) {
        const { status } = await aliSts("AssumeRole", { RoleArn: ROLE, RoleSessionName: "deploy" }, EMULATOR_MPS_KEY,
          host);
        assert.equal(status, 200, host);
      }
    });

    it("refuses a malformed RoleArn, RoleSessionName or DurationSeconds, and a missing RoleArn", async () => {
      const cases: [Record<string, string>, string][] = [
        [{ RoleArn: "acs:ram::abc:role/x", RoleSessionName: "deploy" }, "InvalidParameter.RoleArn"],
        [{ RoleArn: ROLE, RoleSessionName: "x" }, "InvalidParameter.RoleSessionName"],
        [{ RoleArn: ROLE, RoleSessionName: "deploy", DurationSeconds: "600" }, "InvalidParameter.DurationSeconds"],
        [{ RoleSessionName: "deploy" }, "MissingParameter.RoleArn"],
      ];
      for (const [params, code] of cases) {
        const { status, body } = await aliSts("AssumeRole", params, EMULATOR_MPS_KEY);
        assert.deepEqual([status, body.Code], [400, code]);
        assert.equal(body.HostId, "sts.aliyuncs.com");
      }
    });

    it("refuses a bad signature and an unsigned AssumeRole", async () => {
      const bad = await aliSts("AssumeRole", { RoleArn: ROLE, RoleSessionName: "deploy" },
        { ...EMULATOR_MPS_KEY, secret: "wrong" });
      assert.deepEqual([bad.status, bad.body.Code], [400, "SignatureDoesNotMatch"]);
      const unsigned = await aliSts("AssumeRole", { RoleArn: ROLE, RoleSessionName: "deploy" });
      assert.deepEqual([unsigned.status, unsigned.body.Code], [400, "MissingParameter"]);
    });

    it("takes an STS base key with its token, and refuses it without, with another token, or expired", async () => {
      const base = await assumeAli();
      const chained = await aliSts("AssumeRole", { RoleArn: ROLE, RoleSessionName: "chained" }, base);
      assert.equal(chained.status, 200);
      const { securityToken: _t, ...noToken } = base;
      assert.equal((await aliSts("AssumeRole", { RoleArn: ROLE, RoleSessionName: "x1" }, noToken)).body.Code,
        "MissingSecurityToken");
      const other = await assumeAli();
      const mismatch = await aliSts("AssumeRole", { RoleArn: ROLE, RoleSessionName: "x2" },
        { ...base, securityToken: other.securityToken! });
      assert.deepEqual([mismatch.status, mismatch.body.Code], [403, "InvalidSecurityToken.MismatchWithAccessKey"]);
      now += 5000;
      const expired = await aliSts("AssumeRole", { RoleArn: ROLE, RoleSessionName: "x3" }, base);
      assert.deepEqual([expired.status, expired.body.Code, expired.body.Message],
        [403, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired."]);
    });

    describe("AssumeRoleWithOIDC", () => {
      const oidc = (token: string, arn = PROVIDER_ARN) => aliSts("AssumeRoleWithOIDC",
        { OIDCProviderArn: arn, OIDCToken: token, RoleArn: ROLE, RoleSessionName: "ci-run" });
      const claims = (over: Json = {}) => ({ ...standardClaims(ISSUER, "sts.aliyuncs.com", now / 1000), ...over });

      it("issues a key for a token of the registered provider, anonymously", async () => {
        const { status, body } = await oidc(mintJwt(idp.privateKey, claims()));
        assert.equal(status, 200, JSON.stringify(body));
        assert.match(body.Credentials.AccessKeyId, /^STS\./);
        assert.equal(body.OIDCTokenInfo.Subject, "system:serviceaccount:ci:deployer");
        assert.ok(emulator.sts.issued().some((k) => k.keyId === body.Credentials.AccessKeyId &&
          k.source === "AssumeRoleWithOIDC"));
      });

      it("refuses an unregistered provider, and each bad token with STS's code", async () => {
        assert.equal((await oidc(mintJwt(idp.privateKey, claims()), "acs:ram::1:oidc-provider/other")).body.Code,
          "AuthenticationFail.NoPermission");
        assert.equal((await oidc(mintJwt(idp.privateKey, claims()), "not-an-arn")).body.Code,
          "InvalidParameter.OIDCProviderArn");
        const cases: [string, string][] = [
          [mintJwt(idp.privateKey, claims({ exp: now / 1000 - 1 })), "AuthenticationFail.OIDCToken.Expired"],
          [mintJwt(idp.privateKey, claims({ aud: "someone-else" })), "AuthenticationFail.OIDCToken.AudienceNotMatch"],
          [mintJwt(idp.privateKey, claims({ iss: "https://evil.test" })), "AuthenticationFail.OIDCToken.IssuerNotMatch"],
          [mintJwt(oidcKeyPair().privateKey, claims()), "AuthenticationFail.OIDCToken.Invalid"],
          ["not.a.jwt", "AuthenticationFail.OIDCToken.Invalid"],
        ];
        for (const [token, code] of cases) {
          const { status, body } = await oidc(token);
          assert.deepEqual([status, body.Code], [401, code]);
        }
      });
    });
  });

  describe("Tencent STS", () => {
    it("AssumeRole issues a temporary SecretId, ExpiredTime capped by the emulator", async () => {
      const r = await tcSts("AssumeRole", { RoleArn: TC_ROLE, RoleSessionName: "deploy" }, EMULATOR_CI_KEY);
      assert.match(r.Credentials.TmpSecretId, /^AKID/);
      assert.ok(r.Credentials.TmpSecretKey && r.Credentials.Token);
      assert.equal(r.ExpiredTime, START / 1000 + 5);
      assert.equal(r.Expiration, rpcTimestamp(START + 5000));
      assert.ok(r.RequestId);
    });

    it("refuses a malformed RoleArn, too long a duration, and a missing RoleSessionName", async () => {
      const code = async (params: Json) => (await tcSts("AssumeRole", params, EMULATOR_CI_KEY)).Error?.Code;
      assert.equal(await code({ RoleArn: "qcs::cam::uin/abc:roleName/x", RoleSessionName: "deploy" }),
        "InvalidParameter.ParamError");
      assert.equal(await code({ RoleArn: TC_ROLE, RoleSessionName: "deploy", DurationSeconds: 50_000 }),
        "InvalidParameter.OverTimeError");
      assert.equal(await code({ RoleArn: TC_ROLE }), "MissingParameter");
    });

    it("refuses a bad signature, an unknown SecretId and a stale timestamp", async () => {
      const params = { RoleArn: TC_ROLE, RoleSessionName: "deploy" };
      assert.equal((await tcSts("AssumeRole", params, { ...EMULATOR_CI_KEY, secret: "wrong" })).Error.Code,
        "AuthFailure.SignatureFailure");
      assert.equal((await tcSts("AssumeRole", params, { keyId: "NOBODY-ID", secret: "x" })).Error.Code,
        "AuthFailure.SecretIdNotFound");
      assert.equal((await tcSts("AssumeRole", params, EMULATOR_CI_KEY, now / 1000 - 301)).Error.Code,
        "AuthFailure.SignatureExpire");
      assert.equal((await tcSts("AssumeRole", params)).Error.Code, "AuthFailure.InvalidAuthorization");
    });

    it("takes a temporary base key with its X-TC-Token, and refuses it without, or once expired", async () => {
      const base = await assumeTc();
      const params = { RoleArn: TC_ROLE, RoleSessionName: "chained" };
      assert.ok((await tcSts("AssumeRole", params, base)).Credentials);
      const { securityToken: _t, ...noToken } = base;
      assert.equal((await tcSts("AssumeRole", params, noToken)).Error.Code, "AuthFailure.TokenFailure");
      now += 5000;
      const expired = await tcSts("AssumeRole", params, base);
      assert.deepEqual(expired.Error, { Code: "AuthFailure.TokenFailure", Message: "The X-TC-Token has expired." });
    });

    it("AssumeRoleWithWebIdentity: unsigned, with a token of the registered provider; refuses a bad one", async () => {
      const claims = standardClaims(ISSUER, "sts.tencentcloud.com", now / 1000);
      const call = (token: string, providerId = "ci") => tcSts("AssumeRoleWithWebIdentity",
        { ProviderId: providerId, WebIdentityToken: token, RoleArn: TC_ROLE, RoleSessionName: "ci-run" });
      const ok = await call(mintJwt(idp.privateKey, claims));
      assert.match(ok.Credentials.TmpSecretId, /^AKID/, JSON.stringify(ok));
      assert.ok(emulator.sts.issued().some((k) => k.keyId === ok.Credentials.TmpSecretId &&
        k.source === "AssumeRoleWithWebIdentity"));
      assert.equal((await call(mintJwt(idp.privateKey, { ...claims, exp: now / 1000 - 1 }))).Error.Code,
        "InvalidParameter.WebIdentityTokenError");
      assert.equal((await call(mintJwt(idp.privateKey, claims), "unregistered")).Error.Code,
        "InvalidParameter.ParamError");
    });
  });

  describe("temporary keys on the job and object APIs", () => {
    it("MPS accepts an STS key with its token until it expires, then answers InvalidSecurityToken.Expired", async () => {
      const client = mpsClient({ region: "cn-shanghai", endpointOverride: emulator.url, now: clock,
        credentials: () => key });
      const key = await assumeAli();
      await queryPipelineList(client, ["x"]);
      const before = emulator.sts.refusedExpired();
      now += 5000;
      await assert.rejects(queryPipelineList(client, ["x"]), (e) => vendorCode(e) === "InvalidSecurityToken.Expired");
      assert.equal(emulator.sts.refusedExpired(), before + 1);
    });

    it("CI takes a temporary SecretId with its x-ci-security-token until it expires (then ExpiredToken), not without",
      async () => {
        const key = await assumeTc();
        const client = ciClient({ bucket: "media-1250000000", region: "ap-guangzhou", endpointOverride: emulator.url,
          now: clock, credentials: () => key });
        await listQueues(client, {});
        now += 5000;
        await assert.rejects(listQueues(client, {}), (e) => vendorCode(e) === "ExpiredToken");
        const { securityToken: _t, ...noToken } = key;
        now = START;
        const without = ciClient({ bucket: "media-1250000000", region: "ap-guangzhou", endpointOverride: emulator.url,
          now: clock, credentials: () => noToken });
        await assert.rejects(listQueues(without, {}), (e) => vendorCode(e) === "InvalidAccessKeyId");
        const other = await assumeTc();
        const mismatched = ciClient({ bucket: "media-1250000000", region: "ap-guangzhou", endpointOverride: emulator.url,
          now: clock, credentials: () => ({ ...key, securityToken: other.securityToken! }) });
        await assert.rejects(listQueues(mismatched, {}), (e) => vendorCode(e) === "AccessDenied");
      });

    it("the object APIs take them until they expire, then OSS answers SecurityTokenExpired, COS ExpiredToken",
      async () => {
        const objects = [
          { code: "SecurityTokenExpired", client: (key: Credentials) => new OssObjects({ bucket: "media-bucket",
            region: "cn-shanghai", endpointOverride: emulator.url, transport, now: clock, credentials: () => key }),
          key: assumeAli },
          { code: "ExpiredToken", client: (key: Credentials) => new CosObjects({ bucket: "media-1250000000",
            region: "ap-guangzhou", endpointOverride: emulator.url, transport, now: clock, credentials: () => key }),
          key: assumeTc },
        ];
        for (const { code, client, key } of objects) {
          now = START;
          const store = client(await key());
          await store.put("a.txt", Buffer.from("a"), "text/plain");
          now += 5000;
          await assert.rejects(store.put("a.txt", Buffer.from("a"), "text/plain"), (e) => vendorCode(e) === code);
        }
      });

    it("long-term keys keep working, and STS calls are recorded like any other request", async () => {
      await listQueues(ciClient({ bucket: "media-1250000000", region: "ap-guangzhou", endpointOverride: emulator.url,
        now: clock }), {});
      await queryPipelineList(mpsClient({ region: "cn-shanghai", endpointOverride: emulator.url, now: clock }), ["x"]);
      const hosts = new Set(emulator.requests.map((r) => r.host));
      assert.ok(hosts.has("sts.aliyuncs.com") && hosts.has("sts.tencentcloudapi.com"));
      const tcSts = emulator.requests.find((r) => r.host === "sts.tencentcloudapi.com" && r.keyId);
      assert.equal(tcSts?.keyId, TC.secretId, "the TC3 Credential's SecretId, without its scope");
      assert.ok(emulator.requests.some((r) => r.keyId === ALI.accessKeyId));
    });
  });

  describe("instance metadata services", () => {
    const get = async (host: string, path: string, headers: Record<string, string> = {}, method = "GET") => {
      const res = await request(`${emulator.url}${path}`, { method, headers: { host, ...headers } });
      return { status: res.statusCode, text: await res.body.text() };
    };

    it("ECS: the role's name, then its credentials, which MPS takes", async () => {
      const list = await get("100.100.100.200", "/latest/meta-data/ram/security-credentials/");
      assert.deepEqual(list, { status: 200, text: "EcsDeployer" });
      const creds = await get("100.100.100.200", "/latest/meta-data/ram/security-credentials/EcsDeployer");
      const body = JSON.parse(creds.text) as Json;
      assert.equal(body.Code, "Success");
      assert.match(body.AccessKeyId, /^STS\./);
      assert.equal(body.Expiration, rpcTimestamp(START + 5000));
      assert.equal(body.LastUpdated, rpcTimestamp(START));
      await queryPipelineList(mpsClient({ region: "cn-shanghai", endpointOverride: emulator.url, now: clock,
        credentials: () => aliKey(body) }), ["x"]);
      assert.equal((await get("100.100.100.200", "/latest/meta-data/ram/security-credentials/Other")).status, 404);
      assert.ok(emulator.sts.issued().some((k) => k.keyId === body.AccessKeyId && k.source === "EcsRamRole"));
    });

    it("CVM: the role's name, then its credentials, which CI takes", async () => {
      assert.deepEqual(await get("metadata.tencentyun.com", "/latest/meta-data/cam/security-credentials/"),
        { status: 200, text: "CvmDeployer" });
      const body = JSON.parse((await get("metadata.tencentyun.com",
        "/latest/meta-data/cam/security-credentials/CvmDeployer")).text) as Json;
      assert.equal(body.Code, "Success");
      assert.equal(body.ExpiredTime, START / 1000 + 5);
      await listQueues(ciClient({ bucket: "media-1250000000", region: "ap-guangzhou", endpointOverride: emulator.url,
        now: clock, credentials: () => tcKey(body) }), {});
      assert.ok(emulator.sts.issued().some((k) => k.keyId === body.TmpSecretId && k.source === "CvmRole"));
    });

    it("an instance without a role answers 404 on both; hardened ECS needs a session token", async () => {
      const bare = await startEmulator({ now: clock, metadata: { alibabaHardened: true } });
      try {
        const at = async (host: string, path: string, headers: Record<string, string> = {}, method = "GET") => {
          const res = await request(`${bare.url}${path}`, { method, headers: { host, ...headers } });
          return { status: res.statusCode, text: await res.body.text() };
        };
        const list = "/latest/meta-data/ram/security-credentials/";
        assert.equal((await at("100.100.100.200", list)).status, 401, "IMDSv1 refused");
        assert.equal((await at("100.100.100.200", "/latest/api/token", {
          "x-aliyun-ecs-metadata-token-ttl-seconds": "0" }, "PUT")).status, 400);
        const token = await at("100.100.100.200", "/latest/api/token", {
          "x-aliyun-ecs-metadata-token-ttl-seconds": "60" }, "PUT");
        assert.equal(token.status, 200);
        const withToken = { "x-aliyun-ecs-metadata-token": token.text };
        assert.equal((await at("100.100.100.200", list, withToken)).status, 404, "no role attached");
        assert.equal((await at("metadata.tencentyun.com", "/latest/meta-data/cam/security-credentials/")).status, 404);
        now += 60_000;
        assert.equal((await at("100.100.100.200", list, withToken)).status, 401, "the session token expired");
      } finally {
        await bare.close();
      }
    });
  });
});
