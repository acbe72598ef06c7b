/**
 * The README's Python quickstart, as written: its blocks (test/helpers/quickstart.ts) run in order in one bash, from
 * the checkout, with a HOME and a PULUMI_HOME of the test's own (the engine reads the user's home from the system,
 * not from $HOME), so the login, the installed plugin and ~/mediajobs-quickstart are fresh and nothing is left in
 * the machine's. What the test changes, and why:
 * - `npm` is a no-op: `npm ci` and `npm run package` must not rewrite the checkout the suite runs from; scripts/test.sh
 *   has installed, built and packaged already (the archive is made here when it has not);
 * - the emulator's port 9700 becomes a free one, so a running emulator does not collide;
 * - the engine's, pip's and Go's caches stay the machine's (MEDIAJOBS_ENGINE_CACHE, PIP_CACHE_DIR, GOPATH, GOCACHE);
 * - Pulumi's, the clouds' and this suite's settings are left out of the environment, as a newcomer has none.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator, startEmulator } from "../../emulator";
import { PulumiWorkspace, REPO_ROOT, requireEngine, walk } from "../helpers/engine";
import {
  freePort, generateFromTemplate, quickstartBlocks, quickstartEnv, quickstartScript, runScript,
} from "../helpers/quickstart";
import {
  assertNoSecretsInBackend, installedPluginEnv, PACKAGE_VERSION, pluginRelease, pythonEnv, QUICK_JOBS, runReporting,
} from "../helpers/release";

describe("e2e: the README's Python quickstart, as written", function () {
  this.timeout(900_000);
  const home = mkdtempSync(join(tmpdir(), "mediajobs-quickstart-home-"));
  after(() => rmSync(home, { recursive: true, force: true }));

  it("has its blocks: the checkout, the project, the emulator, the inputs, upload.py, deploy.py, up and destroy", () => {
    const blocks = quickstartBlocks("python");
    assert.deepEqual(blocks.map((b) => b.file ?? b.lang), ["sh", "sh", "sh", "upload.py", "sh", "deploy.py", "sh"]);
    const deploy = blocks.find((b) => b.file === "deploy.py")!.text;
    for (const key of ["ciEndpoint", "mpsEndpoint", "tencentcloudRegion", "tencentcloudSecretId", "tencentcloudSecretKey",
      "alicloudRegion", "alicloudAccessKey", "alicloudSecretKey"]) {
      assert.ok(deploy.includes(`"mediajobs:${key}"`), `deploy.py sets mediajobs:${key}`);
    }
    assert.ok(!/__main__/.test(deploy), "a plain script, no __main__ guard");
  });

  it("uploads with cos-python-sdk-v5 and oss2, deploys a CiMediaJob and an IProductionJob, and destroys them", async function () {
    requireEngine(this);
    const archive = pluginRelease();
    const expected = join(REPO_ROOT, "dist", "release", `pulumi-resource-mediajobs-v${PACKAGE_VERSION}-linux-amd64.tar.gz`);
    assert.ok(existsSync(expected), `the quickstart installs ${expected} (the archive is ${archive})`);
    const port = await freePort();
    const script = "npm() { echo \"(npm $*: done by the test run)\"; }\n" +
      quickstartScript(quickstartBlocks("python")).replaceAll("9700", String(port));
    const { code, out } = await runScript(script, quickstartEnv(home));
    assert.equal(code, 0, out);
    // The banner printed every key the program sets, for the port it listens on.
    assert.match(out, new RegExp(`mediajobs:ciEndpoint=http://127\\.0\\.0\\.1:${port}`));
    assert.match(out, /mediajobs:alicloudAccessKey=mediajobs-emulator-access-key-id/);
    assert.match(out, /mediajobs:tencentcloudRegion=ap-guangzhou mediajobs:alicloudRegion=cn-shanghai/);
    assert.match(out, /uploaded videos\/clip\.mp4 to COS and photos\/portrait\.jpg to OSS/);
    // MediaInfo of the real 4-second clip, and the cartoon of the photo.
    const duration = /^duration: (\S+)$/m.exec(out)?.[1];
    assert.ok(duration && Math.abs(Number(duration) - 4) < 0.2, `duration ${duration}\n${out}`);
    assert.match(out, /^cartoonFiles: \[.*cartoons\/portrait-result\.jpg/m);
    assert.match(out, /^portrait-result\.jpg$/m, "ls shows the cartoon in the emulator's data directory");
    assert.match(out, /Resources:\s*\n\s*- 3 deleted/, "destroy removed the stack's resources");
    const project = join(home, "mediajobs-quickstart");
    assert.ok(readdirSync(join(project, "emulator-data", "oss", "example-media", "cartoons")).length > 0);
    const backend = join(project, "state", ".pulumi");
    const state = walk(backend).map((f) => f.slice(backend.length));
    assert.ok(state.some((f) => /\/mediajobs-quickstart\/dev\.json$/.test(f)), `the stack's state: ${state.join(", ")}`);
    // The keys were set as secrets: the checkpoints hold none in clear.
    assertNoSecretsInBackend(backend);
  });
});

describe("e2e: the Python template, as pulumi new writes it", function () {
  this.timeout(600_000);
  const work = mkdtempSync(join(tmpdir(), "mediajobs-python-template-"));
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;
  after(async () => {
    await emulator?.close();
    rmSync(work, { recursive: true, force: true });
    if (env?.PULUMI_HOME) rmSync(env.PULUMI_HOME, { recursive: true, force: true });
  });

  it("deploys its CiMediaJob and IProductionJob with the mediajobs:* keys, and destroys them", async function () {
    const engine = requireEngine(this);
    const python = pythonEnv();
    env = installedPluginEnv(engine);
    emulator = await startEmulator({ ...QUICK_JOBS });
    const project = join(work, "project");
    mkdirSync(project);
    const ws = new PulumiWorkspace(engine, project);
    try {
      await generateFromTemplate(ws, join(REPO_ROOT, "templates", "mediajobs-python"), "mediajobs-python-template",
        "python");
    } finally {
      rmSync(ws.backendDir, { recursive: true, force: true });
    }
    assert.match(readFileSync(join(project, "requirements.txt"), "utf8"), /^pulumi_mediajobs>=/m);
    const config: Record<string, [string, boolean]> = {
      "bucket": ["examplebucket-1250000000", false], "ossBucket": ["example-media", false],
      "mediajobs:tencentcloudRegion": ["ap-guangzhou", false], "mediajobs:alicloudRegion": ["cn-shanghai", false],
      "mediajobs:ciEndpoint": [emulator.url, false], "mediajobs:mpsEndpoint": [emulator.url, false],
      "mediajobs:tencentcloudSecretId": [env.MEDIAJOBS_E2E_TENCENT_ID!, true],
      "mediajobs:tencentcloudSecretKey": [env.MEDIAJOBS_E2E_TENCENT_KEY!, true],
      "mediajobs:alicloudAccessKey": [env.MEDIAJOBS_E2E_ALIBABA_ID!, true],
      "mediajobs:alicloudSecretKey": [env.MEDIAJOBS_E2E_ALIBABA_KEY!, true],
    };
    const backend = mkdtempSync(join(work, "state-"));
    const reports = await runReporting(python, [join(REPO_ROOT, "test", "e2e", "programs", "python", "template.py"),
      project, `template-${process.pid}`, backend, JSON.stringify(config)], { env });
    assert.deepEqual(reports.map((r) => r.step), ["up", "destroy"]);
    assert.equal(reports[0]!.changes.create, 3, JSON.stringify(reports[0]!.changes));
    assert.ok(reports[0]!.outputs!.duration, "MediaInfo's duration reached the outputs");
    assert.ok((reports[0]!.outputs!.cartoonFiles as string[]).length > 0);
    assert.equal(reports[1]!.changes.delete, 3);
    assertNoSecretsInBackend(backend);
    assert.deepEqual(emulator.mps.jobs().map((j) => j.params.FunctionName), ["ImageCartoonize"]);
    assert.deepEqual(emulator.ci.jobs().map((j) => j.tag), ["MediaInfo"]);
  });
});
