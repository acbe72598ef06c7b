/**
 * The README's Go quickstart and the `pulumi new` template templates/mediajobs-go, built against this checkout's
 * sdk/go: the quickstart's `main.go` (test/helpers/quickstart.ts) in a module of its own, and the template as
 * `pulumi new --generate-only` writes it. Both take the go.sum of test/e2e/programs/go (the same Pulumi SDK) and a
 * `replace` of the SDK's module by sdk/go, as the quickstart says. Then the quickstart as written (after the Python
 * quickstart's first block, which it starts from; `npm` a no-op as there), against an emulator whose inputs were
 * copied into its data directory, as the quickstart allows.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PulumiWorkspace, REPO_ROOT, requireEngine } from "../helpers/engine";
import { startEmulator } from "../../emulator";
import { sampleClip, samplePhoto } from "../../emulator/media/ffmpeg-jobs";
import {
  generateFromTemplate, quickstartBlocks, quickstartEnv, quickstartScript, runScript,
} from "../helpers/quickstart";
import { PACKAGE_VERSION, pluginRelease } from "../helpers/release";

const SDK_MODULE = "github.com/pulumi-mediajobs/pulumi-mediajobs/sdk/go";
const PROGRAMS_GO = join(REPO_ROOT, "test", "e2e", "programs", "go");

/** `go build` in a module directory, after its go.sum and the SDK's replace are in place. */
function goBuild(dir: string): void {
  copyFileSync(join(PROGRAMS_GO, "go.sum"), join(dir, "go.sum"));
  const env = { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=mod" };
  execFileSync("go", ["mod", "edit", `-replace=${SDK_MODULE}=${join(REPO_ROOT, "sdk", "go")}`], { cwd: dir, env });
  execFileSync("go", ["build", "-o", join(dir, "program"), "."], { cwd: dir, env, stdio: ["ignore", "inherit", "inherit"] });
  assert.ok(existsSync(join(dir, "program")));
}

describe("e2e: the README's Go quickstart and the Go template, built against sdk/go", function () {
  this.timeout(900_000);
  const work = mkdtempSync(join(tmpdir(), "mediajobs-go-quickstart-"));
  after(() => rmSync(work, { recursive: true, force: true }));

  it("has a main.go that sets every mediajobs:* key of both clouds", () => {
    const blocks = quickstartBlocks("go");
    assert.deepEqual(blocks.map((b) => b.file ?? b.lang), ["sh", "main.go", "sh"]);
    const main = blocks[1]!.text;
    for (const key of ["ciEndpoint", "mpsEndpoint", "tencentcloudRegion", "tencentcloudSecretId", "tencentcloudSecretKey",
      "alicloudRegion", "alicloudAccessKey", "alicloudSecretKey"]) {
      assert.ok(main.includes(`"mediajobs:${key}"`), `main.go sets mediajobs:${key}`);
    }
    assert.match(blocks[0]!.text, new RegExp(`-replace ${SDK_MODULE.replace(/\./g, "\\.")}=`));
  });

  it("builds the quickstart's main.go", () => {
    const dir = join(work, "quickstart");
    mkdirSync(dir);
    const main = quickstartBlocks("go").find((b) => b.file === "main.go")!.text;
    writeFileSync(join(dir, "main.go"), main);
    // go.mod as `go mod init` and `go mod edit -require` write it; the go.sum pins what `go mod tidy` resolves.
    writeFileSync(join(dir, "go.mod"), readFileSync(join(PROGRAMS_GO, "go.mod"), "utf8")
      .replace(/^module .*$/m, "module mediajobs-quickstart").replace(/^replace .*$/m, ""));
    goBuild(dir);
  });

  it("builds the template as pulumi new writes it", async function () {
    const engine = requireEngine(this);
    const dir = join(work, "template");
    mkdirSync(dir);
    const ws = new PulumiWorkspace(engine, dir);
    try {
      await generateFromTemplate(ws, join(REPO_ROOT, "templates", "mediajobs-go"), "mediajobs-go-template", "go");
    } finally {
      rmSync(ws.backendDir, { recursive: true, force: true });
    }
    const mod = readFileSync(join(dir, "go.mod"), "utf8");
    assert.match(mod, /^module mediajobs-go-template$/m);
    assert.match(mod, new RegExp(`${SDK_MODULE.replace(/\./g, "\\.")} v\\d+\\.\\d+\\.\\d+`));
    goBuild(dir);
  });

  it("runs as written: go mod tidy, go run . (up, the outputs), go run . destroy", async function () {
    requireEngine(this);
    pluginRelease();
    assert.ok(existsSync(join(REPO_ROOT, "dist", "release",
      `pulumi-resource-mediajobs-v${PACKAGE_VERSION}-linux-amd64.tar.gz`)), "the archive the quickstart installs");
    const dataDir = join(work, "emulator-data");
    const clip = join(dataDir, "cos", "examplebucket-1250000000", "videos", "clip.mp4");
    const photo = join(dataDir, "oss", "example-media", "photos", "portrait.jpg");
    mkdirSync(join(clip, ".."), { recursive: true });
    mkdirSync(join(photo, ".."), { recursive: true });
    await sampleClip(clip);
    await samplePhoto(photo);
    const emulator = await startEmulator({ dataDir });
    const home = join(work, "home");
    mkdirSync(home);
    try {
      const port = new URL(emulator.url).port;
      const script = "npm() { echo \"(npm $*: done by the test run)\"; }\n" +
        quickstartScript([quickstartBlocks("python")[0]!, ...quickstartBlocks("go")]).replaceAll("9700", port);
      const { code, out } = await runScript(script, quickstartEnv(home));
      assert.equal(code, 0, out);
      const duration = /^duration: (\S+)$/m.exec(out)?.[1];
      assert.ok(duration && Math.abs(Number(duration) - 4) < 0.2, `duration ${duration}\n${out}`);
      assert.match(out, /^cartoonFiles: \[.*cartoons\/portrait-result\.jpg/m);
      assert.match(out, /Resources:\s*\n\s*- 3 deleted/, "destroy removed the stack's resources");
      assert.deepEqual(emulator.ci.jobs().map((j) => j.tag), ["MediaInfo"]);
    } finally {
      await emulator.close();
    }
  });
});
