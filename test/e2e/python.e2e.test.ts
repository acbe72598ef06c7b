/**
 * Python users: the generated `pulumi_mediajobs` (installed with pip next to `pulumi` from PyPI) and the
 * self-contained plugin installed from its release tarball, through the real engine. The program runs through
 * Python's Automation API (an inline program: this machine has no Python language host): preview → up → refresh
 * → destroy of all four resources against the emulator, with every output checked.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator, startEmulator } from "../../emulator";
import { REPO_ROOT, requireEngine } from "../helpers/engine";
import { ALIBABA_TEST_ROLE, mintJwt, oidcKeyPair, standardClaims, TENCENT_TEST_ROLE } from "../helpers/oidc";
import {
  assertNoSecretsInBackend, checkReports, installedPluginEnv, installedPlugins, PACKAGE_VERSION, pythonEnv,
  QUICK_JOBS, runReporting,
} from "../helpers/release";

describe("e2e: Python, through the Automation API and the installed plugin", function () {
  this.timeout(600_000);
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;
  let python: string;
  const backend = mkdtempSync(join(tmpdir(), "mediajobs-python-state-"));

  before(async function () {
    const engine = requireEngine(this);
    python = pythonEnv();
    env = installedPluginEnv(engine);
    emulator = await startEmulator({ ...QUICK_JOBS,
      oidc: [{ issuer: ISSUER, audience: "sts.aliyuncs.com", publicKeyPem: idp.publicKeyPem,
        alibabaProviderArn: ALIBABA_PROVIDER, tencentProviderId: "alibaba-audience" },
      { issuer: ISSUER, audience: "sts.tencentcloudapi.com", publicKeyPem: idp.publicKeyPem, tencentProviderId: "OIDC" }] });
  });
  after(async () => {
    await emulator?.close();
    rmSync(backend, { recursive: true, force: true });
    if (env?.PULUMI_HOME) rmSync(env.PULUMI_HOME, { recursive: true, force: true });
  });
  const ISSUER = "https://token.actions.example.test";
  const ALIBABA_PROVIDER = "acs:ram::1234567890123456:oidc-provider/github";
  const idp = oidcKeyPair();

  it("has the release installed as `pulumi plugin install` puts it, and no other mediajobs plugin", () => {
    assert.deepEqual(installedPlugins(env).filter((p) => p.includes("mediajobs")), [`resource mediajobs ${PACKAGE_VERSION}`]);
    assert.throws(() => execFileSync("which", ["pulumi-resource-mediajobs"], { env }), "no plugin on PATH");
  });

  it("previews, creates, refreshes and destroys all four resources from Python", async () => {
    const reports = await runReporting(python, [join(REPO_ROOT, "test", "e2e", "programs", "python", "automation.py"),
      `py-${process.pid}`, backend], { env: { ...env, MEDIAJOBS_EMULATOR_URL: emulator.url } });
    checkReports(reports, { queue: "py-queue", pipeline: "py-pipeline" });
    assertNoSecretsInBackend(backend);
    // Every job was submitted once, signed with the configured keys.
    assert.equal(emulator.ci.jobs().filter((j) => j.tag === "MediaInfo").length, 1);
    assert.equal(emulator.ci.jobs().filter((j) => j.tag === "SmartCover").length, 1);
  });
  it("deploys with an explicit Provider whose roles are assumed with OIDC token files (typed Args), no keys", async () => {
    const tokenDir = mkdtempSync(join(tmpdir(), "mediajobs-python-oidc-"));
    try {
      const now = Math.floor(Date.now() / 1000);
      const tokens = { alibaba: join(tokenDir, "alibaba.jwt"), tencent: join(tokenDir, "tencent.jwt") };
      const jwts = [mintJwt(idp.privateKey, standardClaims(ISSUER, "sts.aliyuncs.com", now)),
        mintJwt(idp.privateKey, standardClaims(ISSUER, "sts.tencentcloudapi.com", now))];
      writeFileSync(tokens.alibaba, jwts[0]!);
      writeFileSync(tokens.tencent, jwts[1]!);
      // No keys in the environment the program runs in.
      const { MEDIAJOBS_E2E_TENCENT_ID: _a, MEDIAJOBS_E2E_TENCENT_KEY: _b, MEDIAJOBS_E2E_ALIBABA_ID: _c,
        MEDIAJOBS_E2E_ALIBABA_KEY: _d, ...keyless } = env;
      const reports = await runReporting(python, [join(REPO_ROOT, "test", "e2e", "programs", "python", "oidc.py"),
        `py-oidc-${process.pid}`, backend], { env: { ...keyless, MEDIAJOBS_EMULATOR_URL: emulator.url,
        MEDIAJOBS_E2E_OIDC_ALIBABA_PROVIDER: ALIBABA_PROVIDER, MEDIAJOBS_E2E_OIDC_ALIBABA_ROLE: ALIBABA_TEST_ROLE,
        MEDIAJOBS_E2E_OIDC_ALIBABA_TOKEN_FILE: tokens.alibaba, MEDIAJOBS_E2E_OIDC_TENCENT_ROLE: TENCENT_TEST_ROLE,
        MEDIAJOBS_E2E_OIDC_TENCENT_TOKEN_FILE: tokens.tencent } });
      assert.deepEqual(reports.map((r) => r.step), ["up", "destroy"]);
      assert.deepEqual(reports[0]!.outputs, { infoState: "Success", coverState: "Success" });
      const sources = new Set(emulator.sts.issued().map((k) => k.source));
      assert.ok(sources.has("AssumeRoleWithOIDC") && sources.has("AssumeRoleWithWebIdentity"), [...sources].join(", "));
      assertNoSecretsInBackend(backend, [...jwts, ...emulator.sts.issuedValues()]);
    } finally {
      rmSync(tokenDir, { recursive: true, force: true });
    }
  });
});
