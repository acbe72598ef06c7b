/**
 * `npm run gen`: writes the resources' documentation examples (registry-examples.ts, from examples/registry) and the
 * package schema (`schema.json` at the repository's root), the committed copies.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { RESOURCES } from "../resources";
import { packageVersion } from "../plugin/version";
import { packageSchema } from "./package-schema";
import { readRegistryExamples, REGISTRY_EXAMPLES_FILE, registryExamplesModule } from "./registry-example-files";

export const SCHEMA_FILE = "schema.json";

/** The committed file's exact text: two-space JSON and a final newline (examples: those compiled in, by default). */
export function schemaText(examples?: Readonly<Record<string, string>>): string {
  return JSON.stringify(packageSchema(packageVersion(), examples), null, 2) + "\n";
}

if (require.main === module) {
  const root = process.argv[2] ?? process.cwd();
  // Read fresh: the compiled registry-examples.js is the previous run's until the next build.
  const examples = readRegistryExamples(root, RESOURCES.map(({ spec }) => spec.name));
  writeFileSync(join(root, REGISTRY_EXAMPLES_FILE), registryExamplesModule(examples));
  writeFileSync(join(root, SCHEMA_FILE), schemaText(examples));
  console.log(`wrote ${join(root, REGISTRY_EXAMPLES_FILE)} and ${join(root, SCHEMA_FILE)}`);
}
