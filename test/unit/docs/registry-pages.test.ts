/**
 * The Pulumi Registry's own pages of the package (docs/_index.md, docs/installation-configuration.md) and the
 * resources' examples in the schema: front matter as the registry expects, the overview's example exactly the tested
 * files of examples/registry/overview, and the configuration table exactly the provider's settings (SETTINGS), so
 * neither can drift from what is tested and what the provider reads.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SETTING_LIST } from "../../../provider/config/settings";
import { RESOURCES } from "../../../provider/resources";
import { LOGO_URL, packageSchema, PLUGIN_DOWNLOAD_URL } from "../../../provider/schema/package-schema";
import {
  EXAMPLE_FILES, EXAMPLES_DIR, OVERVIEW_DIR, PROVIDER_EXAMPLES, readRegistryExamples, REGISTRY_EXAMPLES_FILE,
  registryExamplesModule,
} from "../../../provider/schema/registry-example-files";

const ROOT = join(__dirname, "..", "..", "..", "..");
const read = (...path: string[]) => readFileSync(join(ROOT, ...path), "utf8");

function frontMatter(text: string): Record<string, string> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1];
  assert.ok(block, "the page starts with a front matter block");
  return Object.fromEntries(block.split("\n").map((l) => /^(\w+): *(.*)$/.exec(l)).filter((m) => m)
    .map((m) => [m![1], m![2]]));
}

describe("the registry pages and examples", () => {
  const names = RESOURCES.map(({ spec }) => spec.name);

  it("registry-examples.ts is what examples/registry renders (run `npm run gen` after editing an example)", () => {
    assert.equal(read(REGISTRY_EXAMPLES_FILE), registryExamplesModule(readRegistryExamples(ROOT, names)));
  });

  it("every resource's description and the provider's end with examples in TypeScript, Python, Go and YAML", () => {
    const schema = packageSchema() as { resources: Record<string, { description: string }>;
      provider: { description: string } };
    for (const name of [...names, PROVIDER_EXAMPLES]) {
      const description = name === PROVIDER_EXAMPLES ? schema.provider.description
        : schema.resources[`mediajobs:index:${name}`].description;
      const examples = description.slice(description.indexOf("{{% examples %}}"));
      assert.match(examples, /^\{\{% examples %\}\}\n## Example Usage\n\{\{% example %\}\}\n### \S.*\n/, name);
      for (const { fence } of EXAMPLE_FILES) assert.ok(examples.includes("```" + fence + "\n"), `${name}: ${fence}`);
      assert.ok(examples.endsWith("{{% /example %}}\n{{% /examples %}}"), name);
      // A literal ${…} in YAML is written $${…} (Pulumi YAML interpolates ${…}): the check()-level placeholders.
      const yaml = /```yaml\n([\s\S]*?)```/.exec(examples)![1];
      const declared = new Set([...yaml.matchAll(/^ {2}(\w+):$/gm)].map((m) => m[1]));
      for (const m of yaml.matchAll(/(\$?)\$\{(\w+)[^}]*\}/g)) {
        if (!m[1]) assert.ok(declared.has(m[2]), `${name}: \${${m[2]}…} names nothing of the program: $\${…}?`);
      }
    }
  });

  it("names the plugin's download URL, the logo and the registry keywords", () => {
    const schema = packageSchema() as Record<string, unknown>;
    assert.equal(schema.pluginDownloadURL,
      "https://github.com/pulumi-mediajobs/pulumi-mediajobs/releases/download/v${VERSION}");
    assert.equal(schema.pluginDownloadURL, PLUGIN_DOWNLOAD_URL);
    assert.equal(schema.logoUrl, LOGO_URL);
    assert.ok(LOGO_URL.endsWith("/main/docs/logo.svg"));
    const svg = readFileSync(join(ROOT, "docs", "logo.svg"), "utf8");
    const root = /^<svg ([^>]*)>/.exec(svg)?.[1] ?? "";
    assert.match(root, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(root, /width="100" height="100" viewBox="0 0 100 100"/, "the registry's logos are 100x100");
    assert.match(svg, /<\/svg>\n$/);
    const keywords = schema.keywords as string[];
    assert.ok(keywords.includes("kind/native"));
    assert.equal(keywords.filter((k) => k.startsWith("category/")).length, 1);
  });

  it("docs/_index.md: the package layout, and the overview example exactly as examples/registry/overview", () => {
    const page = read("docs", "_index.md");
    const meta = frontMatter(page);
    assert.equal(meta.layout, "package");
    assert.ok(meta.title && meta.meta_desc);
    for (const { fence, file } of EXAMPLE_FILES) {
      const code = read(EXAMPLES_DIR, OVERVIEW_DIR, file);
      const block = `{{% choosable language ${fence} %}}\n\n\`\`\`${fence}\n${code}\`\`\`\n\n{{% /choosable %}}`;
      assert.ok(page.includes(block), `docs/_index.md shows ${EXAMPLES_DIR}/${OVERVIEW_DIR}/${file} as it is`);
    }
  });

  it("docs/installation-configuration.md: the installation layout, and one row per setting with its variables", () => {
    const page = read("docs", "installation-configuration.md");
    const meta = frontMatter(page);
    assert.equal(meta.layout, "installation");
    assert.ok(meta.title && meta.meta_desc);
    assert.ok(page.includes(PLUGIN_DOWNLOAD_URL.replace("${VERSION}", "")), "names where the engine downloads from");
    const rows = new Map(page.split("\n").filter((l) => l.startsWith("| `mediajobs:")).map((l) => {
      const cells = l.split(" | ");
      return [/`mediajobs:(\w+)`/.exec(cells[0])![1], l] as const;
    }));
    assert.deepEqual([...rows.keys()].sort(), SETTING_LIST.map((s) => s.providerKey).sort());
    for (const s of SETTING_LIST) {
      const row = rows.get(s.providerKey)!;
      const env = [...s.env, ...Object.values(s.fieldEnv ?? {}).flat()];
      const shown = [...row.split(" | ")[2].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]);
      assert.deepEqual(shown.sort(), [...env].sort(), `${s.providerKey}: its environment variables`);
      assert.equal(/\bsecret\b/.test(row.split(" | ")[1]), Boolean(s.secret), `${s.providerKey}: secret or not`);
      const type = s.object ? "object" : s.type ?? "string";
      assert.ok(row.split(" | ")[1].startsWith(type), `${s.providerKey}: ${type}`);
    }
  });
});
