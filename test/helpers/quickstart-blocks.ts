/**
 * A README quickstart as the shell blocks a test runs as written: each fenced block marked by an HTML comment on the
 * line before it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./engine";

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
  const lines = readme.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no section ${heading}`);
  // The section ends at the next heading outside a fenced block (a shell comment inside one starts with `# ` too).
  let fenced = false;
  let end = start + 1;
  for (; end < lines.length; end++) {
    if (lines[end]!.startsWith("```")) fenced = !fenced;
    else if (!fenced && /^#{1,6} /.test(lines[end]!)) break;
  }
  const section = lines.slice(start + 1, end).join("\n") + "\n";
  const marker = new RegExp(`^<!-- quickstart-${language}: (checkout|background|run|cleanup) -->\\n\`\`\`(?:sh|bash)\\n` +
    "([\\s\\S]*?)^```$", "gm");
  return [...section.matchAll(marker)].map((m) => ({ kind: m[1] as QuickstartBlock["kind"], code: m[2]! }));
}
