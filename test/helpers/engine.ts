/**
 * Runs the real Pulumi CLI for the e2e tests: a file backend in a temporary directory, no update checks, no plugin
 * downloads. The engine comes from scripts/setup-engine.sh (which scripts/test.sh runs first and passes on as
 * MEDIAJOBS_ENGINE_PATH).
 */
import { ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  Emulator, EMULATOR_ALIBABA_CREDENTIALS, EMULATOR_TENCENT_CREDENTIALS, EmulatorOptions, startEmulator,
} from "../../emulator";

export const REPO_ROOT = resolve(__dirname, "..", "..", "..");

/** The PATH prefix holding the engine, or the reason there is none. */
export function findEngine(): { path?: string; reason?: string } {
  if (process.env.MEDIAJOBS_ENGINE_PATH) return { path: process.env.MEDIAJOBS_ENGINE_PATH };
  if (process.env.MEDIAJOBS_ENGINE_ERROR) return { reason: process.env.MEDIAJOBS_ENGINE_ERROR };
  try {
    const out = execFileSync("bash", [join(REPO_ROOT, "scripts", "setup-engine.sh")], { encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"] });
    return { path: out.trim().split("\n").pop()! };
  } catch (e) {
    return { reason: `scripts/setup-engine.sh failed: ${(e as { stderr?: string }).stderr ?? String(e)}` };
  }
}

/**
 * Skips the suite when the engine is missing, except under CI=true, where a missing engine fails the run: a test
 * that skips for want of a tool must never pass silently in CI.
 */
export function requireEngine(ctx: Mocha.Context): string {
  const engine = findEngine();
  if (engine.path) return engine.path;
  if (process.env.CI === "true") throw new Error(`The Pulumi engine is required under CI=true. ${engine.reason}`);
  ctx.skip();
}

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class PulumiWorkspace {
  readonly backendDir = mkdtempSync(join(tmpdir(), "mediajobs-e2e-state-"));
  readonly env: NodeJS.ProcessEnv;
  /** Everything the engine printed, scanned for credentials when the workspace is disposed. */
  log = "";

  constructor(enginePath: string, readonly projectDir: string, extraEnv: NodeJS.ProcessEnv = {}) {
    this.env = {
      ...process.env,
      PATH: `${enginePath}:${process.env.PATH}`,
      PULUMI_BACKEND_URL: `file://${this.backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_HOME: join(this.backendDir, ".pulumi-home"),
      // Credentials come from stack config in these tests: keep the environment's out of the way.
      TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", MEDIAJOBS_CI_ENDPOINT: "",
      ALICLOUD_ACCESS_KEY: "", ALICLOUD_SECRET_KEY: "", ALIBABA_CLOUD_ACCESS_KEY_ID: "",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "", MEDIAJOBS_MPS_ENDPOINT: "", MEDIAJOBS_ENDPOINT_CA_FILE: "",
      // Nor any other credential source of the machine's (roles, OIDC, profiles).
      ...Object.fromEntries(Object.keys(process.env).filter((k) => /^(ALIBABA_CLOUD_|ALICLOUD_|TENCENTCLOUD_|TKE_)/.test(k))
        .map((k) => [k, ""])),
      ...extraEnv,
    };
  }

  run(args: string[], opts: { allowFailure?: boolean } = {}): Promise<PulumiResult> {
    return new Promise((done, fail) => {
      execFile("pulumi", [...args, "--non-interactive", "--color", "never"],
        { cwd: this.projectDir, env: this.env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
          // A --show-secrets export decrypts on purpose; everything else must never show a secret.
          if (!args.includes("--show-secrets")) this.log += stdout + stderr;
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          if (code !== 0 && !opts.allowFailure) {
            fail(new Error(`pulumi ${args.join(" ")} exited ${code}\n${stdout}\n${stderr}`));
          } else {
            done({ code, stdout, stderr });
          }
        });
    });
  }

  /**
   * Starts a `pulumi` command without waiting for it (to interrupt it): the process, everything it printed so far,
   * and its exit code once it ends. What it printed joins the log scanned for credentials.
   */
  start(args: string[]): { process: ChildProcess; output: () => string; exited: Promise<number | null> } {
    const child = spawn("pulumi", [...args, "--non-interactive", "--color", "never"],
      { cwd: this.projectDir, env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (d: Buffer) => { output += d; this.log += d; };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    return { process: child, output: () => output, exited: new Promise((r) => child.on("exit", r)) };
  }

  /**
   * Creates the stack, pointed at the emulator with its test credentials set as secrets, as a user would: with the
   * dynamic providers' stack config, or (`plugin`) the mediajobs provider's own `mediajobs:*` keys.
   */
  async initStack(stack: string, emulatorUrl: string, plugin = false, keys = true): Promise<void> {
    await this.run(["stack", "init", stack]);
    if (plugin) {
      for (const [key, value, secret] of pluginConfig(emulatorUrl)) {
        if (!keys && secret) continue;
        await this.run(["config", "set", ...(secret ? ["--secret"] : []), key, value]);
      }
      return;
    }
    await this.run(["config", "set", "mediajobs:ciEndpoint", emulatorUrl]);
    await this.run(["config", "set", "mediajobs:mpsEndpoint", emulatorUrl]);
    if (!keys) return;
    await this.run(["config", "set", "--secret", "tencentcloud:secretId", EMULATOR_TENCENT_CREDENTIALS.secretId]);
    await this.run(["config", "set", "--secret", "tencentcloud:secretKey", EMULATOR_TENCENT_CREDENTIALS.secretKey]);
    await this.run(["config", "set", "--secret", "alicloud:accessKey", EMULATOR_ALIBABA_CREDENTIALS.accessKeyId]);
    await this.run(["config", "set", "--secret", "alicloud:secretKey", EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret]);
  }

  /**
   * Removes the stack (and its config file beside the project) and the backend, after checking that nothing the
   * engine printed in this workspace (progress, diagnostics, errors, exports) holds a credential.
   */
  async dispose(stack: string): Promise<void> {
    await this.run(["stack", "rm", "--yes", "--force", stack], { allowFailure: true });
    rmSync(this.backendDir, { recursive: true, force: true });
    assertNoSecrets(this.log, "the engine's output");
  }

  async json<T>(args: string[]): Promise<T> {
    return JSON.parse((await this.run([...args, "--json"])).stdout) as T;
  }

}

/** The PATH prefix for the plugin path: the engine, and this checkout's `bin/pulumi-resource-mediajobs`. */
export function withPlugin(enginePath: string): string {
  return `${enginePath}:${join(REPO_ROOT, "bin")}`;
}

/** The default mediajobs provider's stack config for the emulator: key, value, whether secret. */
export function pluginConfig(emulatorUrl: string): [string, string, boolean][] {
  return [
    ["mediajobs:ciEndpoint", emulatorUrl, false],
    ["mediajobs:mpsEndpoint", emulatorUrl, false],
    ["mediajobs:tencentcloudSecretId", EMULATOR_TENCENT_CREDENTIALS.secretId, true],
    ["mediajobs:tencentcloudSecretKey", EMULATOR_TENCENT_CREDENTIALS.secretKey, true],
    ["mediajobs:alicloudAccessKey", EMULATOR_ALIBABA_CREDENTIALS.accessKeyId, true],
    ["mediajobs:alicloudSecretKey", EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret, true],
  ];
}

/** Every credential the emulator accepts: none may appear in clear text in state, exports or logs. */
export const EMULATOR_SECRETS: readonly string[] = [
  EMULATOR_TENCENT_CREDENTIALS.secretId, EMULATOR_TENCENT_CREDENTIALS.secretKey,
  EMULATOR_ALIBABA_CREDENTIALS.accessKeyId, EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret,
];

/** Files under a directory, recursively. */
export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function assertNoSecrets(text: string, where: string, extra: readonly string[] = []): void {
  for (const secret of [...EMULATOR_SECRETS, ...extra]) {
    if (text.includes(secret)) throw new Error(`a secret appears in ${where}`);
  }
}

/**
 * For harnesses outside mocha (the soak test, the benchmark): a stack of `program` (a directory) pointed at
 * `emulator`, with `config` set, removed afterwards whatever happens. A missing engine is an error, never a skip.
 */
export async function withProgramStack<T>(opts: { program: string; stack: string; emulator: Emulator;
  config?: Record<string, string>; plugin?: boolean;
  /** More directories for the engine's PATH (where it finds other provider plugins). */
  path?: string[] }, fn: (ws: PulumiWorkspace) => Promise<T>): Promise<T> {
  const engine = findEngine();
  if (!engine.path) throw new Error(`the Pulumi engine is missing: ${engine.reason}`);
  const enginePath = [opts.plugin ? withPlugin(engine.path) : engine.path, ...(opts.path ?? [])].join(":");
  const ws = new PulumiWorkspace(enginePath, opts.program);
  try {
    await ws.initStack(opts.stack, opts.emulator.url, opts.plugin);
    for (const [key, value] of Object.entries(opts.config ?? {})) await ws.run(["config", "set", key, value]);
    return await fn(ws);
  } finally {
    await ws.dispose(opts.stack);
  }
}

export interface E2eStack {
  emulator: Emulator;
  ws: PulumiWorkspace;
}

/**
 * The hooks of an e2e suite: an emulator, a stack of `program` (a directory under the repository) pointed at it
 * with the emulator's credentials, and a teardown that always closes everything, even when a check in it fails
 * (an emulator left open keeps mocha from exiting). `setup` runs once the stack exists; `teardown` before the
 * emulator closes.
 */
export function useE2eStack(opts: { name: string; program: string; emulator?: EmulatorOptions;
  /** Through the provider plugin: its `bin/` on PATH and the default provider's `mediajobs:*` config. */
  plugin?: boolean;
  /** Set the emulator's keys in the config (default); without them only the endpoints are set. */
  keys?: boolean;
  /** More environment for the engine and the providers it starts. */
  env?: NodeJS.ProcessEnv;
  setup?: (s: E2eStack) => Promise<void>; teardown?: () => Promise<void> }): E2eStack {
  const stack = `${opts.name}-${process.pid}`;
  const s = {} as E2eStack;
  before(async function () {
    const enginePath = requireEngine(this);
    s.emulator = await startEmulator(opts.emulator);
    s.ws = new PulumiWorkspace(opts.plugin ? withPlugin(enginePath) : enginePath, join(REPO_ROOT, opts.program),
      opts.env);
    await s.ws.initStack(stack, s.emulator.url, opts.plugin, opts.keys ?? true);
    await opts.setup?.(s);
  });
  after(async () => {
    try {
      await s.ws?.dispose(stack);
    } finally {
      try {
        await opts.teardown?.();
      } finally {
        await s.emulator?.close();
      }
    }
  });
  return s;
}
