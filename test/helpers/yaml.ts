/**
 * Pulumi YAML for the e2e tests: its language host (scripts/build-yaml-host.sh; scripts/setup-engine.sh puts it on
 * the engine's PATH beside a CLI built here), and the README's YAML quickstart as shell blocks to run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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

/**
 * One fenced block of a quickstart, as the README marks it with an HTML comment on the line before it,
 * `<!-- quickstart-<language>: <kind> -->`: `checkout` (in the checkout: what `npm test` has already done),
 * `background` (a second terminal: a server left running), `run` (the steps, in order, in one shell), `cleanup`.
 */
export interface QuickstartBlock {
  kind: "checkout" | "background" | "run" | "cleanup";
  code: string;
}

/** The marked blocks of the README section whose heading is `heading` (up to the next heading of any level). */
export function quickstartBlocks(heading: string, language: string,
  readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8")): QuickstartBlock[] {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section ${heading}`);
  const rest = readme.slice(start + heading.length + 2);
  const next = rest.search(/^#{1,6} /m);
  const section = next < 0 ? rest : rest.slice(0, next);
  const marker = new RegExp(`^<!-- quickstart-${language}: (checkout|background|run|cleanup) -->\\n\`\`\`(?:sh|bash)\\n` +
    "([\\s\\S]*?)^```$", "gm");
  return [...section.matchAll(marker)].map((m) => ({ kind: m[1] as QuickstartBlock["kind"], code: m[2]! }));
}
