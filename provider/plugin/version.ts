/** This package's version: the plugin's, the schema's and so the generated SDKs'. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "pulumi-mediajobs" && manifest.version) return manifest.version;
    } catch { /* not here: look further up */ }
    if (dirname(dir) === dir) throw new Error("pulumi-mediajobs: cannot find the package's package.json");
  }
}
