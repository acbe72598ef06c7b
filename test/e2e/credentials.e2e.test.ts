/**
 * Credentials for deployment pipelines, through the engine in both forms: a stack with no keys anywhere (an OIDC
 * token file and a role per cloud), whose jobs wait more than three lifetimes of the temporary keys STS issues;
 * bad credential settings refused at `pulumi preview`, naming the setting; a renewal that fails mid-wait leaves the
 * jobs recorded as not finished, and the next `up` resumes them without submitting again. The state, the outputs
 * and everything the engine printed are scanned for every key, token and JWT involved.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMULATOR_ALIBABA_CREDENTIALS } from "../../emulator";
import { useE2eStack } from "../helpers/engine";
import { ALIBABA_TEST_ROLE, mintJwt, oidcKeyPair, standardClaims, TENCENT_TEST_ROLE } from "../helpers/oidc";

const ISSUER = "https://token.actions.example.test";
const ALIBABA_PROVIDER = "acs:ram::1234567890123456:oidc-provider/github";
/** How long the emulator's temporary keys live, and how long each job runs: more than three lifetimes. */
const KEY_LIFETIME_S = 4;
const JOB_MS = 14_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const form of ["dynamic", "plugin"] as const) {
  describe(`e2e: credentials from OIDC roles, no keys anywhere (${form} form)`, function () {
    this.timeout(600_000);
    const idp = oidcKeyPair();
    const dir = mkdtempSync(join(tmpdir(), "mediajobs-e2e-oidc-"));
    const tokens = { alibaba: join(dir, "alibaba.jwt"), tencent: join(dir, "tencent.jwt") };
    const written: string[] = [];
    /** Fresh tokens (or expired ones) in both files, as the CI system writes them. */
    const writeTokens = (lifetimeSeconds = 3600) => {
      for (const [cloud, audience] of [["alibaba", "sts.aliyuncs.com"], ["tencent", "sts.tencentcloudapi.com"]] as const) {
        const jwt = mintJwt(idp.privateKey, standardClaims(ISSUER, audience, Math.floor(Date.now() / 1000), lifetimeSeconds));
        written.push(jwt);
        writeFileSync(tokens[cloud], `${jwt}\n`);
      }
    };
    // The settings' names in this form.
    const key = form === "plugin"
      ? { alibaba: "mediajobs:alicloudAssumeRoleWithOidc", tencent: "mediajobs:tencentcloudAssumeRoleWithWebIdentity",
        accessKey: "mediajobs:alicloudAccessKey", secretKey: "mediajobs:alicloudSecretKey",
        tencentId: "mediajobs:tencentcloudSecretId", tencentRegion: "mediajobs:tencentcloudRegion" }
      : { alibaba: "alicloud:assumeRoleWithOidc", tencent: "tencentcloud:assumeRoleWithWebIdentity",
        accessKey: "alicloud:accessKey", secretKey: "alicloud:secretKey", tencentId: "tencentcloud:secretId",
        tencentRegion: "tencentcloud:region" };

    const e2e = useE2eStack({ name: `e2e-oidc-${form}`, program: "test/e2e/programs/history", plugin: form === "plugin",
      keys: false, env: { HOME: dir },
      emulator: { sts: { maxLifetimeSeconds: KEY_LIFETIME_S },
        oidc: [{ issuer: ISSUER, audience: "sts.aliyuncs.com", publicKeyPem: idp.publicKeyPem,
          alibabaProviderArn: ALIBABA_PROVIDER, tencentProviderId: "alibaba-audience" },
        { issuer: ISSUER, audience: "sts.tencentcloudapi.com", publicKeyPem: idp.publicKeyPem, tencentProviderId: "OIDC" }],
        tencent: { timeline: { runningAfterMs: 200, finishedAfterMs: JOB_MS } },
        alibaba: { timeline: { analysingAfterMs: 200, finishedAfterMs: JOB_MS } } },
      setup: async ({ ws }) => {
        if (form === "plugin") await ws.run(["config", "set", "form", "plugin"]);
        writeTokens();
        for (const [path, value] of [[`${key.alibaba}.roleArn`, ALIBABA_TEST_ROLE],
          [`${key.alibaba}.oidcProviderArn`, ALIBABA_PROVIDER], [`${key.alibaba}.oidcTokenFile`, tokens.alibaba],
          [`${key.alibaba}.roleSessionName`, "e2e-run"], [`${key.tencent}.roleArn`, TENCENT_TEST_ROLE],
          [`${key.tencent}.providerId`, "OIDC"], [`${key.tencent}.webIdentityTokenFile`, tokens.tencent]]) {
          await ws.run(["config", "set", "--plaintext", "--path", path!, value!]);
        }
      },
      teardown: async () => { rmSync(dir, { recursive: true, force: true }); } });
    const submitted = () => [...e2e.emulator.submissionsByUserData().values()].reduce((a, b) => a + b, 0);
    const renewals = () => ({
      alibaba: e2e.emulator.sts.issued().filter((k) => k.source === "AssumeRoleWithOIDC").length,
      tencent: e2e.emulator.sts.issued().filter((k) => k.source === "AssumeRoleWithWebIdentity").length,
    });
    /** A preview with one setting changed fails naming it; the setting is put back after. */
    async function refusedAtPreview(path: string, value: string, reason: RegExp, restore?: string, secret = false):
    Promise<void> {
      await e2e.ws.run(["config", "set", secret ? "--secret" : "--plaintext", "--path", path, value]);
      try {
        const preview = await e2e.ws.run(["preview"], { allowFailure: true });
        assert.notEqual(preview.code, 0, `${path}=${value} should fail the preview`);
        assert.match(preview.stdout + preview.stderr, reason);
      } finally {
        if (restore === undefined) await e2e.ws.run(["config", "rm", "--path", path]);
        else await e2e.ws.run(["config", "set", "--plaintext", "--path", path, restore]);
      }
      assert.equal(submitted(), 0, "a refused preview sends nothing");
    }

    it("refuses a malformed role ARN, an unreadable token file, keys beside a role, half a key pair and a malformed " +
      "region at preview, naming each", async () => {
      await refusedAtPreview(`${key.alibaba}.roleArn`, "deployer",
        new RegExp(`${key.alibaba.replace(/[.:]/g, "\\$&")}\\.roleArn must be a RAM role ARN such as acs:ram::`),
        ALIBABA_TEST_ROLE);
      await refusedAtPreview(`${key.tencent}.webIdentityTokenFile`, join(dir, "missing.jwt"),
        /webIdentityTokenFile` \(or \$TKE_WEB_IDENTITY_TOKEN_FILE\) names ".*missing\.jwt", which cannot be read/, tokens.tencent);
      await refusedAtPreview(key.tencentId, "half-a-pair-id", /Tencent Cloud credentials are missing: set the SecretKey/,
        undefined, true);
      await refusedAtPreview(key.tencentRegion, "guangzhou",
        new RegExp(`${key.tencentRegion.replace(/[.:]/g, "\\$&")} must be a region id such as ap-guangzhou`));
      await e2e.ws.run(["config", "set", "--secret", key.secretKey, EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret]);
      try {
        await refusedAtPreview(key.accessKey, EMULATOR_ALIBABA_CREDENTIALS.accessKeyId,
          new RegExp(`configured twice: \`${key.accessKey}\` and \`${key.alibaba}\``), undefined, true);
      } finally {
        await e2e.ws.run(["config", "rm", key.secretKey]);
      }
    });

    it("deploys with only OIDC roles: jobs that wait more than three key lifetimes succeed on renewed keys", async () => {
      const before = renewals();
      const started = Date.now();
      await e2e.ws.run(["up", "--yes", "--skip-preview"]);
      const waited = Date.now() - started;
      const after = renewals();
      assert.equal(submitted(), 3);
      assert.ok(waited > 3 * KEY_LIFETIME_S * 1000, `the up took ${waited} ms`);
      // The keys of one process: each renewed at least three times while the jobs waited.
      assert.ok(after.alibaba - before.alibaba >= 3 && after.tencent - before.tencent >= 3, JSON.stringify({ before, after }));
      assert.equal(e2e.emulator.sts.refusedExpired(), 0, "no request went out with an expired key");
      console.log(`      keys living ${KEY_LIFETIME_S} s, jobs of ${JOB_MS / 1000} s, up ${(waited / 1000).toFixed(1)} s: ` +
        `${after.alibaba - before.alibaba} Alibaba and ${after.tencent - before.tencent} Tencent keys issued`);
    });

    it("records the jobs as not finished when a renewal fails mid-wait, and the next up resumes them", async () => {
      await e2e.ws.run(["config", "set", "run", "2"]);
      const count = submitted();
      const up = e2e.ws.start(["up", "--yes", "--skip-preview"]);
      for (const deadline = Date.now() + 60_000; submitted() < count + 3; await sleep(100)) {
        assert.ok(Date.now() < deadline, `the jobs were not submitted:\n${up.output()}`);
      }
      writeTokens(-120);
      assert.notEqual(await up.exited, 0, up.output());
      const text = up.output();
      assert.match(text, /No credentials from AssumeRoleWith(OIDC|WebIdentity) of .*AuthenticationFail\.OIDCToken\.Expired|WebIdentityTokenError/, text);
      assert.match(text, /It is recorded in the stack: the next `pulumi up` resumes waiting for the same job/, text);
      writeTokens();
      await e2e.ws.run(["up", "--yes", "--skip-preview"]);
      assert.equal(submitted(), count + 3, "the jobs were resumed, not submitted again");
      await e2e.ws.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
    });

    it("leaves no key, token or JWT in the state, the outputs or anything the engine printed", async () => {
      const values = [...e2e.emulator.sts.issuedValues(), ...written];
      const places = {
        state: (await e2e.ws.run(["stack", "export"])).stdout,
        outputs: (await e2e.ws.run(["stack", "output", "--json", "--show-secrets"])).stdout,
        "the engine's output (every command, errors included)": e2e.ws.log,
      };
      for (const [where, text] of Object.entries(places)) {
        for (const value of values) assert.ok(!text.includes(value), `a credential appears in ${where}`);
      }
      console.log(`      scanned ${Object.keys(places).length} places for ${values.length} values ` +
        `(${e2e.emulator.sts.issued().length} temporary keys with their secrets and tokens, ${written.length} JWTs)`);
      await e2e.ws.run(["destroy", "--yes", "--skip-preview"]);
    });
  });
}
