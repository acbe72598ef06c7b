/**
 * The registry examples' YAML programs (examples/registry/<example>/Pulumi.yaml) previewed through the engine, Pulumi
 * YAML's language host and this checkout's plugin: every resource checks (the provider's check() runs on what the
 * docs show) and is planned as a create. No emulator: a preview is offline. The other languages' twins declare the
 * same (test/integration/registry-examples.test.ts).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { REPO_ROOT, requireEngine, withPlugin } from "../helpers/engine";

const DIR = join(REPO_ROOT, "examples", "registry");
const EXAMPLES = readdirSync(DIR).filter((d) => statSync(join(DIR, d)).isDirectory()).sort();

/**
 * The directory of `pulumi-language-yaml`: on the engine's PATH prefix (scripts/setup-engine.sh puts it there) or
 * on PATH, else what scripts/build-yaml-host.sh builds. Missing: a skip, a failure under CI=true.
 */
function requireYamlHost(ctx: Mocha.Context, enginePath: string): string {
  const dirs = [...enginePath.split(":"), ...(process.env.PATH ?? "").split(delimiter)];
  const dir = dirs.find((d) => d && existsSync(join(d, "pulumi-language-yaml")));
  if (dir) return dir;
  const build = join(REPO_ROOT, "scripts", "build-yaml-host.sh");
  if (existsSync(build)) {
    try {
      return execFileSync("bash", [build], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim().split("\n")
        .pop()!;
    } catch {
      // Reported below as a missing host.
    }
  }
  if (process.env.CI === "true") throw new Error("Pulumi YAML's language host is required under CI=true.");
  ctx.skip();
}

describe("e2e: the registry examples in Pulumi YAML", function () {
  this.timeout(600_000);
  let env: NodeJS.ProcessEnv;
  let home: string;

  before(function () {
    const engine = requireEngine(this);
    const yaml = requireYamlHost(this, engine);
    home = mkdtempSync(join(tmpdir(), "mediajobs-registry-yaml-"));
    env = {
      ...process.env, PATH: `${yaml}:${withPlugin(engine)}:${process.env.PATH}`, PULUMI_HOME: join(home, "home"),
      PULUMI_BACKEND_URL: `file://${join(home, "state")}`, PULUMI_CONFIG_PASSPHRASE: "registry-examples",
      PULUMI_SKIP_UPDATE_CHECK: "true", PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      // Keys that check the settings' form; a preview sends no request.
      TENCENTCLOUD_SECRET_ID: "preview-secret-id", TENCENTCLOUD_SECRET_KEY: "preview-secret-key",
      ALICLOUD_ACCESS_KEY: "preview-access-key", ALICLOUD_SECRET_KEY: "preview-secret-key",
    };
    execFileSync("mkdir", ["-p", join(home, "state")]);
  });

  after(() => {
    if (home) rmSync(home, { recursive: true, force: true });
  });

  for (const example of EXAMPLES) {
    it(`${example}: previews every resource as a create`, () => {
      const project = join(home, example);
      cpSync(join(DIR, example, "Pulumi.yaml"), join(project, "Pulumi.yaml"));
      const pulumi = (...args: string[]) => execFileSync("pulumi", [...args, "--non-interactive"],
        { cwd: project, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      pulumi("stack", "init", "dev");
      // The provider example's second account.
      pulumi("config", "set", "--secret", "archiveSecretId", "preview-archive-id");
      pulumi("config", "set", "--secret", "archiveSecretKey", "preview-archive-key");
      let out: string;
      try {
        out = pulumi("preview", "--json");
      } catch (err) {
        const e = err as { stdout?: string; stderr?: string };
        assert.fail(`pulumi preview of ${example} failed:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
      }
      const steps = (JSON.parse(out) as { steps: { op: string; urn: string }[] }).steps;
      const declared = [...readFileSync(join(DIR, example, "Pulumi.yaml"), "utf8")
        .split(/^resources:\n/m)[1].split(/^\S/m)[0].matchAll(/^ {2}(\w+):$/gm)].map((m) => m[1]).sort();
      const created = steps.filter((s) => s.op === "create" && !s.urn.includes("pulumi:pulumi:Stack"))
        .map((s) => s.urn.split("::").pop()!).sort();
      assert.deepEqual(created, declared, example);
    });
  }
});
