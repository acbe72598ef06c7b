/**
 * check() of every resource, through its lifecycle (provider/resource/definition.ts), given valid inputs with any
 * value at any path: it answers failures that each name a field, or inputs that check() passes again unchanged;
 * it never throws; and `__proto__`, `constructor` and `prototype` keys never reach a prototype.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import type { CheckResult } from "../../../provider/check/checker";
import { checkEnv } from "../../helpers/check";
import { RESOURCES } from "../../../provider/resources";
import { mutatedInputs, VALID_INPUTS } from "./inputs";
import { holds, runs } from "./property";

type Args = Record<string, unknown>;

/** check() needs no environment: it reads the inputs only. */
const ENV = checkEnv();

const OBJECT_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Every object in the tree is a plain object or a list: nothing the inputs held became a prototype. */
function assertPlain(value: unknown, path = "inputs"): void {
  if (value === null || typeof value !== "object") return;
  const proto = Object.getPrototypeOf(value);
  assert.ok(proto === Object.prototype || proto === Array.prototype || proto === null,
    `${path} has a prototype from the inputs`);
  for (const [k, v] of Object.entries(value)) assertPlain(v, `${path}.${k}`);
}

function assertNamed(result: CheckResult): void {
  assert.ok(Array.isArray(result.failures));
  for (const f of result.failures) {
    assert.equal(typeof f.property, "string");
    assert.ok(f.property.length > 0, `"${f.reason}" has a property`);
    assert.equal(typeof f.reason, "string");
    assert.ok(f.reason.includes(f.property.split(/[.[]/)[0]!), `"${f.reason}" names ${f.property}`);
    assert.ok(f.reason.length < 2000, "reasons quote values shortened");
  }
}

describe("property: check()", function () {
  this.timeout(60_000);
  for (const { spec, lifecycle } of RESOURCES) {
    const check = (news: Args) => lifecycle.check({ news, env: ENV });
    const cases = runs(1500);

    it(`${spec.name}: the valid inputs the properties start from pass`, () => {
      for (const inputs of VALID_INPUTS[spec.name]!) assert.deepEqual(check(inputs).failures, [], JSON.stringify(inputs));
    });

    it(`${spec.name}: any value at any path → failures naming a field, or inputs that pass again unchanged ` +
      `(${cases} cases)`, async () => {
      await holds(`check ${spec.name}`, fc.property(mutatedInputs(spec.name), (inputs) => {
        const result = check(inputs);
        assertNamed(result);
        assertPlain(result.inputs);
        if (result.failures.length === 0) assert.deepEqual(check(result.inputs), { inputs: result.inputs, failures: [] });
        assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), OBJECT_PROTOTYPE_KEYS);
        assert.equal(({} as Args).polluted, undefined);
      }), cases);
    });
  }
});
