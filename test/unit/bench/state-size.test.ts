/** State bytes per resource and by top-level field (bench/state-size.ts). */
import assert from "node:assert/strict";
import { stateSize } from "../../../bench/state-size";

describe("bench state size", () => {
  it("averages the whole resource and each top-level field, the dynamic provider's code apart", () => {
    const a = { urn: "u1", outputs: { __provider: "code", x: 1 } };
    const b = { urn: "u22", outputs: { __provider: "code", x: 2 } };
    const size = stateSize([a, b]);
    assert.equal(size.bytesPerResource, Math.round((JSON.stringify(a).length + JSON.stringify(b).length) / 2));
    assert.deepEqual(size.fields, {
      outputs: '"outputs":{"__provider":"code","x":1}'.length, urn: 11, // 10 and 11 bytes
      "outputs.__provider": '"code"'.length,
    });
  });

  it("lists fields largest first", () => {
    const size = stateSize([{ small: 1, large: "x".repeat(100) }]);
    assert.deepEqual(Object.keys(size.fields), ["large", "small"]);
  });
});
