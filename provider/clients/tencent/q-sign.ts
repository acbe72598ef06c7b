/**
 * The COS "q-sign" request signature, which Tencent Cloud Infinite (CI) hosts also use.
 *
 * Each step is a small pure function; the clock is passed in as a KeyTime, never read here. Pinned by the
 * vendor's known-answer vectors in test/fixtures/tencent-q-sign-vectors.json.
 */
import { createHash, createHmac } from "node:crypto";
import type { Credentials } from "../../config/settings";
import { percentEncode } from "../../http/percent-encode";

/** A request as it is signed: method, path as sent, query parameters and the headers to sign. */
export interface SignableRequest {
  method: string;
  /** Path as sent, starting with `/`, not URL-encoded. */
  path: string;
  /** Query parameters; a valueless parameter such as `?cancel` is `""`. */
  query: Record<string, string>;
  /** Headers to sign (host always; content-type/content-length when sent; `x-ci-*`/`x-cos-*`). */
  headers: Record<string, string>;
}

/** `"<start>;<end>"` in unix seconds. */
export function keyTime(startSeconds: number, durationSeconds: number): string {
  return `${startSeconds};${startSeconds + durationSeconds}`;
}

/** SignKey = hex(HMAC-SHA1(SecretKey, KeyTime)). */
export function signKey(secretKey: string, kt: string): string {
  return createHmac("sha1", secretKey).update(kt).digest("hex");
}

/** Keys lowercased and encoded, values encoded, sorted by key: the `k=v&…` string and the `;`-joined key list. */
export function canonicalPairs(pairs: Record<string, string>): { joined: string; keyList: string } {
  const encoded = Object.entries(pairs)
    .map(([k, v]) => [percentEncode(k).toLowerCase(), percentEncode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    joined: encoded.map(([k, v]) => `${k}=${v}`).join("&"),
    keyList: encoded.map(([k]) => k).join(";"),
  };
}

/** HttpString = lower(method) \n path \n params \n headers \n */
export function httpString(req: SignableRequest): string {
  return [req.method.toLowerCase(), req.path, canonicalPairs(req.query).joined, canonicalPairs(req.headers).joined, ""]
    .join("\n");
}

/** StringToSign = "sha1" \n KeyTime \n hex(SHA1(HttpString)) \n */
export function stringToSign(kt: string, http: string): string {
  return `sha1\n${kt}\n${createHash("sha1").update(http).digest("hex")}\n`;
}

/** Signature = hex(HMAC-SHA1(key = SignKey as the hex string, StringToSign)). */
export function signature(key: string, sts: string): string {
  return createHmac("sha1", key).update(sts).digest("hex");
}

/** The whole `Authorization` header value, fields in the vendor's order (the STS token is not part of it). */
export function authorization(req: SignableRequest, key: Credentials, kt: string): string {
  const sig = signature(signKey(key.secret, kt), stringToSign(kt, httpString(req)));
  return [
    "q-sign-algorithm=sha1",
    `q-ak=${key.keyId}`,
    `q-sign-time=${kt}`,
    `q-key-time=${kt}`,
    `q-header-list=${canonicalPairs(req.headers).keyList}`,
    `q-url-param-list=${canonicalPairs(req.query).keyList}`,
    `q-signature=${sig}`,
  ].join("&");
}

/** How long a signature stays valid: long enough for a slow answer, short enough to be useless if it leaked. */
export const SIGNATURE_LIFETIME_SECONDS = 900;

/**
 * A request's headers as COS and CI hosts take them: the headers to sign, the q-sign Authorization over them with a
 * KeyTime starting at `nowMs`, and the STS token (which the official SDK sends unsigned) under `tokenHeader`.
 */
export function signedHeaders(req: SignableRequest, key: Credentials, nowMs: number, tokenHeader: string):
  Record<string, string> {
  const headers: Record<string, string> = { ...req.headers,
    authorization: authorization(req, key, keyTime(Math.floor(nowMs / 1000), SIGNATURE_LIFETIME_SECONDS)) };
  if (key.securityToken) headers[tokenHeader] = key.securityToken;
  return headers;
}

/** Parses an `Authorization` header back into its fields (used by the emulator to verify). */
export function parseAuthorization(header: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of header.split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return fields;
}
