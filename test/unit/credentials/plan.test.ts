/**
 * Which source each cloud's credentials come from, decided offline: explicit settings, the vendors' default chains
 * in their order, and the problems preview reports (twice configured, malformed, unreadable, nothing at all).
 */
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Settings } from "../../../provider/config/settings";
import { planCredentials } from "../../../provider/credentials/plan";

const home = mkdtempSync(join(tmpdir(), "mediajobs-plan-home-"));
const empty = mkdtempSync(join(tmpdir(), "mediajobs-plan-empty-"));
const tokenFile = join(home, "token.jwt");
writeFileSync(tokenFile, "header.payload.signature\n");
after(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

function settings(env: Record<string, string>, config?: Record<string, unknown>, path: "stack" | "provider" = "stack") {
  const s = new Settings(env);
  if (config) {
    s.useStackConfig({ get: (k) => {
      const v = config[k];
      return v === undefined ? undefined : typeof v === "string" ? v : JSON.stringify(v);
    } }, path);
  }
  return s;
}

const ALI_OIDC_ENV = { ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1234:oidc-provider/github",
  ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile, ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1234:role/deployer" };

describe("credential plans", () => {
  it("takes keys from the environment first, as the vendors' chains do", () => {
    const { plan } = planCredentials("tencent", settings({ TENCENTCLOUD_SECRET_ID: "id", TENCENTCLOUD_SECRET_KEY: "k",
      TKE_PROVIDER_ID: "OIDC", TKE_WEB_IDENTITY_TOKEN_FILE: tokenFile, TKE_ROLE_ARN: "qcs::cam::uin/1:roleName/r" }), empty);
    assert.equal(plan?.spec.kind, "keys");
    assert.equal(plan?.lastResort, false);
  });

  it("uses Alibaba OIDC from the vendor's three variables when there are no keys, with the defaults", () => {
    const { plan } = planCredentials("alibaba", settings(ALI_OIDC_ENV), empty);
    assert.ok(plan?.spec.kind === "oidc");
    assert.equal(plan.spec.provider, "acs:ram::1234:oidc-provider/github");
    assert.deepEqual(plan.spec.role, { roleArn: "acs:ram::1234:role/deployer", sessionName: "pulumi-mediajobs",
      durationSeconds: 3600 });
    assert.match(plan.spec.where, /AssumeRoleWithOIDC of acs:ram::1234:role\/deployer \(\$ALIBABA_CLOUD_ROLE_ARN\)/);
    assert.equal(plan.spec.sts.alibabaHost, "sts.aliyuncs.com");
  });

  it("reads the STS region and the VPC endpoint switch the vendor's library reads", () => {
    const { plan } = planCredentials("alibaba", settings({ ...ALI_OIDC_ENV, ALIBABA_CLOUD_STS_REGION: "cn-shanghai",
      ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: "true" }), empty);
    assert.ok(plan?.spec.kind === "oidc");
    assert.equal(plan.spec.sts.alibabaHost, "sts-vpc.cn-shanghai.aliyuncs.com");
  });

  it("uses TKE pod OIDC for Tencent, in the STS region TKE names", () => {
    const { plan } = planCredentials("tencent", settings({ TKE_PROVIDER_ID: "OIDC", TKE_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      TKE_ROLE_ARN: "qcs::cam::uin/100000000001:roleName/deployer", TKE_REGION: "ap-shanghai" }), empty);
    assert.ok(plan?.spec.kind === "oidc");
    assert.equal(plan.spec.sts.tencentRegion, "ap-shanghai");
    assert.equal(plan.spec.role.durationSeconds, 7200);
  });

  it("falls to the instance's role last, and says what it looked at before (preview warns)", () => {
    const { plan } = planCredentials("tencent", settings({}), empty);
    assert.ok(plan?.spec.kind === "instanceRole");
    assert.equal(plan.lastResort, true);
    assert.match(plan.tried.join("; "), /\$TENCENTCLOUD_SECRET_ID.*credentials \(absent\).*TKE pod OIDC/);
  });

  it("names the instance's role without a guess when the config names it", () => {
    const { plan } = planCredentials("alibaba", settings({}, { "alicloud:ecsRoleName": "deployer" }), empty);
    assert.deepEqual(plan?.spec, { kind: "instanceRole", roleName: "deployer",
      where: "the ECS instance's RAM role (metadata service), role \"deployer\" (`alicloud:ecsRoleName`)" });
    assert.equal(plan?.lastResort, false);
  });

  it("says nothing yields credentials when the ECS metadata service is turned off, listing what it looked at", () => {
    const { plan, problems } = planCredentials("alibaba", settings({ ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" }), empty);
    assert.equal(plan, undefined);
    assert.equal(problems[0]?.kind, "none");
    assert.match(problems[0]!.message, /^No Alibaba Cloud credentials: looked at keys in \$ALICLOUD_ACCESS_KEY/);
    assert.match(problems[0]!.message, /config\.json \(absent\).*off \(\$ALIBABA_CLOUD_ECS_METADATA_DISABLED=true\)/);
  });

  it("reads a profile file of the default chain", () => {
    const dir = join(home, ".alibabacloud");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "credentials"), "[default]\ntype = access_key\naccess_key_id = file-id\n" +
      "access_key_secret = file-secret\n");
    try {
      const { plan } = planCredentials("alibaba", settings({}), home);
      assert.ok(plan?.spec.kind === "keys");
      assert.equal(plan.spec.keys.keyId, "file-id");
      assert.match(plan.spec.where, /^profile .*\.alibabacloud\/credentials/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("puts AssumeRole on top of whichever base is configured, keys or a role", () => {
    const role = { roleArn: "acs:ram::1234:role/media", sessionName: "ci-run", sessionExpiration: "1800" };
    const { plan } = planCredentials("alibaba", settings({ ALIBABA_CLOUD_ACCESS_KEY_ID: "id",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret" }, { "alicloud:assumeRole": role }), empty);
    assert.ok(plan?.spec.kind === "assumeRole");
    assert.equal(plan.spec.base.kind, "keys");
    assert.deepEqual(plan.spec.role, { roleArn: "acs:ram::1234:role/media", sessionName: "ci-run", durationSeconds: 1800 });
    assert.match(plan.spec.where, /AssumeRole of acs:ram::1234:role\/media \(`alicloud:assumeRole`\) on top of the keys in \$ALIBABA_CLOUD_ACCESS_KEY_ID and \$ALIBABA_CLOUD_ACCESS_KEY_SECRET$/);
    const onOidc = planCredentials("alibaba", settings(ALI_OIDC_ENV, { "alicloud:assumeRole": role }), empty).plan;
    assert.ok(onOidc?.spec.kind === "assumeRole" && onOidc.spec.base.kind === "oidc");
  });

  it("refuses two base sources in the config, naming both keys", () => {
    const { problems } = planCredentials("tencent", settings({}, { "mediajobs:tencentcloudSecretId": "id",
      "mediajobs:tencentcloudSecretKey": "k", "mediajobs:tencentcloudCamRoleName": "r" }, "provider"), empty);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /configured twice: `mediajobs:tencentcloudSecretId` and `mediajobs:tencentcloudCamRoleName`/);
    assert.ok(!problems[0]!.message.includes("\"k\""));
  });

  it("lets a configured role win over keys in the environment (no ambiguity: the config is explicit)", () => {
    const { plan } = planCredentials("alibaba", settings({ ALIBABA_CLOUD_ACCESS_KEY_ID: "id",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret" }, { "alicloud:assumeRoleWithOidc": { roleArn: "acs:ram::1:role/r",
      oidcProviderArn: "acs:ram::1:oidc-provider/p", oidcTokenFile: tokenFile } }), empty);
    assert.equal(plan?.spec.kind, "oidc");
  });

  it("names a malformed field by where it came from, the config key or the variable", () => {
    const fromEnv = planCredentials("alibaba", settings({ ...ALI_OIDC_ENV, ALIBABA_CLOUD_ROLE_ARN: "deployer" }), empty);
    assert.match(fromEnv.problems[0]!.message, /^\$ALIBABA_CLOUD_ROLE_ARN must be a RAM role ARN such as acs:ram::/);
    const fromConfig = planCredentials("tencent", settings({}, { "tencentcloud:assumeRole": { roleArn: "qcs::cam::uin/1:roleName/r",
      sessionDuration: "99999", extra: "x" } }), empty);
    const reasons = fromConfig.problems.map((p) => p.message).join("\n");
    assert.match(reasons, /tencentcloud:assumeRole\.sessionDuration must be an integer from 0 to 43200 \(seconds\); got "99999"/);
    assert.match(reasons, /tencentcloud:assumeRole\.extra is not a field of tencentcloud:assumeRole/);
  });

  it("refuses a missing required field and an object setting that is no object", () => {
    const partial = planCredentials("alibaba", settings({ ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile }), empty);
    assert.match(partial.problems.map((p) => p.message).join("\n"), /oidcProviderArn is required/);
    const notObject = planCredentials("alibaba", settings({}, { "alicloud:assumeRole": "acs:ram::1:role/r" }), empty);
    assert.match(notObject.problems[0]!.message, /`alicloud:assumeRole` must be an object with roleArn, sessionName/);
  });

  it("refuses an unreadable OIDC token file by its setting, without a network call", () => {
    const { problems } = planCredentials("alibaba", settings({ ...ALI_OIDC_ENV,
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: join(empty, "missing.jwt") }), empty);
    assert.match(problems[0]!.message, /^\$ALIBABA_CLOUD_OIDC_TOKEN_FILE names ".*missing\.jwt", which cannot be read/);
  });

  it("refuses a profile the config names that no file holds", () => {
    const { problems } = planCredentials("tencent", settings({}, { "tencentcloud:profile": "ci" }), empty);
    assert.match(problems[0]!.message, /names profile "ci", which no file holds \(looked at /);
  });
});
