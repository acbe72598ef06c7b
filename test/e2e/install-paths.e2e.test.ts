/**
 * The ways users install the package, outside this repository: `npm pack`, then a fresh project made by
 * `pulumi new` from templates/mediajobs-typescript (Pulumi's default TypeScript runtime: ts-node, not our tsc),
 * installed with npm, with pnpm, and as an ES module project (`"type": "module"`); each runs preview → up →
 * destroy against the emulator through the real engine. The project's @pulumi/pulumi is this checkout's version
 * (the newest needs Node 22; the Node matrix covers it).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator, EMULATOR_TENCENT_CREDENTIALS, startEmulator } from "../../emulator";
import { packageVersion } from "../../provider/plugin/version";
import { PulumiWorkspace, REPO_ROOT, requireEngine } from "../helpers/engine";

const PNPM = "pnpm@10.34.8";
const PULUMI_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as
  { devDependencies: Record<string, string> }).devDependencies["@pulumi/pulumi"]!;
const BUCKET = "examplebucket-1250000000";

/** The ES module form of the template's program: the same resources, named imports from the CommonJS package. */
const ESM_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { CiMediaJob } from "pulumi-mediajobs";

const config = new pulumi.Config();
const bucket = config.require("bucket");
const info = new CiMediaJob("info", { bucket, tag: "MediaInfo", input: { object: "videos/clip.mp4" }, operation: {} });
const covers = new CiMediaJob("covers", {
  bucket, tag: "SmartCover", input: { object: "videos/clip.mp4" },
  operation: { smartCover: { format: "jpg", count: 3 },
    output: { region: new pulumi.Config("tencentcloud").require("region"), bucket, object: "covers/cover-\${Number}.jpg" } },
});
export const duration = info.mediaInfo.apply((m) => m?.format?.duration);
export const coverObjects = covers.outputObjects.apply((objects) => objects.map((o) => o.object));
`;

describe("e2e: the install paths users take (npm pack, a fresh project outside the repository)", function () {
  this.timeout(900_000);
  let engine: string;
  let emulator: Emulator;
  const work = mkdtempSync(join(tmpdir(), "mediajobs-install-"));
  let tarball: string;

  before(async function () {
    engine = requireEngine(this);
    const [pack] = JSON.parse(execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work],
      { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as [{ filename: string }];
    tarball = join(work, pack.filename);
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 50, finishedAfterMs: 300 } } });
  });
  after(async () => {
    await emulator?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const cases: { name: string; manager: "npm" | "pnpm"; esm?: boolean }[] = [
    { name: "TypeScript, npm", manager: "npm" },
    { name: "TypeScript, pnpm", manager: "pnpm" },
    { name: "ES module, npm", manager: "npm", esm: true },
  ];
  for (const c of cases) {
    it(`${c.name}: pulumi new from the template, install, preview → up → destroy`, async () => {
      const dir = mkdtempSync(join(work, `${c.manager}${c.esm ? "-esm" : ""}-`));
      const ws = new PulumiWorkspace(engine, dir);
      await ws.run(["new", join(REPO_ROOT, "templates", "mediajobs-typescript"), "--generate-only", "--yes",
        "--name", `mediajobs-${c.manager}${c.esm ? "-esm" : ""}`, "--description", c.name]);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      manifest.dependencies["pulumi-mediajobs"] = `file:${tarball}`;
      manifest.dependencies["@pulumi/pulumi"] = PULUMI_VERSION;
      if (c.esm) {
        manifest.type = "module";
        manifest.main = "index.js";
        unlinkSync(join(dir, "index.ts"));
        writeFileSync(join(dir, "index.js"), ESM_PROGRAM);
      }
      writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
      const install = c.manager === "npm" ? ["npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]] as const
        : ["npm", ["exec", "--yes", `--package=${PNPM}`, "--", "pnpm", "install", "--reporter=silent"]] as const;
      execFileSync(install[0], [...install[1]], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
      assert.equal(JSON.parse(readFileSync(join(dir, "node_modules", "pulumi-mediajobs", "package.json"), "utf8")).version,
        packageVersion());

      const stack = `install-${process.pid}`;
      await ws.run(["stack", "init", stack]);
      for (const [key, value, secret] of [["bucket", BUCKET], ["tencentcloud:region", "ap-guangzhou"],
        ["mediajobs:ciEndpoint", emulator.url], ["tencentcloud:secretId", EMULATOR_TENCENT_CREDENTIALS.secretId, true],
        ["tencentcloud:secretKey", EMULATOR_TENCENT_CREDENTIALS.secretKey, true]] as [string, string, boolean?][]) {
        await ws.run(["config", "set", ...(secret ? ["--secret"] : []), key, value]);
      }
      try {
        const preview = await ws.json<{ steps: { op: string; urn: string }[] }>(["preview"]);
        assert.deepEqual(preview.steps.filter((s) => s.urn.includes("CiMediaJob")).map((s) => s.op), ["create", "create"]);
        const jobs = emulator.ci.jobs().length;
        await ws.run(["up", "--yes", "--skip-preview"]);
        assert.equal(emulator.ci.jobs().length, jobs + 2, "two jobs submitted");
        const out = await ws.json<{ duration?: string; coverObjects: string[] }>(["stack", "output"]);
        assert.ok(out.duration, "MediaInfo's duration reached the outputs");
        assert.deepEqual(out.coverObjects, ["covers/cover-0.jpg", "covers/cover-1.jpg", "covers/cover-2.jpg"]);
        await ws.run(["destroy", "--yes", "--skip-preview"]);
      } finally {
        await ws.dispose(stack);
      }
    });
  }
});
