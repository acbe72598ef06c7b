/**
 * One list per resource (provider/<resource>/shape.ts) names its inputs and outputs. The SDK's Args type and class,
 * and the README's input and output tables, must say the same: this test fails on any drift between them (the SDK
 * is read with the TypeScript checker, the README as the tables under the resource's heading).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { CI_MEDIA_JOB_SHAPE } from "../../provider/ci-media-job/shape";
import { INVENTORY_TRIGGER_JOB_SHAPE } from "../../provider/inventory-trigger-job/shape";
import { IPRODUCTION_JOB_SHAPE } from "../../provider/iproduction-job/shape";
import { MEDIA_PIPELINE_SHAPE } from "../../provider/media-pipeline/shape";

const ROOT = resolve(__dirname, "..", "..", "..");

const RESOURCES = [
  { name: "CiMediaJob", shape: CI_MEDIA_JOB_SHAPE },
  { name: "InventoryTriggerJob", shape: INVENTORY_TRIGGER_JOB_SHAPE },
  { name: "IProductionJob", shape: IPRODUCTION_JOB_SHAPE },
  { name: "MediaPipeline", shape: MEDIA_PIPELINE_SHAPE },
];

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

/** The SDK as a program: what its Args types accept and what its classes declare. */
function readSdk() {
  const program = ts.createProgram([join(ROOT, "sdk", "index.ts")], {
    strict: true, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022, noEmit: true, types: [],
  });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(join(ROOT, "sdk", "index.ts"))!;
  const exports = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(index)!)
    .map((s) => [s.name, s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s]));
  return {
    /** Every property any variant of the Args type accepts (MediaPipelineArgs is a union, one per cloud). */
    argNames(resource: string): string[] {
      const type = checker.getDeclaredTypeOfSymbol(exports.get(`${resource}Args`)!);
      const variants = type.isUnion() ? type.types : [type];
      return sorted(variants.flatMap((t) => checker.getPropertiesOfType(t).map((p) => p.name)));
    },
    /**
     * The properties a resource of the class has (its outputs: those it declares and those its interface merges in
     * from the declaration), not those it inherits from pulumi.dynamic.Resource.
     */
    classOutputs(resource: string): string[] {
      const symbol = exports.get(resource)!;
      const declaration = symbol.valueDeclaration as ts.ClassDeclaration;
      const base = checker.getTypeAtLocation(declaration.heritageClauses![0]!.types[0]!);
      const inherited = new Set(checker.getPropertiesOfType(base).map((p) => p.name));
      return sorted(checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)).map((p) => p.name)
        .filter((name) => !inherited.has(name)));
    },
  };
}

/** The names in the first column of the README tables headed `| <kind> |` under the resource's sections. */
function readmeNames(resource: string, kind: "input" | "output"): string[] {
  const sections = readFileSync(join(ROOT, "README.md"), "utf8").split(/^## /m)
    .filter((s) => s.startsWith(`${resource}\n`) || s.startsWith(`${resource} (`));
  assert.ok(sections.length > 0, `README has a section for ${resource}`);
  const names: string[] = [];
  for (const section of sections) {
    let inTable = false;
    for (const line of section.split("\n")) {
      if (line.startsWith(`| ${kind} |`)) inTable = true;
      else if (!line.startsWith("|")) inTable = false;
      else if (inTable && !line.startsWith("|---")) {
        // `input.object` documents `input`; a row may name several fields.
        names.push(...[...line.split("|")[1]!.matchAll(/`([A-Za-z]+)[^`]*`/g)].map((m) => m[1]!));
      }
    }
  }
  return sorted(names);
}

describe("one shape per resource: provider, SDK and README agree", function () {
  this.timeout(60_000);
  let sdk: ReturnType<typeof readSdk>;
  before(() => { sdk = readSdk(); });

  for (const { name, shape } of RESOURCES) {
    it(`${name}: the SDK's Args accept exactly the provider's inputs`, () => {
      // __identity is the SDK's own hidden input (the resource's identity), never the user's.
      assert.deepEqual(sdk.argNames(name), sorted(shape.inputs));
    });

    it(`${name}: the SDK class declares exactly the provider's outputs`, () => {
      assert.deepEqual(sdk.classOutputs(name), sorted(shape.outputs));
    });

    it(`${name}: the README's tables list exactly the inputs and the outputs`, () => {
      assert.deepEqual(readmeNames(name, "input"), sorted(shape.inputs));
      assert.deepEqual(readmeNames(name, "output"), sorted(shape.outputs));
    });
  }
});
