/**
 * The plugin's linux release archives through the real engine, each installed as users install it (`pulumi plugin
 * install resource mediajobs <version> -f <archive>`) into a PULUMI_HOME of its own, with no other plugin on PATH:
 * `pulumi package get-schema`, then a CiMediaJob `up` and `destroy` against the emulator. linux-arm64 runs under
 * Debian's qemu-user-static (`qemu-aarch64-static -L /` with libc6:arm64 and libstdc++6:arm64, which
 * scripts/setup-platforms.sh installs); this machine has no binfmt_misc, so the installed executable is moved aside
 * and a wrapper script of the same name runs it through qemu. The wrapper of either target records every start, so
 * the test knows the engine ran the installed plugin. Without qemu the arm64 case skips, except under CI=true, where
 * it fails. The darwin and windows archives are checked structurally (test/integration/platform-archives.test.ts).
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator, startEmulator } from "../../emulator";
import { PulumiWorkspace, REPO_ROOT, requireEngine } from "../helpers/engine";
import { releaseArchive, Target } from "../helpers/platforms";
import { PACKAGE_VERSION } from "../helpers/release";

/** Why linux-arm64 cannot run here, or nothing. */
function arm64Missing(): string | undefined {
  try {
    execFileSync("qemu-aarch64-static", ["--version"], { stdio: "ignore" });
  } catch {
    return "qemu-aarch64-static is not installed (Debian's qemu-user-static; scripts/setup-platforms.sh)";
  }
  for (const lib of ["/lib/ld-linux-aarch64.so.1", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6"]) {
    if (!existsSync(lib)) return `${lib} is missing (Debian's libc6:arm64 libstdc++6:arm64; scripts/setup-platforms.sh)`;
  }
  return undefined;
}

const cases: { target: Target; run: (exe: string) => string }[] = [
  { target: "linux-amd64", run: (exe) => `exec "${exe}" "$@"` },
  { target: "linux-arm64", run: (exe) => `exec qemu-aarch64-static -L / "${exe}" "$@"` },
];

for (const { target, run } of cases) {
  describe(`e2e: the ${target} plugin archive through the engine`, function () {
    this.timeout(900_000);
    let home: string;
    let env: NodeJS.ProcessEnv;
    let emulator: Emulator;
    let ws: PulumiWorkspace;
    let starts: string;
    const stack = `platforms-${target}-${process.pid}`;

    before(async function () {
      const engine = requireEngine(this);
      if (target === "linux-arm64") {
        const missing = arm64Missing();
        if (missing && process.env.CI === "true") throw new Error(`linux-arm64 needs qemu under CI=true: ${missing}`);
        if (missing) this.skip();
      }
      home = mkdtempSync(join(tmpdir(), `mediajobs-${target}-home-`));
      env = {
        PATH: [engine, ...(process.env.PATH ?? "").split(":").filter((p) => p && !p.startsWith(REPO_ROOT))].join(":"),
        PULUMI_HOME: home,
        // Only the installed plugin: none found on PATH, none downloaded.
        PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
      };
      const fullEnv = { ...process.env, ...env, PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" };
      execFileSync("pulumi", ["plugin", "install", "resource", "mediajobs", PACKAGE_VERSION, "-f", releaseArchive(target)],
        { env: fullEnv, stdio: ["ignore", "pipe", "pipe"] });
      const dir = join(home, "plugins", `resource-mediajobs-v${PACKAGE_VERSION}`);
      const exe = join(dir, "pulumi-resource-mediajobs");
      renameSync(exe, `${exe}.${target}`);
      starts = join(home, "plugin-starts.log");
      writeFileSync(exe, `#!/bin/sh\necho "$$ $*" >> "${starts}"\n${run(`${exe}.${target}`)}\n`);
      chmodSync(exe, 0o755);
      emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 50, finishedAfterMs: 300 } } });
      ws = new PulumiWorkspace(engine, join(REPO_ROOT, "test", "e2e", "programs", "platforms"), env);
      await ws.initStack(stack, emulator.url, true);
    });
    after(async () => {
      try {
        await ws?.dispose(stack);
      } finally {
        await emulator?.close();
        if (home) rmSync(home, { recursive: true, force: true });
      }
    });
    const started = () => existsSync(starts) ? readFileSync(starts, "utf8").trim().split("\n").length : 0;

    it("gives its schema to `pulumi package get-schema`", async () => {
      const schema = JSON.parse(await new Promise<string>((done, fail) =>
        execFile("pulumi", ["package", "get-schema", `mediajobs@${PACKAGE_VERSION}`], { env: ws.env,
          maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
          error ? fail(new Error(`get-schema failed: ${error.message}\n${stderr}`)) : done(stdout)))) as
        { name: string; version: string; resources: Record<string, unknown> };
      assert.equal(schema.name, "mediajobs");
      assert.equal(schema.version, PACKAGE_VERSION);
      assert.deepEqual(Object.keys(schema.resources).sort(), ["mediajobs:index:CiMediaJob",
        "mediajobs:index:IProductionJob", "mediajobs:index:InventoryTriggerJob", "mediajobs:index:MediaPipeline"]);
      assert.ok(started() >= 1, "the installed plugin ran");
    });

    it("runs a CiMediaJob: up, then destroy, against the emulator", async () => {
      const before = started();
      await ws.run(["up", "--yes", "--skip-preview"]);
      const out = await ws.json<{ jobId: string; state: string; formatName: string }>(["stack", "output"]);
      assert.match(out.jobId, /^j/);
      assert.equal(out.state, "Success");
      assert.ok(out.formatName, "MediaInfo reached the outputs");
      const job = emulator.ci.jobs().find((j) => j.jobId === out.jobId);
      assert.equal(job?.tag, "MediaInfo");
      await ws.run(["destroy", "--yes", "--skip-preview"]);
      const exported = JSON.parse((await ws.run(["stack", "export"])).stdout) as { deployment: { resources?: unknown[] } };
      assert.equal(exported.deployment.resources?.length ?? 0, 0);
      assert.ok(started() > before, "the installed plugin ran the job");
    });
  });
}
