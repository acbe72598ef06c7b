/** `npm run gen`: writes the package schema to `schema.json` at the repository's root (the committed copy). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageVersion } from "../plugin/version";
import { packageSchema } from "./package-schema";

export const SCHEMA_FILE = "schema.json";

/** The committed file's exact text: two-space JSON and a final newline. */
export function schemaText(): string {
  return JSON.stringify(packageSchema(packageVersion()), null, 2) + "\n";
}

if (require.main === module) {
  const root = process.argv[2] ?? process.cwd();
  writeFileSync(join(root, SCHEMA_FILE), schemaText());
  console.log(`wrote ${join(root, SCHEMA_FILE)}`);
}
