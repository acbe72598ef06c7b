/**
 * The README's quickstarts as tests run them: the fenced blocks that follow a `<!-- quickstart:<language> -->`
 * comment, in order. A plain block is shell to run; `<!-- quickstart:<language> file=<name> -->` marks a block to write
 * as that file (in the directory the shell is in at that point).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
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
