import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Sign from "tencentcloud-sdk-nodejs-common/tencentcloud/common/sign";
import {
  canonicalHeaders, canonicalQueryString, credentialScope, sha256Hex, signTc3, tc3Date,
} from "../../../provider/clients/tencent/tc3-sign";
import { ValidationError } from "../../../provider/errors";

interface Vector {
  name: string; source: string; method: string; host: string; path: string; query: Record<string, string>;
  headers: Record<string, string>; payload: string; service: string; timestampSeconds: number;
  secretId: string; secretKey: string; hashedPayload?: string; canonicalRequest?: string; stringToSign?: string;
  authorization: string;
}
const fixture = join(__dirname, "..", "..", "..", "..", "test", "fixtures", "tc3-sign-vectors.json");
const vectors: Vector[] = JSON.parse(readFileSync(fixture, "utf8")).vectors;

function sign(v: Vector) {
  const req = { method: v.method, host: v.host, path: v.path, query: v.query, headers: v.headers, payload: v.payload };
  return signTc3(req, { keyId: v.secretId, secret: v.secretKey }, { service: v.service, timestampSeconds: v.timestampSeconds });
}

describe("TC3-HMAC-SHA256 known-answer vectors", () => {
  for (const v of vectors) {
    it(v.name, () => {
      const signed = sign(v);
      if (v.hashedPayload) assert.equal(sha256Hex(v.payload), v.hashedPayload);
      if (v.canonicalRequest) assert.equal(signed.canonicalRequest, v.canonicalRequest);
      if (v.stringToSign) assert.equal(signed.stringToSign, v.stringToSign);
      assert.equal(signed.authorization, v.authorization);
    });

    it(`${v.name}: the official tencentcloud-sdk-nodejs-common signs it the same`, () => {
      // The SDK signs content-type;host only and reads the query back from the URL it is given; a Buffer payload is
      // hashed as is (an object would be re-serialized), and GET hashes the empty body.
      assert.deepEqual(Object.keys(v.headers), ["content-type"], "a vector the official signer can reproduce");
      const query = canonicalQueryString(v.query);
      const official = Sign.sign3({
        method: v.method, url: `https://${v.host}${v.path}${query ? `?${query}` : ""}`,
        payload: v.method === "GET" ? "" : Buffer.from(v.payload, "utf8"), timestamp: v.timestampSeconds,
        service: v.service, secretId: v.secretId, secretKey: v.secretKey, multipart: false, boundary: "",
        headers: { "Content-Type": v.headers["content-type"]! },
      });
      assert.equal(official, v.authorization);
    });
  }
});

describe("TC3-HMAC-SHA256 steps", () => {
  it("dates the scope in UTC, not local time (1551113065 is 2019-02-26 in UTC+8)", () => {
    assert.equal(tc3Date(1551113065), "2019-02-25");
    assert.equal(credentialScope("2019-02-25", "sts"), "2019-02-25/sts/tc3_request");
  });
  it("signs host and content-type at least, names and values lowercased and trimmed, sorted by name", () => {
    const headers = { "X-TC-Action": " AssumeRole ", "Content-Type": "application/json" };
    assert.deepEqual(canonicalHeaders("STS.tencentcloudapi.com", headers), {
      canonical: "content-type:application/json\nhost:sts.tencentcloudapi.com\nx-tc-action:assumerole\n",
      signedHeaders: "content-type;host;x-tc-action",
    });
  });
  it("refuses to sign without a content-type, which the API requires", () => {
    assert.throws(() => canonicalHeaders("sts.tencentcloudapi.com", {}), ValidationError);
  });
  it("encodes the query per RFC 3986, sorted by name", () => {
    assert.equal(canonicalQueryString({ Limit: "1", "Filters.0.Values.0": "a b/(c)*" }),
      "Filters.0.Values.0=a%20b%2F%28c%29%2A&Limit=1");
  });
  it("changes the signature when the payload changes by one byte", () => {
    const v = vectors[0]!;
    assert.notEqual(sign({ ...v, payload: v.payload + " " }).signature, sign(v).signature);
  });
});
