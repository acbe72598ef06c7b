/**
 * Python users: the generated `pulumi_mediajobs` (installed with pip next to `pulumi` from PyPI) and the
 * self-contained plugin installed from its release tarball, through the real engine. The program runs through
 * Python's Automation API (an inline program: this machine has no Python language host): preview → up → refresh
 * → destroy of all four resources against the emulator, with every output checked.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator, startEmulator } from "../../emulator";
import { REPO_ROOT, requireEngine } from "../helpers/engine";
import {
  assertNoSecretsInBackend, checkReports, installedPluginEnv, installedPlugins, PACKAGE_VERSION, pythonEnv,
  runReporting,
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
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 50, finishedAfterMs: 300 } },
      alibaba: { timeline: { analysingAfterMs: 50, finishedAfterMs: 300 } } });
  });
  after(async () => {
    await emulator?.close();
    rmSync(backend, { recursive: true, force: true });
    if (env?.PULUMI_HOME) rmSync(env.PULUMI_HOME, { recursive: true, force: true });
  });

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
});
