/**
 * Go users: the generated module (sdk/go, package `mediajobs`, built against github.com/pulumi/pulumi/sdk/v3) and
 * the self-contained plugin installed from its release tarball, through the real engine. The program
 * (test/e2e/programs/go) runs through Go's Automation API (an inline program: this machine has no Go language host):
 * preview → up → refresh → destroy of all four resources against the emulator, with every output checked.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator, startEmulator } from "../../emulator";
import { REPO_ROOT, requireEngine } from "../helpers/engine";
import {
  assertNoSecretsInBackend, checkReports, installedPluginEnv, installedPlugins, PACKAGE_VERSION, QUICK_JOBS,
  runReporting,
} from "../helpers/release";

describe("e2e: Go, through the Automation API and the installed plugin", function () {
  this.timeout(900_000);
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;
  const work = mkdtempSync(join(tmpdir(), "mediajobs-go-"));
  const program = join(work, "program");

  before(async function () {
    const engine = requireEngine(this);
    env = installedPluginEnv(engine);
    // The module's go.sum is committed: -mod=readonly fails when it or the SDK's module is stale.
    execFileSync("go", ["build", "-mod=readonly", "-o", program, "."],
      { cwd: join(REPO_ROOT, "test", "e2e", "programs", "go"), env: { ...process.env, CGO_ENABLED: "0" },
        stdio: ["ignore", "inherit", "inherit"] });
    emulator = await startEmulator({ ...QUICK_JOBS });
  });
  after(async () => {
    await emulator?.close();
    rmSync(work, { recursive: true, force: true });
    if (env?.PULUMI_HOME) rmSync(env.PULUMI_HOME, { recursive: true, force: true });
  });

  it("has the release installed as `pulumi plugin install` puts it", () => {
    assert.deepEqual(installedPlugins(env).filter((p) => p.includes("mediajobs")), [`resource mediajobs ${PACKAGE_VERSION}`]);
  });

  it("previews, creates, refreshes and destroys all four resources from Go", async () => {
    const backend = mkdtempSync(join(work, "state-"));
    const reports = await runReporting(program, [`go-${process.pid}`, backend],
      { env: { ...env, MEDIAJOBS_EMULATOR_URL: emulator.url } });
    checkReports(reports, { queue: "go-queue", pipeline: "go-pipeline" });
    assertNoSecretsInBackend(backend);
    assert.equal(emulator.ci.jobs().filter((j) => j.tag === "SmartCover").length, 1);
  });
});
