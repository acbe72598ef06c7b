/**
 * Registering a resource does not format a stack trace per property (sdk/registration.ts, and the same code that
 * scripts/codegen/main.go writes into the plugin's Node SDK): in both forms, for every resource class, the only
 * traces formatted while a resource is constructed are the SDK's own (the resource's source position and stack
 * trace, which reach the engine unchanged), and `Error.stackTraceLimit` is the program's again afterwards, also when
 * the constructor throws.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as dynamic from "../../../sdk";
import { withoutPromiseTraces } from "../../../sdk/registration";
import { useMockedRegistrations } from "../../helpers/mock-monitor";

const ROOT = join(__dirname, "..", "..", "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require(join(ROOT, "dist", "sdk", "nodejs")) as typeof import("pulumi-mediajobs/plugin");

const BUCKET = "examplebucket-1250000000";
/** Each resource's arguments, once; both forms are constructed from them. */
const ARGS = {
  CiMediaJob: { bucket: BUCKET, tag: "MediaInfo", input: { object: "a.mp4" }, operation: {} },
  InventoryTriggerJob: { bucket: BUCKET, tag: "MediaInfo", name: "batch", input: { prefix: "in/" }, operation: {} },
  IProductionJob: { functionName: "Cartoonize", input: "oss://bucket/a.jpg", output: "oss://bucket/out/{index}.jpg" },
  MediaPipeline: { cloud: "tencentcloud", bucket: BUCKET },
} as const;

type Construct = (name: string) => pulumi.CustomResource;
const forms = { dynamic, plugin } as unknown as Record<string, Record<string, new (n: string, a: unknown) =>
  pulumi.CustomResource>>;
const constructors: [string, Construct][] = [
  ...(["dynamic", "plugin"] as const).flatMap((form) => Object.entries(ARGS).map(([cls, args]) =>
    [`${form} ${cls}`, (n: string) => new forms[form]![cls]!(n, args)] as [string, Construct])),
  ["plugin Provider", (n) => new plugin.Provider(n, {})],
];

/** The traces V8 formats while `fn` runs (each with its number of frames), through a counting prepareStackTrace. */
function tracesFormatted(fn: () => void): number[] {
  const traces: number[] = [];
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, frames) => {
    traces.push(frames.length);
    return original ? original(error, frames) : `${String(error)}\n${frames.map((f) => `    at ${f}`).join("\n")}`;
  };
  try {
    fn();
  } finally {
    Error.prepareStackTrace = original;
  }
  return traces;
}

describe("SDK: registering a resource", function () {
  this.timeout(10_000);
  const positions = new Map<string, string | undefined>();
  useMockedRegistrations((req) => positions.set(req.getName(), req.getSourceposition()?.getUri()));

  for (const [label, construct] of constructors) {
    it(`${label}: formats only the SDK's own stack trace, whose source position reaches the engine`, async () => {
      const name = label.replace(/ /g, "-").toLowerCase();
      const limit = Error.stackTraceLimit;
      let resource: pulumi.CustomResource | undefined;
      const traces = tracesFormatted(() => {
        resource = construct(name);
      });
      assert.equal(Error.stackTraceLimit, limit, "the program's limit is back");
      // One trace per property (about 20) before; now the resource's own trace (callsites, unlimited) alone.
      assert.ok(traces.filter((frames) => frames > 0).length <= 2,
        `traces with frames formatted while constructing: ${JSON.stringify(traces)}`);
      await new Promise<void>((resolve) => resource!.urn.apply(() => resolve()));
      assert.match(positions.get(name) ?? "", /^file:\/\//, "the registration carries a source position");
    });
  }

  it("gives the program its limit back when the constructor throws", () => {
    const limit = Error.stackTraceLimit;
    for (const [label, construct] of constructors) {
      // An empty name is refused by the SDK's Resource constructor, inside the registration.
      assert.throws(() => construct(""), /name/i, label);
      assert.equal(Error.stackTraceLimit, limit, label);
    }
  });

  it("withoutPromiseTraces sets the limit to 0 and restores it", () => {
    const limit = Error.stackTraceLimit;
    const restore = withoutPromiseTraces();
    assert.equal(Error.stackTraceLimit, 0);
    restore();
    assert.equal(Error.stackTraceLimit, limit);
  });
});
