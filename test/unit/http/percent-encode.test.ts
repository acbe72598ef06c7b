import assert from "node:assert/strict";
import { percentEncode } from "../../../provider/http/percent-encode";

describe("percent-encoding (both signers)", () => {
  it("encodes as RFC 3986: the characters encodeURIComponent leaves alone, space as %20, * as %2A", () => {
    assert.equal(percentEncode("a b*c~d!'()"), "a%20b%2Ac~d%21%27%28%29");
    assert.equal(percentEncode("A-Z_a.z~0"), "A-Z_a.z~0", "unreserved characters stay");
    assert.equal(percentEncode("/=&+,"), "%2F%3D%26%2B%2C");
  });

  it("encodes each UTF-8 byte in uppercase hex", () => {
    assert.equal(percentEncode("中"), "%E4%B8%AD");
  });
});
