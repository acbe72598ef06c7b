import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  canonicalQuery, commonParams, rpcTimestamp, sign, signedBody, stringToSign,
} from "../../../../provider/clients/alibaba/rpc-sign";
import { percentEncode } from "../../../../provider/http/percent-encode";

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
  it("formats the timestamp without milliseconds", () => {
    assert.equal(rpcTimestamp(Date.UTC(2024, 0, 1, 0, 0, 0, 789)), "2024-01-01T00:00:00Z");
  });

  it("sends exactly the parameters pop-core sends for the same call (vector 6, a request pop-core made)", () => {
    const popCore = vectors.find((v) => v.name.startsWith("6:"))!;
    const { JobId, Timestamp, SignatureNonce } = popCore.params;
    const ours = { JobId: JobId!, ...commonParams({ action: "QueryIProductionJob", version: "2014-06-18" },
      { keyId: "testid", secret: popCore.secret }, Timestamp!, SignatureNonce!) };
    assert.deepEqual(ours, popCore.params);
    assert.equal(signedBody("POST", ours, popCore.secret),
      `${canonicalQuery(popCore.params)}&Signature=${percentEncode(popCore.signature)}`);
  });

  it("adds the common parameters, and the STS token only when given; never a RegionId", () => {
    const p = commonParams({ action: "QueryIProductionJob", version: "2014-06-18" }, { keyId: "id", secret: "s" }, "T",
      "N");
    assert.deepEqual(Object.keys(p).sort(), ["AccessKeyId", "Action", "Format", "SignatureMethod", "SignatureNonce",
      "SignatureVersion", "Timestamp", "Version"]);
    assert.equal(p.Format, "JSON");
    assert.equal(p.Version, "2014-06-18");
    assert.equal(p.AccessKeyId, "id");
    const sts = commonParams({ action: "X", version: "v" }, { keyId: "id", secret: "s", securityToken: "tok" }, "T",
      "N");
    assert.equal(sts.SecurityToken, "tok");
    assert.equal("RegionId" in sts, false);
  });
});
