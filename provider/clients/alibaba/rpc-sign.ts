/**
 * Alibaba Cloud RPC signature v1 (HMAC-SHA1), as MPS documents it. Each step is a small pure function; the clock
 * and the nonce are passed in, never read here, and a fresh pair is used on every attempt. Pinned by the vendor's
 * known-answer vectors in test/fixtures/alibaba-rpc-sign-vectors.json.
 */
import { createHmac } from "node:crypto";

export interface AlibabaSigningKey {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** RFC 3986: `A-Z a-z 0-9 - _ . ~` unchanged, everything else `%XY` (uppercase); space is `%20`. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

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

/** The common parameters every MPS call carries (undefined ones dropped). */
export function commonParams(action: string, key: AlibabaSigningKey, timestamp: string, nonce: string,
  regionId?: string): Record<string, string> {
  const params: Record<string, string> = {
    Action: action,
    Version: "2014-06-18",
    Format: "JSON",
    AccessKeyId: key.accessKeyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: nonce,
    Timestamp: timestamp,
  };
  if (key.securityToken) params.SecurityToken = key.securityToken;
  if (regionId) params.RegionId = regionId;
  return params;
}

/** The wire body (or query): exactly the signed canonical string plus `&Signature=<encoded>`. */
export function signedBody(method: string, params: Record<string, string>, accessKeySecret: string): string {
  const canonical = canonicalQuery(params);
  return `${canonical}&Signature=${percentEncode(sign(accessKeySecret, stringToSign(method, canonical)))}`;
}
