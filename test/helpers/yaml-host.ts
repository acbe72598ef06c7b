/**
 * Pulumi YAML's language host for the e2e tests: scripts/build-yaml-host.sh, which scripts/setup-engine.sh puts on
 * the engine's PATH beside a CLI built here.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./engine";

/** The directory holding `pulumi-language-yaml`: on the engine's PATH prefix, else from build-yaml-host.sh. */
export function findYamlHost(enginePath: string): { dir?: string; reason?: string } {
  const onPath = enginePath.split(":").find((dir) => existsSync(join(dir, "pulumi-language-yaml")));
  if (onPath) return { dir: onPath };
  try {
    const out = execFileSync("bash", [join(REPO_ROOT, "scripts", "build-yaml-host.sh")],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { dir: out.trim().split("\n").pop()! };
  } catch (e) {
    return { reason: `scripts/build-yaml-host.sh failed: ${(e as { stderr?: string }).stderr ?? String(e)}` };
  }
}

/** Skips without the YAML host, except under CI=true, where a missing host fails the suite (never a silent pass). */
export function requireYamlHost(ctx: Mocha.Context, enginePath: string): string {
  const host = findYamlHost(enginePath);
  if (host.dir) return host.dir;
  if (process.env.CI === "true") throw new Error(`Pulumi YAML's language host is required under CI=true. ${host.reason}`);
  ctx.skip();
}
