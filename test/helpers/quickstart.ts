/**
 * The README's quickstarts as tests run them: the fenced blocks that follow a `<!-- quickstart:<language> -->`
 * comment, in order. A plain block is shell to run; `<!-- quickstart:<language> file=<name> -->` marks a block to write
 * as that file (in the directory the shell is in at that point).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { join } from "node:path";
import { PulumiWorkspace, REPO_ROOT } from "./engine";

export interface QuickstartBlock {
  /** The file the block is written to, or undefined for shell to run. */
  file?: string;
  lang: string;
  text: string;
}

export function quickstartBlocks(language: string, readme = join(REPO_ROOT, "README.md")): QuickstartBlock[] {
  const marker = new RegExp(`<!-- quickstart:${language}(?: file=(\\S+))? -->\\n\`\`\`(\\w+)\\n([\\s\\S]*?)\\n\`\`\`\\n`, "g");
  return [...readFileSync(readme, "utf8").matchAll(marker)].map((m) => ({ file: m[1], lang: m[2]!, text: m[3]! }));
}

/** One bash script of the blocks: shell as it is, files as quoted here-documents. */
export function quickstartScript(blocks: QuickstartBlock[]): string {
  return blocks.map((b, i) => b.file === undefined ? b.text
    : `cat > ${b.file} <<'QUICKSTART_${i}_EOF'\n${b.text}\nQUICKSTART_${i}_EOF`).join("\n");
}

/**
 * `pulumi new --generate-only` of a template: the files written, then the only failure allowed is the missing
 * language host (this machine has none for Python or Go; the engine asks it about the project after writing it).
 */
export async function generateFromTemplate(ws: PulumiWorkspace, template: string, name: string, language: string):
  Promise<void> {
  const result = await ws.run(["new", template, "--generate-only", "--yes", "--name", name, "--description", name],
    { allowFailure: true });
  if (result.code !== 0) {
    assert.match(result.stderr, new RegExp(`no language plugin 'pulumi-language-${language}' found`), result.stderr);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }).on("error", reject);
  });
}

/** Runs a script in its own process group; the group (the emulator it left in the background) is killed after. */
export function runScript(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", `set -euo pipefail\n${script}`], { cwd: REPO_ROOT, env, detached: true,
      stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => { out += d.toString(); });
    child.stderr.on("data", (d: Buffer) => { out += d.toString(); });
    child.on("close", (code) => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // The group has already ended.
      }
      resolve({ code, out });
    });
  });
}

/**
 * The environment a quickstart runs in: the machine's (certificates, proxies, pip's and Go's settings), less what a
 * newcomer would not have (Pulumi's and the clouds' settings, the suite's engine, a virtual environment), with a HOME
 * and a PULUMI_HOME of the test's own (the engine reads the user's home from the system, not from $HOME), and the
 * machine's caches where scripts/lib.sh, pip and Go find them with the real HOME.
 */
export function quickstartEnv(home: string): NodeJS.ProcessEnv {
  const cache = process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache");
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) =>
      !/^(PULUMI_|MEDIAJOBS_|TENCENTCLOUD_|ALICLOUD_|ALIBABA_CLOUD_|TKE_|VIRTUAL_ENV$|PYTHONHOME$|PYTHONPATH$)/.test(k))),
    HOME: home, PULUMI_HOME: join(home, ".pulumi"), PULUMI_SKIP_UPDATE_CHECK: "true",
    MEDIAJOBS_ENGINE_CACHE: process.env.MEDIAJOBS_ENGINE_CACHE ?? join(cache, "pulumi-mediajobs"),
    PIP_CACHE_DIR: process.env.PIP_CACHE_DIR ?? join(cache, "pip"),
    GOPATH: process.env.GOPATH ?? join(homedir(), "go"), GOCACHE: process.env.GOCACHE ?? join(cache, "go-build"),
    GOMODCACHE: process.env.GOMODCACHE ?? join(process.env.GOPATH ?? join(homedir(), "go"), "pkg", "mod"),
  };
}
