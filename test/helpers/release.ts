/**
 * The self-contained plugin as users install it, for the tests of the other languages: the release tarball
 * (scripts/package.sh, built once per test process unless MEDIAJOBS_RELEASE_TARBALL names one), installed with
 * `pulumi plugin install resource mediajobs <version> -f <tarball>` into a PULUMI_HOME of the test's own, and the
 * environment the engine then runs in (no checkout `bin/` on PATH, no plugin downloads).
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMULATOR_ALIBABA_CREDENTIALS, EMULATOR_TENCENT_CREDENTIALS } from "../../emulator";
import { packageVersion } from "../../provider/plugin/version";
import { assertNoSecrets, REPO_ROOT, walk } from "./engine";

export const PACKAGE_VERSION = packageVersion();

let tarball: string | undefined;
let python: string | undefined;

/** The Python with `pulumi` and this checkout's `pulumi_mediajobs` (scripts/python-env.sh), set up once per run. */
export function pythonEnv(): string {
  python ??= execFileSync("bash", [join(REPO_ROOT, "scripts", "python-env.sh")],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim().split("\n").pop()!;
  return python;
}

/** The release tarball of this checkout (dist/release/pulumi-resource-mediajobs-v<version>-linux-amd64.tar.gz). */
export function pluginRelease(): string {
  if (process.env.MEDIAJOBS_RELEASE_TARBALL) return process.env.MEDIAJOBS_RELEASE_TARBALL;
  tarball ??= execFileSync("bash", [join(REPO_ROOT, "scripts", "package.sh")],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim().split("\n").pop()!;
  if (!existsSync(tarball)) throw new Error(`scripts/package.sh did not write ${tarball}`);
  return tarball;
}

/**
 * A PULUMI_HOME holding the release installed as users install it, and the environment to run the engine in: the
 * engine's directory and the system's on PATH (not this checkout's `bin/`), the file backend's passphrase, and the
 * emulator's credentials for the programs to set as secret config.
 */
export function installedPluginEnv(enginePath: string, extraPath: string[] = []): NodeJS.ProcessEnv {
  const env = pluginUserEnv(enginePath, extraPath);
  execFileSync("pulumi", ["plugin", "install", "resource", "mediajobs", PACKAGE_VERSION, "-f", pluginRelease()],
    { env, stdio: ["ignore", "pipe", "pipe"] });
  return env;
}

/**
 * The environment of a user who has not installed the plugin: an empty PULUMI_HOME of its own, the engine's
 * directory and the system's on PATH, the file backend's passphrase and the emulator's credentials. The engine may
 * download plugins unless `acquire` is false.
 */
export function pluginUserEnv(enginePath: string, extraPath: string[] = [], acquire = false): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), "mediajobs-pulumi-home-"));
  const env: NodeJS.ProcessEnv = {
    HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, LANG: process.env.LANG ?? "C.UTF-8",
    GOPATH: process.env.GOPATH, GOCACHE: process.env.GOCACHE, GOMODCACHE: process.env.GOMODCACHE,
    GOFLAGS: process.env.GOFLAGS, GOPROXY: process.env.GOPROXY,
    PATH: [enginePath, ...extraPath, "/usr/local/bin", "/usr/bin", "/bin"].join(":"),
    PULUMI_HOME: home,
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: acquire ? undefined : "true",
    MEDIAJOBS_E2E_TENCENT_ID: EMULATOR_TENCENT_CREDENTIALS.secretId,
    MEDIAJOBS_E2E_TENCENT_KEY: EMULATOR_TENCENT_CREDENTIALS.secretKey,
    MEDIAJOBS_E2E_ALIBABA_ID: EMULATOR_ALIBABA_CREDENTIALS.accessKeyId,
    MEDIAJOBS_E2E_ALIBABA_KEY: EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

/** The installed plugins PULUMI_HOME lists: `<kind> <name> <version>`. */
export function installedPlugins(env: NodeJS.ProcessEnv): string[] {
  const list = JSON.parse(execFileSync("pulumi", ["plugin", "ls", "--json"], { env, encoding: "utf8" })) as
    { kind: string; name: string; version: string }[];
  return list.map((p) => `${p.kind} ${p.name} ${p.version}`);
}

/** One step of a program in another language (test/e2e/programs/<language>): what changed, and the outputs. */
export interface StepReport {
  step: "preview" | "up" | "refresh" | "destroy";
  changes: Record<string, number>;
  outputs?: Record<string, unknown>;
}

/** Runs a program that prints one JSON report per line; everything it printed is checked for credentials. */
export function runReporting(command: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string }):
  Promise<StepReport[]> {
  return new Promise((done, fail) => {
    execFile(command, args, { ...opts, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        assertNoSecrets(stdout + stderr, `the output of ${command}`);
      } catch (e) {
        return fail(e);
      }
      if (error) return fail(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stdout}\n${stderr}`));
      done(stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as StepReport));
    });
  });
}

/** What every language's run of the same four resources must report. */
export function checkReports(reports: StepReport[], names: { queue: string; pipeline: string }): void {
  assert.deepEqual(reports.map((r) => r.step), ["preview", "up", "refresh", "destroy"]);
  const [preview, up, refresh, destroy] = reports as [StepReport, StepReport, StepReport, StepReport];
  // The stack and six resources (a queue, a pipeline, four jobs); the default provider is not counted.
  assert.equal(preview.changes.create, 7, `preview: ${JSON.stringify(preview.changes)}`);
  assert.equal(up.changes.create, 7, `up: ${JSON.stringify(up.changes)}`);
  const out = up.outputs!;
  assert.match(String(out.queueId), /^p[0-9a-f]+/);
  assert.equal(out.queueName, names.queue);
  assert.match(String(out.infoJobId), /^j/);
  assert.equal(out.infoState, "Success");
  assert.ok(out.formatName, "MediaInfo reached the outputs");
  assert.deepEqual(out.coverObjects, ["covers/clip-0.jpg", "covers/clip-1.jpg"]);
  assert.ok(String(out.pipelineId).length > 0);
  assert.equal(out.cartoonState, "Success");
  assert.ok((out.cartoonFiles as string[]).length > 0);
  assert.equal(out.batchState, "Success");
  assert.ok(Number(out.batchTotal) > 0, "the batch ran child jobs");
  assert.deepEqual(refresh.outputs, up.outputs, "refresh changes nothing");
  assert.equal(refresh.changes.update ?? 0, 0);
  assert.equal(destroy.changes.delete, 7, `destroy: ${JSON.stringify(destroy.changes)}`);
}


/** No credential in clear in anything the file backend kept (checkpoints, history, backups). */
export function assertNoSecretsInBackend(backend: string, extra: readonly string[] = []): void {
  const files = walk(backend);
  assert.ok(files.length > 0, "the backend kept the stack's history");
  for (const file of files) assertNoSecrets(readFileSync(file, "utf8"), file, extra);
}

/** The emulator's timelines for tests of whole programs: every job runs 50 ms after submission and ends at 300 ms. */
export const QUICK_JOBS = {
  tencent: { timeline: { runningAfterMs: 50, finishedAfterMs: 300 } },
  alibaba: { timeline: { analysingAfterMs: 50, finishedAfterMs: 300 } },
} as const;
