/**
 * Inputs for the property-based tests: valid inputs of every resource (the bases that mutations start from), the
 * names their declarations use at any depth, and a mutation of a base at any path to any value.
 */
import fc from "fast-check";
import type { PropertyType, ResourceSpec } from "../../../provider/schema/declare";
import { RESOURCES } from "../../../provider/resources";
import { jsonish } from "./property";

type Args = Record<string, unknown>;

const BUCKET = "examplebucket-1250000000";
const OSS = "oss://example-bucket.oss-cn-shanghai.aliyuncs.com";

/** Valid inputs of each resource, by its name: what each mutation starts from. */
export const VALID_INPUTS: Readonly<Record<string, readonly Args[]>> = {
  CiMediaJob: [
    { bucket: BUCKET, region: "ap-guangzhou", tag: "SmartCover", input: { object: "in/video.mp4" },
      operation: { smartCover: { format: "jpg", width: 1280, height: 720, count: 3, deleteDuplicates: true },
        output: { region: "ap-guangzhou", bucket: BUCKET, object: "covers/${Number}.jpg" }, userData: "u", jobLevel: 0 },
      callBack: "http://callback.example.com", callBackFormat: "JSON" },
    { bucket: BUCKET, region: "ap-guangzhou", tag: "Transcode", input: { object: "in/a b&c.mp4" },
      operation: { templateId: "t1", output: { region: "ap-guangzhou", bucket: BUCKET, object: "out/a.mp4" } } },
    { bucket: BUCKET, region: "ap-guangzhou", tag: "MediaInfo", input: { object: "in/video.mp4" }, operation: {} },
  ],
  InventoryTriggerJob: [
    { bucket: BUCKET, region: "ap-guangzhou", name: "nightly-720p", input: { prefix: "uploads/" },
      operation: { timeInterval: { start: "2024-01-01T00:00:00+0800", end: "2024-01-31T23:59:59+0800" },
        tag: "Transcode", queueId: "p0123456789abcdef0123456789abcdef",
        jobParam: { transcode: { container: { format: "mp4" } } },
        output: { region: "ap-guangzhou", bucket: BUCKET, object: "transcoded/${InventoryTriggerJobId}/out.mp4" } } },
    { bucket: BUCKET, region: "ap-guangzhou", name: "wf", type: "Workflow", input: { object: "in/a.mp4" },
      operation: { workflowIds: ["w1", "w2"] } },
  ],
  IProductionJob: [
    { region: "cn-shanghai", functionName: "Cover", input: `${OSS}/in/video.mp4`,
      output: `${OSS}/out/{source}-{sequenceId}.jpg`, jobParams: { Model: "gif" } },
    { region: "cn-shanghai", functionName: "MusicSegmentDetect", input: `${OSS}/in/a.mp3`, userData: "u" },
  ],
  MediaPipeline: [
    { cloud: "alicloud", region: "cn-shanghai", name: "transcode-main", notifyConfig: { queueName: "mps-events" } },
    { cloud: "tencentcloud", bucket: BUCKET, region: "ap-guangzhou", name: "q", state: "Active",
      notifyConfig: { state: "On", type: "Url", url: "http://n.example.com", event: "TaskFinish" } },
  ],
};

/** Every property name a declaration uses, at any depth (the names a mutation adds). */
export function declaredNames(spec: ResourceSpec): string[] {
  const names = new Set<string>();
  const visit = (type: PropertyType, seen: Set<unknown>): void => {
    if (seen.has(type)) return;
    seen.add(type);
    if (type.kind === "object") {
      for (const [name, p] of Object.entries(type.object.properties)) {
        names.add(name);
        visit(p.type, seen);
      }
    } else if (type.kind === "array") visit(type.items, seen);
    else if (type.kind === "map") visit(type.values, seen);
    else if (type.kind === "oneOf") type.types.forEach((t) => visit(t, seen));
  };
  for (const [name, p] of Object.entries(spec.inputs)) {
    names.add(name);
    visit(p.type, new Set());
  }
  return [...names];
}

/** The paths of every value in a tree (the root's is []). */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value !== null && typeof value === "object") {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  }
  return here;
}

/** Sets (as an own property, `__proto__` included) the value at a path. */
function setAt(root: Args, path: (string | number)[], value: unknown): void {
  let node: any = root;
  for (const key of path.slice(0, -1)) node = node[key];
  Object.defineProperty(node, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}

/** One change: a value somewhere (an existing path, or a new name under an existing object) becomes another. */
interface Mutation {
  pathIndex: number;
  /** Set under the path (a new or existing name) rather than at it. */
  under?: string;
  value: unknown;
}

function mutated(base: Args, mutations: Mutation[]): Args {
  const inputs = structuredClone(base);
  for (const m of mutations) {
    const paths = pathsOf(inputs);
    const path = paths[m.pathIndex % paths.length]!;
    let target: unknown = inputs;
    for (const key of path) target = (target as any)[key];
    const isObject = target !== null && typeof target === "object" && !Array.isArray(target);
    if (m.under !== undefined && isObject) setAt(inputs, [...path, m.under], m.value);
    else if (path.length > 0) setAt(inputs, path, m.value);
  }
  return inputs;
}

/**
 * Inputs of a resource: a valid one with one to three values anywhere replaced or added (any JSON-ish value), or an
 * object of declared names and random values from scratch.
 */
export function mutatedInputs(resource: string): fc.Arbitrary<Args> {
  const spec = RESOURCES.find((r) => r.spec.name === resource)!.spec;
  const names = declaredNames(spec);
  const value = jsonish(names);
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    pathIndex: fc.nat(200),
    under: fc.option(fc.oneof(fc.constantFrom(...names), fc.constantFrom("__proto__", "constructor", "prototype"),
      fc.string({ maxLength: 6 })), { nil: undefined }),
    value,
  }, { requiredKeys: ["pathIndex", "value"] });
  const bases = VALID_INPUTS[resource]!;
  return fc.oneof({ weight: 4, arbitrary: fc.tuple(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([base, ms]) => mutated(base, ms)) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 8 })
    .map((entries) => Object.fromEntries(entries)) });
}

/** The paths of a tree's string values. */
function stringPaths(value: unknown): (string | number)[][] {
  return pathsOf(value).filter((path) => typeof path.reduce((node: any, key) => node[key], value) === "string");
}

/**
 * Inputs of a resource with odd strings in its values and names: one to four string values of a valid input
 * replaced, or names added under its objects (which check() may refuse: the properties keep only what it passes).
 */
export function oddInputs(resource: string, strings: fc.Arbitrary<string>): fc.Arbitrary<Args> {
  const change = fc.record({ pathIndex: fc.nat(200), under: fc.option(strings, { nil: undefined }), value: strings });
  return fc.tuple(fc.constantFrom(...VALID_INPUTS[resource]!), fc.array(change, { minLength: 1, maxLength: 4 }))
    .map(([base, changes]) => {
      const inputs = structuredClone(base);
      for (const { pathIndex, under, value } of changes) {
        if (under === undefined) {
          const paths = stringPaths(inputs);
          setAt(inputs, paths[pathIndex % paths.length]!, value);
        } else {
          const objects = pathsOf(inputs).filter((path) => {
            const node = path.reduce((n: any, key) => n[key], inputs);
            return node !== null && typeof node === "object" && !Array.isArray(node);
          });
          setAt(inputs, [...objects[pathIndex % objects.length]!, under], value);
        }
      }
      return inputs;
    });
}

/** A tree with one to three values anywhere replaced, or added under its objects by the given names. */
export function mutatedTree(base: Args, names: readonly string[], value: fc.Arbitrary<unknown>): fc.Arbitrary<Args> {
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    pathIndex: fc.nat(200), under: fc.option(fc.constantFrom(...names), { nil: undefined }), value,
  }, { requiredKeys: ["pathIndex", "value"] });
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => mutated(base, ms));
}
