/**
 * Pulumi YAML users: a YAML program (no SDK) through the real engine, Pulumi YAML's language host
 * (scripts/build-yaml-host.sh) and the self-contained plugin installed from its release tarball, against the
 * emulator. First examples/yaml-media-jobs (all four resources, one explicit Provider per cloud account): preview →
 * up → refresh (no changes) → a no-op up → destroy. Then the README's YAML quickstart, its shell blocks run as
 * written in a fresh HOME (templates/mediajobs-yaml, the emulator in a second "terminal", an input copied into its
 * --data-dir). Under CI=true a missing engine or YAML host fails the suite.
 */
import assert from "node:assert/strict";
import { ChildProcess, execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Emulator, EMULATOR_ALIBABA_CREDENTIALS, EMULATOR_TENCENT_CREDENTIALS, startEmulator } from "../../emulator";
import { assertNoSecrets, PulumiWorkspace, REPO_ROOT, requireEngine, walk } from "../helpers/engine";
import {
  assertNoSecretsInBackend, installedPluginEnv, PACKAGE_VERSION, pluginRelease, QUICK_JOBS,
} from "../helpers/release";
import { quickstartBlocks } from "../helpers/quickstart-blocks";
import { requireYamlHost } from "../helpers/yaml-host";

interface HistoryEntry { kind: string; result: string; resourceChanges?: Record<string, number> }

describe("e2e: Pulumi YAML, examples/yaml-media-jobs through the installed plugin", function () {
  this.timeout(600_000);
  const stack = `yaml-${process.pid}`;
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;
  let ws: PulumiWorkspace;
  let project: string;
  let engine: string;

  before(async function () {
    engine = requireEngine(this);
    const yamlHost = requireYamlHost(this, engine);
    env = installedPluginEnv(engine, [yamlHost]);
    emulator = await startEmulator({ ...QUICK_JOBS });
    // A copy, so that the stack's config file is never written into the checkout.
    project = mkdtempSync(join(tmpdir(), "mediajobs-yaml-"));
    copyFileSync(join(REPO_ROOT, "examples", "yaml-media-jobs", "Pulumi.yaml"), join(project, "Pulumi.yaml"));
    ws = new PulumiWorkspace(engine, project, env);
    await ws.run(["stack", "init", stack]);
    for (const [key, value, secret] of [["ciEndpoint", emulator.url], ["mpsEndpoint", emulator.url],
      ["tencentSecretId", EMULATOR_TENCENT_CREDENTIALS.secretId, true],
      ["tencentSecretKey", EMULATOR_TENCENT_CREDENTIALS.secretKey, true],
      ["alibabaAccessKey", EMULATOR_ALIBABA_CREDENTIALS.accessKeyId, true],
      ["alibabaSecretKey", EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret, true]] as [string, string, boolean?][]) {
      await ws.run(["config", "set", ...(secret ? ["--secret"] : []), key, value]);
    }
  });
  after(async () => {
    try {
      await ws?.dispose(stack);
    } finally {
      await emulator?.close();
      if (project) rmSync(project, { recursive: true, force: true });
      if (env?.PULUMI_HOME) rmSync(env.PULUMI_HOME, { recursive: true, force: true });
    }
  });

  const history = async () => (await ws.json<HistoryEntry[]>(["stack", "history"])).reverse();
  const jobsTagged = (tag: string) => emulator.ci.jobs().filter((j) => j.tag === tag).length;

  it("previews the two providers and six resources", async () => {
    const preview = await ws.json<{ changeSummary: Record<string, number> }>(["preview"]);
    // The stack, two explicit providers, two pipelines (a CI queue, an MPS pipeline), four jobs.
    assert.deepEqual(preview.changeSummary, { create: 9 });
  });

  it("creates them with `pulumi up`: every job succeeded, outputs through YAML's property access", async () => {
    await ws.run(["up", "--yes", "--skip-preview"]);
    const out = await ws.json<Record<string, unknown>>(["stack", "output"]);
    assert.match(String(out.queueId), /^p[0-9a-f]+/);
    assert.equal(out.queueName, "yaml-queue");
    assert.match(String(out.infoJobId), /^j/);
    assert.equal(out.infoState, "Success");
    assert.ok(out.formatName, "MediaInfo's format reached the outputs");
    // `$${Number}` in YAML reached CI as `${Number}`, which it expanded.
    assert.deepEqual((out.coverObjects as { object: string }[]).map((o) => o.object),
      ["covers/clip-0.jpg", "covers/clip-1.jpg"]);
    assert.ok(String(out.pipelineId).length > 0);
    assert.equal(out.cartoonState, "Success");
    assert.ok((out.cartoonFiles as string[]).length > 0);
    assert.equal(out.batchState, "Success");
    assert.ok(Number(out.batchTotal) > 0, "the batch ran child jobs");
    assert.deepEqual((await history()).at(-1)?.resourceChanges, { create: 9 });
    assert.equal(jobsTagged("MediaInfo"), 1);
    assert.equal(jobsTagged("SmartCover"), 1);
  });

  it("refreshes with no changes", async () => {
    await ws.run(["refresh", "--yes", "--expect-no-changes"]);
    assert.deepEqual((await history()).at(-1)?.resourceChanges, { same: 9 });
  });

  it("a second `pulumi up` changes nothing and submits nothing", async () => {
    await ws.run(["up", "--yes", "--expect-no-changes"]);
    assert.deepEqual((await history()).at(-1)?.resourceChanges, { same: 9 });
    assert.equal(jobsTagged("MediaInfo"), 1);
    assert.equal(jobsTagged("SmartCover"), 1);
  });

  it("a cover name without CI's placeholder fails preview, saying how to write it in YAML", async () => {
    const broken = mkdtempSync(join(tmpdir(), "mediajobs-yaml-broken-"));
    const other = new PulumiWorkspace(engine, broken, env);
    try {
      const program = readFileSync(join(project, "Pulumi.yaml"), "utf8");
      assert.ok(program.includes("covers/clip-$${Number}.jpg"));
      writeFileSync(join(broken, "Pulumi.yaml"), program.replace("covers/clip-$${Number}.jpg", "covers/clip.jpg"));
      await other.run(["stack", "init", "broken"]);
      for (const key of ["tencentSecretId", "tencentSecretKey", "alibabaAccessKey", "alibabaSecretKey"]) {
        await other.run(["config", "set", "--secret", key, "unused"]);
      }
      const preview = await other.run(["preview"], { allowFailure: true });
      assert.notEqual(preview.code, 0);
      assert.match(preview.stdout + preview.stderr, new RegExp("operation\\.output\\.object must contain \\$\\{Number\\} " +
        "when [^\\n]*\\(in a Pulumi YAML program write \\$\\$\\{Number\\}: YAML reads \\$\\{…\\} as its own interpolation\\)"));
    } finally {
      await other.dispose("broken");
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it("destroys everything; no credential in the backend", async () => {
    await ws.run(["destroy", "--yes"]);
    const steps = await history();
    assert.deepEqual(steps.map((h) => `${h.kind} ${h.result}`),
      ["update succeeded", "refresh succeeded", "update succeeded", "destroy succeeded"]);
    assert.deepEqual(steps.at(-1)?.resourceChanges, { delete: 9 });
    assertNoSecretsInBackend(ws.backendDir);
  });
});

/** A port free now, for the quickstart's emulator (the README's fixed 9700 may be taken on a shared machine). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().once("error", fail).listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe("e2e: the README's YAML quickstart, as written", function () {
  this.timeout(600_000);
  const blocks = quickstartBlocks("### YAML", "yaml");
  const home = mkdtempSync(join(tmpdir(), "mediajobs-yaml-quickstart-"));
  let emulator: ChildProcess | undefined;
  let emulatorOutput = "";
  let env: NodeJS.ProcessEnv;
  let port: number;
  // The only change to the blocks: the emulator's port.
  const code = (kind: string) => blocks.filter((b) => b.kind === kind)
    .map((b) => b.code.replaceAll("9700", String(port))).join("\n");

  before(async function () {
    const engine = requireEngine(this);
    requireYamlHost(this, engine);
    // The archive the quickstart installs, at the path it names (scripts/package.sh; npm test has made it).
    pluginRelease();
    const archive = join(REPO_ROOT, "dist", "release", `pulumi-resource-mediajobs-v${PACKAGE_VERSION}-linux-amd64.tar.gz`);
    assert.ok(existsSync(archive), `${archive} (npm run package)`);
    port = await freePort();
    // A newcomer's shell: a HOME of their own, and PULUMI_HOME in it (the CLI finds ~/.pulumi from the system's
    // user database, not from HOME: the machine's own must stay untouched by `pulumi login` and plugin installs),
    // the system's PATH with this Node, and MEDIAJOBS as the checkout block exports it. The tool caches stay where
    // npm test built them; the update check is off because this machine is offline.
    env = {
      HOME: home, PULUMI_HOME: join(home, ".pulumi"), TMPDIR: process.env.TMPDIR, LANG: process.env.LANG ?? "C.UTF-8",
      PATH: [dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":"),
      MEDIAJOBS: REPO_ROOT,
      MEDIAJOBS_ENGINE_CACHE: process.env.MEDIAJOBS_ENGINE_CACHE ??
        join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "pulumi-mediajobs"),
      GOPATH: process.env.GOPATH ?? join(homedir(), "go"), GOCACHE: process.env.GOCACHE ?? join(homedir(), ".cache", "go-build"),
      GOMODCACHE: process.env.GOMODCACHE, GOFLAGS: process.env.GOFLAGS, GOPROXY: process.env.GOPROXY,
      PULUMI_SKIP_UPDATE_CHECK: "true",
    };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  });
  after(() => {
    // The emulator and its shell are a process group of their own.
    if (emulator?.pid && emulator.exitCode === null) process.kill(-emulator.pid, "SIGTERM");
    rmSync(home, { recursive: true, force: true });
  });

  it("marks a checkout block, the emulator, the steps and the clean-up", () => {
    assert.deepEqual([...new Set(blocks.map((b) => b.kind))], ["checkout", "run", "background", "cleanup"]);
    // What the checkout block does, npm test has already done in this checkout: it is checked, not run.
    const checkout = blocks.find((b) => b.kind === "checkout")!.code;
    for (const step of ["npm ci", "npm run build", "npm run package", 'export MEDIAJOBS="$PWD"']) {
      assert.ok(checkout.includes(step), `the checkout block runs ${step}`);
    }
  });

  it("starts the emulator as the second terminal does, and sets every mediajobs:* key its banner prints", async () => {
    emulator = spawn("bash", ["-c", `set -euo pipefail\n${code("background")}`],
      { cwd: home, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    emulator.stdout!.on("data", (d) => { emulatorOutput += d; });
    emulator.stderr!.on("data", (d) => { emulatorOutput += d; });
    const started = Date.now();
    while (!/provider plugin: +mediajobs:alicloudAccessKey/.test(emulatorOutput)) {
      if (emulator.exitCode !== null || Date.now() - started > 60_000) {
        assert.fail(`the emulator did not start:\n${emulatorOutput}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const steps = code("run");
    const printed = [...emulatorOutput.matchAll(/(mediajobs:[A-Za-z]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]);
    assert.deepEqual(new Set(printed.map(([key]) => key)), new Set(["mediajobs:ciEndpoint", "mediajobs:mpsEndpoint",
      "mediajobs:tencentcloudSecretId", "mediajobs:tencentcloudSecretKey", "mediajobs:alicloudAccessKey",
      "mediajobs:alicloudSecretKey", "mediajobs:tencentcloudRegion", "mediajobs:alicloudRegion"]));
    for (const [key, value] of printed) {
      assert.match(steps, new RegExp(`pulumi config set (--secret )?${key} ${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\n`),
        `the quickstart sets ${key} as the banner prints it`);
    }
  });

  it("runs the steps: pulumi new from the template, pulumi up on the copied clip, then the clean-up", async () => {
    assert.ok(emulator && emulator.exitCode === null, "the emulator runs");
    const script = `set -euo pipefail\n${code("run")}\n${code("cleanup")}\n`;
    const output = await new Promise<string>((done, fail) => {
      execFile("bash", ["-c", script], { cwd: home, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) fail(new Error(`the quickstart failed: ${error.message}\n${stdout}\n${stderr}\n` +
          `emulator:\n${emulatorOutput}`));
        else done(stdout + stderr);
      });
    });
    assertNoSecrets(output, "the quickstart's output");
    // `pulumi up` printed the outputs: the real clip's MediaInfo (ffprobe read the file copied into --data-dir),
    // three covers named by CI's ${Number} (written $${Number} in YAML), the cartoon.
    assert.match(output, /\+ 4 created/);
    assert.match(output, /duration +: "4\.0+"/);
    assert.match(output, /formatName +: "mov,mp4/);
    for (const i of [0, 1, 2]) assert.match(output, new RegExp(`object: "covers/cover-${i}\\.jpg"`));
    assert.match(output, /cartoonState: "Success"/);
    assert.match(output, /- 4 deleted/);
    const data = join(home, "mediajobs-quickstart", "emulator-data", "cos", "examplebucket-1250000000");
    for (const i of [0, 1, 2]) assert.ok(existsSync(join(data, "covers", `cover-${i}.jpg`)), "the covers are real files");
    // Nothing the file backend kept holds a credential.
    const state = join(home, "mediajobs-quickstart", "state", ".pulumi");
    const kept = ["stacks", "history", "backups"].map((d) => join(state, d)).filter((d) => existsSync(d))
      .flatMap((d) => walk(d));
    assert.ok(kept.length > 0, "the file backend kept the stack");
    for (const file of kept) assertNoSecrets(readFileSync(file, "utf8"), file);
  });
});
