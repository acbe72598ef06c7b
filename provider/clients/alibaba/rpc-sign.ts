/**
 * Alibaba Cloud RPC signature v1 (HMAC-SHA1), as MPS documents it. Each step is a small pure function; the clock
 * and the nonce are passed in, never read here, and a fresh pair is used on every attempt. Pinned by the vendor's
 * known-answer vectors in test/fixtures/alibaba-rpc-sign-vectors.json.
 */
import { createHmac } from "node:crypto";
import type { Credentials } from "../../config/settings";
import { percentEncode } from "../../http/percent-encode";

/** The encoded `k=v&…` of every parameter, sorted by name in plain code-unit order. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join("&");
}

/** METHOD & percentEncode("/") & percentEncode(canonical) */
export function stringToSign(method: string, canonical: string): string {
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonical)}`;
}

/** Base64(HMAC-SHA1(key = secret + "&", StringToSign)) */
export function sign(accessKeySecret: string, sts: string): string {
  return createHmac("sha1", `${accessKeySecret}&`).update(sts).digest("base64");
}

/** UTC `YYYY-MM-DDThh:mm:ssZ`, no milliseconds. */
export function rpcTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** What every RPC call names besides its own parameters: the action and the product's API version. */
export interface RpcCall {
  action: string;
  /** The product's API version, e.g. MPS `2014-06-18`. */
  version: string;
}

/**
 * The common parameters every RPC call carries (the STS token only when given), JSON answers: exactly those
 * @alicloud/pop-core sends (lib/rpc.js) and MPS's "Public parameters" page lists. No RegionId: neither they nor the
 * MTS Go client send one; the region is the endpoint's (`mts.<region>.aliyuncs.com`).
 */
export function commonParams(call: RpcCall, key: Credentials, timestamp: string, nonce: string): Record<string, string> {
  const params: Record<string, string> = {
    Action: call.action,
    Version: call.version,
    Format: "JSON",
    AccessKeyId: key.keyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: nonce,
    Timestamp: timestamp,
  };
  if (key.securityToken) params.SecurityToken = key.securityToken;
  return params;
}

/** The wire body (or query): exactly the signed canonical string plus `&Signature=<encoded>`. */
export function signedBody(method: string, params: Record<string, string>, accessKeySecret: string): string {
  const canonical = canonicalQuery(params);
  return `${canonical}&Signature=${percentEncode(sign(accessKeySecret, stringToSign(method, canonical)))}`;
}
