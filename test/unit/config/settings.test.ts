import assert from "node:assert/strict";
import { ConfigurationError } from "../../../provider/errors";
import { Settings, SETTING_LIST } from "../../../provider/config/settings";
import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulatorCertificate } from "../../../emulator/tls";

/** Settings over a given environment (never the process's), optionally with a stack config. */
function settings(env: Record<string, string>, config?: Record<string, string>): Settings {
  const s = new Settings(env);
  if (config) s.useStackConfig({ get: (k) => config[k] });
  return s;
}

describe("settings", () => {
  it("gives no keys when neither half is set (the credential plan looks further)", () => {
    assert.equal(settings({}).tencentKeys(), undefined);
    assert.equal(settings({}).alibabaKeys(), undefined);
  });

  it("names only the missing half", () => {
    assert.throws(() => settings({ TENCENTCLOUD_SECRET_ID: "TEST-ID" }).tencentKeys(),
      (e: Error) => !e.message.includes("secretId") && e.message.includes("secretKey") && !e.message.includes("TEST-ID"));
  });

  it("prefers the stack config over the environment, read at call time", () => {
    const env = { TENCENTCLOUD_SECRET_ID: "env-id", TENCENTCLOUD_SECRET_KEY: "env-key" };
    const s = settings(env);
    assert.deepEqual(s.tencentKeys(), { keyId: "env-id", secret: "env-key" });
    s.useStackConfig({ get: (k) => ({ "tencentcloud:secretId": "cfg-id", "tencentcloud:secretKey": "cfg-key",
      "tencentcloud:securityToken": "tok" } as Record<string, string>)[k] });
    assert.deepEqual(s.tencentKeys(), { keyId: "cfg-id", secret: "cfg-key", securityToken: "tok" });
    s.useStackConfig(undefined);
    assert.deepEqual(s.tencentKeys(), { keyId: "env-id", secret: "env-key" }, "back to the environment");
  });

  it("lets the resource's region win over config and environment", () => {
    const s = settings({ TENCENTCLOUD_REGION: "ap-beijing" });
    assert.equal(s.tencentRegion(undefined), "ap-beijing");
    assert.equal(s.tencentRegion("ap-shanghai"), "ap-shanghai");
    assert.throws(() => settings({}).tencentRegion(undefined), /tencentcloud:region/);
    assert.equal(settings({}, { "tencentcloud:region": "ap-chengdu" }).tencentRegion(undefined), "ap-chengdu");
  });

  it("names the Alibaba config key and both env vars of a missing key, in one error", () => {
    assert.throws(() => settings({ ALICLOUD_ACCESS_KEY: "id-from-env" }).alibabaKeys(),
      (e: Error) => e instanceof ConfigurationError &&
      /alicloud:secretKey/.test(e.message) && /\$ALICLOUD_SECRET_KEY/.test(e.message) &&
      /\$ALIBABA_CLOUD_ACCESS_KEY_SECRET/.test(e.message) && !/alicloud:accessKey/.test(e.message) &&
      !e.message.includes("id-from-env"));
  });

  it("takes the first Alibaba env var that is set, and the STS token", () => {
    const s = settings({ ALIBABA_CLOUD_ACCESS_KEY_ID: "second", ALICLOUD_ACCESS_KEY: "first",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret", ALIBABA_CLOUD_SECURITY_TOKEN: "sts", ALIBABA_CLOUD_REGION: "cn-hangzhou" });
    assert.deepEqual(s.alibabaKeys(), { keyId: "first", secret: "secret", securityToken: "sts" });
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

  it("are all in the README's table, each with its config key and every environment variable", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "..", "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Credentials, region and endpoints"), readme.indexOf("## Errors"));
    const rows = section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| setting"));
    for (const setting of SETTING_LIST) {
      const row = rows.find((r) => r.includes(`\`${setting.configKey}\``));
      assert.ok(row, `README: no row for ${setting.configKey}`);
      for (const env of [...setting.env, ...Object.values(setting.fieldEnv ?? {}).flat()]) {
        assert.ok(row.includes(`\`${env}\``), `README: ${env} missing from ${row}`);
      }
    }
    // Both forms' keys are named (the pipelines section gives each in both); other `a:b` names (`oidc:sub`) are not ours.
    const documented = [...section.matchAll(/`((?:alicloud|tencentcloud|mediajobs):[A-Za-z]+)/g)].map((m) => m[1]);
    const known = new Set(SETTING_LIST.flatMap((s) => [s.configKey, `mediajobs:${s.providerKey}`]));
    assert.deepEqual(documented.filter((k) => !known.has(k!)), [], "README names config keys the provider does not read");
  });

  describe("the CA of an https:// endpoint override", () => {
    const dir = mkdtempSync(join(tmpdir(), "mediajobs-ca-"));
    const two = createEmulatorCertificate().cert + "some comment\n" + createEmulatorCertificate().cert;
    const file = (name: string, text: string) => { writeFileSync(join(dir, name), text); return join(dir, name); };
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("is none unless named, and read from the stack config before the environment, at call time", () => {
      assert.equal(settings({}).endpointCa(), undefined);
      const envFile = file("env.pem", two);
      const s = settings({ MEDIAJOBS_ENDPOINT_CA_FILE: envFile });
      const ca = s.endpointCa()!;
      assert.equal(ca.file, envFile);
      assert.equal(ca.pem.match(/BEGIN CERTIFICATE/g)?.length, 2, "every certificate of the file, nothing else");
      assert.ok(!ca.pem.includes("some comment"));
      const cfgFile = file("cfg.pem", createEmulatorCertificate().cert);
      s.useStackConfig({ get: (k) => (k === "mediajobs:endpointCaFile" ? cfgFile : undefined) });
      assert.equal(s.endpointCa()!.file, cfgFile);
      assert.equal(s.endpointCa(), s.endpointCa(), "an unchanged file is not read and parsed again");
      writeFileSync(cfgFile, two);
      assert.equal(s.endpointCa()!.pem.match(/BEGIN CERTIFICATE/g)?.length, 2, "a renewed file is read again");
    });

    it("names the setting and the file when the file is missing, holds no certificate or a broken one", () => {
      const refused = (path: string, rule: RegExp) => assert.throws(
        () => settings({}, { "mediajobs:endpointCaFile": path }).endpointCa(), (e: Error) =>
          e instanceof ConfigurationError && e.message.includes("mediajobs:endpointCaFile") &&
          e.message.includes("$MEDIAJOBS_ENDPOINT_CA_FILE") && e.message.includes(`"${path}"`) && rule.test(e.message));
      refused(join(dir, "absent.pem"), /cannot be read: ENOENT/);
      refused(file("key.pem", "-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n"), /holds no PEM certificate/);
      refused(file("broken.pem", "-----BEGIN CERTIFICATE-----\nMIIBroken\n-----END CERTIFICATE-----\n"),
        /certificate 1 cannot be parsed/);
    });
  });
});
