/**
 * The rules a declaration states, checked at every depth (provider/check/declared.ts): required properties, types,
 * closed value sets, string forms and lengths, ranges; strings read as the numbers and booleans they stand for,
 * list elements and map values included; and a resource's cases (MediaPipeline's `cloud`).
 */
import assert from "node:assert/strict";
import { Checker, UNKNOWN } from "../../../provider/check/checker";
import { checkInputs, checkProperties } from "../../../provider/check/declared";
import { MEDIA_PIPELINE } from "../../../provider/media-pipeline/shape";
import { object, opt, req, t } from "../../../provider/schema/declare";

const ITEM = object("Item", "An item.", {
  n: req(t.integer({ min: 0, max: 9, unit: "digits" }), "A digit."),
  on: opt(t.boolean(), "Whether on."),
});
const PROPS = {
  name: req(t.string({ pattern: /^[a-z]+$/, form: "must be lowercase letters", maxLength: 5 }), "The name."),
  label: opt(t.string({ maxBytes: 4 }), "A label."),
  kind: opt(t.string(["a", "b"]), "A kind."),
  ratio: opt(t.number({ min: 0 }), "A ratio."),
  items: opt(t.array(t.object(ITEM)), "Items."),
  counts: opt(t.map(t.integer()), "Counts."),
  either: opt(t.oneOf(t.integer(), t.array(t.string())), "An integer or strings."),
  anything: opt(t.any(), "Anything."),
};

function check(value: Record<string, unknown>) {
  const c = new Checker();
  checkProperties(c, PROPS, value, "");
  return c.result(value);
}

describe("declared rules", () => {
  it("accepts what the declaration allows, and reads strings as the numbers and booleans they stand for", () => {
    const { inputs, failures } = check({ name: "abc", kind: "a", ratio: "0.5", items: [{ n: "3", on: "true" }],
      counts: { x: "2" }, either: "7", anything: { deep: ["x"] } });
    assert.deepEqual(failures, []);
    assert.deepEqual(inputs, { name: "abc", kind: "a", ratio: 0.5, items: [{ n: 3, on: true }], counts: { x: 2 },
      either: 7, anything: { deep: ["x"] } });
  });

  it("names the path and the rule of every failure, list elements and map values included", () => {
    const { failures } = check({ label: "ééé", kind: "c", ratio: -1, items: [{ n: 1 }, { on: "maybe" }, "x"],
      counts: { x: "two" }, either: { no: 1 } });
    assert.deepEqual(failures.map((f) => f.reason), [
      "name is required: The name.",
      "label must be at most 4 bytes (UTF-8); got 6.",
      "kind must be one of a, b; got \"c\".",
      "ratio must be a number of at least 0; got -1.",
      "items[1].n is required: A digit.",
      "items[1].on must be true or false; got \"maybe\".",
      "items[2] must be an object; got \"x\".",
      "counts.x must be an integer; got \"two\".",
      "either must be an integer or a list; got an object.",
    ]);
  });

  it("checks forms, lengths and ranges", () => {
    assert.deepEqual(check({ name: "ABCDEF" }).failures.map((f) => f.reason), [
      "name must be at most 5 characters; got 6.",
      "name must be lowercase letters; got \"ABCDEF\".",
    ]);
    assert.match(check({ name: "a", items: [{ n: 10 }] }).failures[0]!.reason,
      /^items\[0\]\.n must be an integer from 0 to 9 \(digits\); got 10\.$/);
  });

  it("leaves values unknown during preview, and paths a cross-field rule exempted, unchecked", () => {
    assert.deepEqual(check({ name: UNKNOWN, ratio: UNKNOWN, items: [{ n: UNKNOWN }] }).failures, []);
    const c = new Checker();
    c.exempt("items");
    checkProperties(c, PROPS, { name: "a", items: [{ n: "x" }] }, "");
    assert.deepEqual(c.failures, []);
  });
});

describe("declared rules of a resource with cases (MediaPipeline's cloud)", () => {
  const failures = (inputs: Record<string, unknown>) => {
    const c = new Checker();
    checkInputs(c, MEDIA_PIPELINE, inputs);
    return c.failures;
  };

  it("requires what the case requires, and refuses an input of the other case, naming it", () => {
    assert.deepEqual(failures({ cloud: "alicloud", bucket: "b-1250000000" }).map((f) => f.reason), [
      "name is required: The name (required for alicloud, at most 128 bytes); for tencentcloud, omitted keeps the " +
        "queue's own.",
      "bucket is for cloud \"tencentcloud\", not cloud \"alicloud\".",
    ]);
    assert.deepEqual(failures({ cloud: "tencentcloud" }).map((f) => f.property), ["bucket"]);
  });

  it("checks a narrowed object as the case's fields", () => {
    assert.deepEqual(failures({ cloud: "alicloud", name: "p", notifyConfig: { topic: 5 } }).map((f) => f.reason),
      ["notifyConfig.topic must be a string; got 5."]);
  });

  it("checks nothing more until the case is known", () => {
    assert.deepEqual(failures({ cloud: UNKNOWN, bucket: 5 }), []);
    assert.deepEqual(failures({}).map((f) => f.property), ["cloud"]);
  });
});
