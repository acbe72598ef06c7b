import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  canonicalQuery, commonParams, percentEncode, rpcTimestamp, sign, signedBody, stringToSign,
} from "../../../../provider/clients/alibaba/rpc-sign";

interface Vector {
  name: string; secret: string; method: string; params: Record<string, string>; stringToSign?: string;
  signature: string;
}
const fixture = join(__dirname, "..", "..", "..", "..", "..", "test", "fixtures", "alibaba-rpc-sign-vectors.json");
const vectors: Vector[] = JSON.parse(readFileSync(fixture, "utf8")).vectors;

describe("Alibaba RPC signature v1 known-answer vectors", () => {
  for (const v of vectors) {
    it(v.name, () => {
      const sts = stringToSign(v.method, canonicalQuery(v.params));
      if (v.stringToSign) assert.equal(sts, v.stringToSign);
      assert.equal(sign(v.secret, sts), v.signature);
      assert.equal(signedBody(v.method, v.params, v.secret),
        `${canonicalQuery(v.params)}&Signature=${percentEncode(v.signature)}`, "the wire string is the signed one");
    });
  }
});

describe("Alibaba RPC signature steps", () => {
  it("percent-encodes as RFC 3986, space as %20 and * as %2A", () => {
    assert.equal(percentEncode("a b*c~d!'()"), "a%20b%2Ac~d%21%27%28%29");
    assert.equal(percentEncode("中"), "%E4%B8%AD");
  });

  it("formats the timestamp without milliseconds", () => {
    assert.equal(rpcTimestamp(Date.UTC(2024, 0, 1, 0, 0, 0, 789)), "2024-01-01T00:00:00Z");
  });

  it("adds the common parameters, the STS token and the region only when given", () => {
    const p = commonParams("QueryIProductionJob", { accessKeyId: "id", accessKeySecret: "s" }, "T", "N");
    assert.deepEqual(Object.keys(p).sort(), ["AccessKeyId", "Action", "Format", "SignatureMethod", "SignatureNonce",
      "SignatureVersion", "Timestamp", "Version"]);
    assert.equal(p.Format, "JSON");
    const sts = commonParams("X", { accessKeyId: "id", accessKeySecret: "s", securityToken: "tok" }, "T", "N", "cn-shanghai");
    assert.equal(sts.SecurityToken, "tok");
    assert.equal(sts.RegionId, "cn-shanghai");
  });
});
