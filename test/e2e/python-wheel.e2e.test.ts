/**
 * The Python packages `npm run release` publishes: the wheel and the sdist of `pulumi_mediajobs`, built with
 * `python -m build` (scripts/release.sh --python). The wheel goes into a FRESH virtual environment with `pulumi` from
 * the package index and nothing of this checkout, and deploys all four resources through the engine and the
 * installed plugin (the Automation API program of the Python test); the sdist installs in its place and carries the
 * same package.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator, startEmulator } from "../../emulator";
import { REPO_ROOT, requireEngine } from "../helpers/engine";
import {
  assertNoSecretsInBackend, checkReports, installedPluginEnv, PACKAGE_VERSION, QUICK_JOBS, runReporting,
} from "../helpers/release";

const PULUMI_PYTHON_VERSION = "3.259.0";

describe("e2e: the Python wheel and sdist, installed into a fresh virtual environment", function () {
  this.timeout(900_000);
  const work = mkdtempSync(join(tmpdir(), "mediajobs-wheel-"));
  const dists = join(work, "dist");
  const venv = join(work, "venv");
  const python = join(venv, "bin", "python");
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;

  const pip = (...args: string[]) => execFileSync(python, ["-m", "pip", "--disable-pip-version-check", ...args],
    { cwd: work, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const sdkFile = (code: string) => execFileSync(python, ["-c", code], { cwd: work, encoding: "utf8" }).trim();

  before(async function () {
    const engine = requireEngine(this);
    execFileSync("bash", [join(REPO_ROOT, "scripts", "release.sh"), "--python", dists],
      { stdio: ["ignore", "inherit", "pipe"] });
    execFileSync(process.env.MEDIAJOBS_PYTHON ?? "python3", ["-m", "venv", venv], { stdio: "inherit" });
    env = installedPluginEnv(engine);
    emulator = await startEmulator({ ...QUICK_JOBS });
  });
  after(async () => {
    await emulator?.close();
    rmSync(work, { recursive: true, force: true });
    if (env?.PULUMI_HOME) rmSync(env.PULUMI_HOME, { recursive: true, force: true });
  });

  it("builds a wheel and an sdist named with the package's version, and nothing else", () => {
    assert.deepEqual(readdirSync(dists).sort(),
      [`pulumi_mediajobs-${PACKAGE_VERSION}-py3-none-any.whl`, `pulumi_mediajobs-${PACKAGE_VERSION}.tar.gz`]);
  });

  it("deploys all four resources from the wheel, with pulumi from the package index", async () => {
    pip("install", "--quiet", `pulumi==${PULUMI_PYTHON_VERSION}`,
      join(dists, `pulumi_mediajobs-${PACKAGE_VERSION}-py3-none-any.whl`));
    // Installed from the wheel, not this checkout: the module lives in the fresh environment.
    assert.ok(sdkFile("import pulumi_mediajobs; print(pulumi_mediajobs.__file__)").startsWith(venv));
    assert.match(pip("show", "pulumi_mediajobs"), new RegExp(`^Version: ${PACKAGE_VERSION.replace(/\./g, "\\.")}$`, "m"));
    const backend = mkdtempSync(join(work, "state-"));
    const reports = await runReporting(python, [join(REPO_ROOT, "test", "e2e", "programs", "python", "automation.py"),
      `wheel-${process.pid}`, backend], { env: { ...env, MEDIAJOBS_EMULATOR_URL: emulator.url }, cwd: work });
    checkReports(reports, { queue: "py-queue", pipeline: "py-pipeline" });
    assertNoSecretsInBackend(backend);
  });

  it("installs the sdist in its place, with the plugin's name and version in the package", () => {
    pip("install", "--quiet", "--force-reinstall", "--no-deps", join(dists, `pulumi_mediajobs-${PACKAGE_VERSION}.tar.gz`));
    const plugin = JSON.parse(sdkFile("import importlib.resources as r; " +
      "print(r.files('pulumi_mediajobs').joinpath('pulumi-plugin.json').read_text())")) as { name: string; version: string };
    assert.equal(plugin.name, "mediajobs");
    assert.equal(plugin.version, PACKAGE_VERSION);
    assert.ok(sdkFile("import pulumi_mediajobs as m; print(m.CiMediaJob.__name__, m.IProductionJob.__name__)")
      .startsWith("CiMediaJob IProductionJob"));
    assert.equal(sdkFile("import importlib.metadata as m; print(m.version('pulumi_mediajobs'))"), PACKAGE_VERSION);
  });
});
