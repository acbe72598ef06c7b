/**
 * The dynamic SDK's types (sdk/, derived from them by provider/schema/declare.ts) against the declarations
 * (provider/<resource>/shape.ts) the schema and the plugin's SDKs are generated from, at every depth: each nested
 * object's property names and which are required, each value's kind (string, its closed set where the SDK spells
 * one, integer or number, boolean, any, array, map, one of several), and objects that pass other fields through.
 * The SDK is read with the TypeScript checker: a Pulumi Input or Output around a value is unwrapped first. Any
 * drift fails here with the path that drifted.
 */
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import ts from "typescript";
import type { ObjectSpec, PropertyType, ResourceSpec } from "../../provider/schema/declare";
import { RESOURCES as DEFINITIONS } from "../../provider/resources";

const RESOURCES: readonly ResourceSpec[] = DEFINITIONS.map((r) => r.spec);

const ROOT = resolve(__dirname, "..", "..", "..");

/** Compares TypeScript types with declared property types, collecting every disagreement with its path. */
class Comparison {
  readonly problems: string[] = [];
  constructor(private readonly checker: ts.TypeChecker) {}

  /** What a value of this type can be, without undefined and without the Input/Output wrappers around it. */
  values(type: ts.Type): ts.Type[] {
    const all = type.isUnion() ? type.types : [type];
    return all.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) &&
      !["Promise", "OutputInstance"].includes(t.getSymbol()?.name ?? ""));
  }

  /** The `T` of a `pulumi.Output<T>` (an intersection with OutputInstance<T>, or a union of such intersections). */
  outputValue(type: ts.Type): ts.Type | undefined {
    if (type.getSymbol()?.name === "OutputInstance") return this.checker.getTypeArguments(type as ts.TypeReference)[0];
    if (type.isUnionOrIntersection()) {
      for (const t of type.types) {
        const found = this.outputValue(t);
        if (found) return found;
      }
    }
    return undefined;
  }

  mayBeUndefined(type: ts.Type): boolean {
    return (type.isUnion() ? type.types : [type]).some((t) => t.flags & ts.TypeFlags.Undefined);
  }

  private text(types: readonly ts.Type[]): string {
    return types.map((t) => this.checker.typeToString(t)).join(" | ");
  }

  fail(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  /** The names the SDK has and the names declared are the same set. */
  same(path: string, what: string, actual: readonly string[], declared: readonly string[]): void {
    const missing = declared.filter((n) => !actual.includes(n));
    const extra = actual.filter((n) => !declared.includes(n));
    if (missing.length) this.fail(path, `${what} declared, not in the SDK: ${missing.join(", ")}`);
    if (extra.length) this.fail(path, `${what} in the SDK, not declared: ${extra.join(", ")}`);
  }

  /** `types` are what the SDK lets a value be (possibly across the variants of a union); `spec` is the declaration. */
  match(spec: PropertyType, types: readonly ts.Type[], path: string): void {
    if (types.length === 0) return this.fail(path, `declared ${spec.kind}, the SDK allows no value`);
    const all = (flags: ts.TypeFlags) => types.every((t) => t.flags & flags);
    const kind = (what: string, ok: boolean) => {
      if (!ok) this.fail(path, `declared ${what}, the SDK has ${this.text(types)}`);
    };
    switch (spec.kind) {
      case "string": {
        kind("string", all(ts.TypeFlags.StringLike));
        const literals = types.filter((t) => t.isStringLiteral()).map((t) => (t as ts.StringLiteralType).value);
        // The SDK may say plain `string` (check() enforces the declared values); if it spells values, they agree.
        if (literals.length > 0 && literals.length === types.length) {
          this.same(path, "values", literals, spec.values ?? []);
        }
        return;
      }
      case "integer": case "number": return kind(spec.kind, all(ts.TypeFlags.NumberLike));
      case "boolean": return kind("boolean", all(ts.TypeFlags.BooleanLike));
      case "any": return kind("any", all(ts.TypeFlags.Any | ts.TypeFlags.Unknown));
      case "array": {
        kind("array", types.every((t) => this.checker.isArrayType(t)));
        const items = types.filter((t) => this.checker.isArrayType(t))
          .flatMap((t) => this.values(this.checker.getTypeArguments(t as ts.TypeReference)[0]!));
        return this.match(spec.items, items, `${path}[]`);
      }
      case "map": {
        const indexed = types.map((t) => this.checker.getIndexInfoOfType(t, ts.IndexKind.String));
        kind("map", indexed.every(Boolean) && types.every((t) => t.getProperties().length === 0));
        return this.match(spec.values, indexed.flatMap((i) => (i ? this.values(i.type) : [])), `${path}{}`);
      }
      case "object": return this.object(spec.object, types, path);
      case "oneOf": {
        // Each value the SDK allows is one of the declared alternatives, and each alternative is allowed.
        const matched = new Set<PropertyType>();
        for (const t of types) {
          const alternative = spec.types.find((alt) => {
            const trial = new Comparison(this.checker);
            trial.match(alt, [t], path);
            return trial.problems.length === 0;
          });
          if (alternative) matched.add(alternative);
          else this.fail(path, `${this.checker.typeToString(t)} is none of the declared alternatives`);
        }
        for (const alt of spec.types) {
          if (!matched.has(alt)) this.fail(path, `declared alternative ${alt.kind} is not allowed by the SDK`);
        }
        return;
      }
    }
  }

  /** An object, or the variants of a union of objects (MediaPipeline's two clouds): their properties together. */
  object(spec: Pick<ObjectSpec, "properties" | "open">, types: readonly ts.Type[], path: string): void {
    if (!types.every((t) => t.flags & ts.TypeFlags.Object && !this.checker.isArrayType(t))) {
      return this.fail(path, `declared an object, the SDK has ${this.text(types)}`);
    }
    const open = types.some((t) => this.checker.getIndexInfoOfType(t, ts.IndexKind.String));
    if (open !== Boolean(spec.open)) {
      this.fail(path, spec.open ? "declared open (other fields passed through), the SDK has no index signature"
        : "the SDK takes other fields (an index signature), the declaration is not open");
    }
    const names = new Set(types.flatMap((t) => t.getProperties().map((p) => p.name)));
    this.same(path, "properties", [...names], Object.keys(spec.properties));
    for (const [name, declared] of Object.entries(spec.properties)) {
      const props = types.map((t) => t.getProperty(name)).filter((p): p is ts.Symbol => p !== undefined);
      if (props.length === 0) continue;
      // Required when every variant requires it (MediaPipeline: `bucket` is required for one cloud only).
      const required = props.length === types.length && props.every((p) => !(p.flags & ts.SymbolFlags.Optional));
      if (required !== Boolean(declared.required)) {
        this.fail(`${path}.${name}`, declared.required ? "declared required, optional in the SDK"
          : "declared optional, required in the SDK");
      }
      this.match(declared.type, props.flatMap((p) => this.values(this.checker.getTypeOfSymbol(p))), `${path}.${name}`);
    }
  }
}

/** The SDK as the TypeScript checker sees it: its exports by name. */
function readSdk() {
  const program = ts.createProgram([join(ROOT, "sdk", "index.ts")], {
    strict: true, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022, noEmit: true, types: [],
  });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(join(ROOT, "sdk", "index.ts"))!;
  const exports = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(index)!)
    .map((s) => [s.name, s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s]));
  return { checker, exports };
}

/** Every disagreement between a resource's Args type and its declared inputs. */
function argsDrift(sdk: ReturnType<typeof readSdk>, r: ResourceSpec): string[] {
  const c = new Comparison(sdk.checker);
  const args = sdk.checker.getDeclaredTypeOfSymbol(sdk.exports.get(`${r.name}Args`)!);
  c.object({ properties: r.inputs }, c.values(args), `${r.name}Args`);
  return c.problems;
}

/** Every disagreement between the outputs a resource's class declares and its declared outputs. */
function outputsDrift(sdk: ReturnType<typeof readSdk>, r: ResourceSpec): string[] {
  const c = new Comparison(sdk.checker);
  const cls = sdk.checker.getDeclaredTypeOfSymbol(sdk.exports.get(r.name)!);
  for (const [name, declared] of Object.entries(r.outputs)) {
    const path = `${r.name}.${name}`;
    const prop = cls.getProperty(name);
    const value = prop && c.outputValue(sdk.checker.getTypeOfSymbol(prop));
    if (!value) {
      c.fail(path, prop ? "not a pulumi.Output" : "declared, not in the SDK class");
      continue;
    }
    // An output the cloud may not report is `Output<T | undefined>`, as Pulumi's generated SDKs declare it.
    if (c.mayBeUndefined(value) === Boolean(declared.required)) {
      c.fail(path, declared.required ? "declared always present, the SDK allows undefined"
        : "declared optional, the SDK's Output does not allow undefined");
    }
    c.match(declared.type, c.values(value), path);
  }
  return c.problems;
}

describe("the dynamic SDK's types agree with the declarations at every depth", function () {
  this.timeout(60_000);
  let sdk: ReturnType<typeof readSdk>;
  before(() => { sdk = readSdk(); });

  for (const r of RESOURCES) {
    it(`${r.name}Args: every nested property, its kind and whether it is required`, () => {
      assert.deepEqual(argsDrift(sdk, r), []);
    });

    it(`${r.name}: every output's type, and whether it may be undefined`, () => {
      assert.deepEqual(outputsDrift(sdk, r), []);
    });
  }

  it("reports drift with its path (a declaration that differs from the SDK)", () => {
    const ci = RESOURCES.find((r) => r.name === "CiMediaJob")!;
    const objectOf = (t: PropertyType): ObjectSpec => {
      assert.ok(t.kind === "object");
      return t.object;
    };
    const operation = objectOf(ci.inputs.operation!.type);
    const smartCover = objectOf(operation.properties.smartCover!.type);
    const drifted: ResourceSpec = {
      ...ci,
      inputs: {
        ...ci.inputs,
        tag: { ...ci.inputs.tag!, type: { kind: "integer" } },
        queueId: { ...ci.inputs.queueId!, required: true },
        operation: { ...ci.inputs.operation!, type: { kind: "object", object: { ...operation, open: false, properties: {
          ...operation.properties,
          smartCover: { ...operation.properties.smartCover!, type: { kind: "object", object: { ...smartCover,
            properties: { ...smartCover.properties, quality: { type: { kind: "integer" }, description: "" } } } } },
        } } } },
      },
      outputs: { ...ci.outputs, code: { ...ci.outputs.code!, required: false } },
    };
    assert.deepEqual(argsDrift(sdk, drifted), [
      "CiMediaJobArgs.tag: declared integer, the SDK has string",
      "CiMediaJobArgs.operation: the SDK takes other fields (an index signature), the declaration is not open",
      "CiMediaJobArgs.operation.smartCover: properties declared, not in the SDK: quality",
      "CiMediaJobArgs.queueId: declared required, optional in the SDK",
    ]);
    assert.deepEqual(outputsDrift(sdk, drifted), [
      "CiMediaJob.code: declared optional, the SDK's Output does not allow undefined",
    ]);
  });

  it("reports drift of a closed set of values and of one-of alternatives", () => {
    const pipeline = RESOURCES.find((r) => r.name === "MediaPipeline")!;
    const production = RESOURCES.find((r) => r.name === "IProductionJob")!;
    assert.deepEqual(argsDrift(sdk, { ...pipeline, inputs: { ...pipeline.inputs,
      cloud: { ...pipeline.inputs.cloud!, type: { kind: "string", values: ["alicloud", "aws"] } } } }), [
      "MediaPipelineArgs.cloud: values declared, not in the SDK: aws",
      "MediaPipelineArgs.cloud: values in the SDK, not declared: tencentcloud",
    ]);
    assert.deepEqual(argsDrift(sdk, { ...production, inputs: { ...production.inputs, scheduleParams: {
      ...production.inputs.scheduleParams!, type: { kind: "oneOf", types: [{ kind: "array", items: { kind: "any" } },
        { kind: "string" }] } } } }), [
      "IProductionJobArgs.scheduleParams: { [x: string]: unknown; } is none of the declared alternatives",
      "IProductionJobArgs.scheduleParams: declared alternative array is not allowed by the SDK",
    ]);
  });
});
