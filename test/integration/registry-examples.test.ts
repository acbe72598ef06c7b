/**
 * The resources' documentation examples (examples/registry/<resource>, and overview/ of docs/_index.md) are real
 * programs in four languages: the TypeScript ones type-check against the plugin's Node SDK, the Go ones type-check
 * and vet against sdk/go, the Python ones run under Pulumi's mocks with the generated package, and each YAML program
 * declares exactly what its Python twin declares (the same types and property paths: the YAML uses the schema's
 * names).
 * Running them through the engine is test/e2e's business, not this file's.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/engine";
import { pythonEnv } from "../helpers/release";

const DIR = join(REPO_ROOT, "examples", "registry");
const EXAMPLES = readdirSync(DIR).filter((d) => statSync(join(DIR, d)).isDirectory()).sort();

/** Runs a tool of the test; a missing one fails under CI=true and skips elsewhere (never a silent pass in CI). */
function run(ctx: Mocha.Context, tool: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}):
  string {
  try {
    return execFileSync(tool, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...opts });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (e.code === "ENOENT" && process.env.CI !== "true") ctx.skip();
    throw new Error(`${tool} ${args.join(" ")} failed: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

/** `<type> <comma-separated property paths>` of each resource a YAML program declares, as run_with_mocks.py prints. */
const YAML_DECLARED = `
import sys, yaml
def paths(value, prefix=""):
    for key, inner in value.items():
        yield prefix + key
        if isinstance(inner, dict):
            yield from paths(inner, prefix + key + ".")
program = yaml.safe_load(open(sys.argv[1]))
for resource in program["resources"].values():
    print(resource["type"], ",".join(sorted(paths(resource.get("properties") or {}))))
`;

/** Pulumi's signature key of a secret value: the mocks see a secret input as `{ <SECRET_SIG>: …, value: … }`. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** A line of run_with_mocks.py as `<type> <paths>`, a secret's wrapping left out (YAML says nothing of it). */
function declaredByPython(line: string): string {
  const [type, , props = ""] = line.split(" ");
  const paths = props.split(",").filter((p) => p);
  const secrets = paths.filter((p) => p.endsWith(`.${SECRET_SIG}`)).map((p) => p.slice(0, -SECRET_SIG.length - 1));
  return `${type} ${paths.filter((p) => !secrets.some((s) => p.startsWith(`${s}.`))).join(",")}`.trimEnd();
}

/** The stack config the examples read (the provider example's second account). */
const CONFIG = ["archiveSecretId=id-of-the-archive-account", "archiveSecretKey=key-of-the-archive-account"];

describe("the registry examples (examples/registry)", function () {
  this.timeout(600_000);

  it("has the overview, the provider's and one directory per resource, each in TypeScript, Python, Go and YAML", () => {
    assert.deepEqual(EXAMPLES, ["ci-media-job", "inventory-trigger-job", "iproduction-job", "media-pipeline",
      "overview", "provider"]);
    for (const example of EXAMPLES) {
      assert.deepEqual(readdirSync(join(DIR, example)).sort(), ["Pulumi.yaml", "__main__.py", "index.ts", "main.go"],
        example);
    }
  });

  it("TypeScript: each index.ts type-checks against pulumi-mediajobs/plugin", function () {
    run(this, process.execPath, [require.resolve("typescript/bin/tsc"), "-p", DIR]);
  });

  it("Go: each main.go type-checks and vets against sdk/go, with the committed go.sum", function () {
    const env = { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=readonly" };
    // vet type-checks every package as the compiler does (and more), without linking six programs.
    run(this, "go", ["vet", "./..."], { cwd: DIR, env });
  });

  it("Python runs under Pulumi's mocks, and each YAML program declares the same resources and properties", function () {
    const python = pythonEnv();
    const mocks = join(REPO_ROOT, "test", "integration", "programs", "run_with_mocks.py");
    for (const example of EXAMPLES) {
      const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
      // Resource names are each language's own (YAML's logical names are identifiers): compare types and paths.
      const fromPython = run(this, python, [mocks, join(DIR, example), example, ...CONFIG], { env }).trim().split("\n")
        .map(declaredByPython).sort();
      const fromYaml = run(this, python, ["-c", YAML_DECLARED, join(DIR, example, "Pulumi.yaml")], { env })
        .trim().split("\n").map((line) => line.trimEnd()).sort();
      assert.ok(fromPython.length > 0, `${example}: the Python program declared nothing`);
      assert.deepEqual(fromYaml, fromPython, example);
    }
  });
});
