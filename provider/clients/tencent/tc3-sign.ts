/**
 * Tencent Cloud API 3.0 request signature, TC3-HMAC-SHA256 (what STS, CAM and every `*.tencentcloudapi.com` host
 * take; COS and CI hosts take q-sign instead, see q-sign.ts).
 *
 * Each step is a small pure function; the clock is passed in as unix seconds, never read here, so every attempt is
 * signed afresh by its caller. Pinned by the vendor's known-answer vectors in test/fixtures/tc3-sign-vectors.json.
 */
import { createHash, createHmac } from "node:crypto";
import type { Credentials } from "../../config/settings";
import { ValidationError } from "../../errors";
import { percentEncode } from "../../http/percent-encode";

/** The only algorithm API 3.0 defines. */
export const TC3_ALGORITHM = "TC3-HMAC-SHA256";

/** A request as it is signed. */
export interface Tc3Request {
  /** `POST` (JSON body) or `GET` (parameters in the query, empty body). */
  method: string;
  /** The API host, e.g. `sts.tencentcloudapi.com`; it is always a signed header. */
  host: string;
  /** Path as sent; API 3.0 always uses `/`. */
  path: string;
  /** Query parameters, unencoded; send exactly `canonicalQueryString(query)` so the server hashes the same bytes. */
  query: Record<string, string>;
  /** Headers to sign besides host; `content-type` is required and must be the value sent. */
  headers: Record<string, string>;
  /** The body exactly as sent (`""` for GET). */
  payload: string | Uint8Array;
}

/** What a signature covers besides the request: the product's service name and the request time. */
export interface Tc3Scope {
  /** The product's service name, the first label of its host (`sts`, `cvm`, `mps`). */
  service: string;
  /** Unix seconds; sent as `X-TC-Timestamp`. */
  timestampSeconds: number;
}

/** The Authorization header and the intermediate strings it was made from (for tests and the emulator). */
export interface Tc3Signature {
  authorization: string;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

/**
 * The UTC date of the timestamp, `YYYY-MM-DD`. The doc insists on UTC: a local date breaks every call made between
 * local midnight and UTC midnight.
 */
export function tc3Date(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

/** `<date>/<service>/tc3_request` */
export function credentialScope(date: string, service: string): string {
  return `${date}/${service}/tc3_request`;
}

/** lower(hex(SHA-256(data))) */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Parameters encoded per RFC 3986 and sorted by name: the query string to send and to sign. The server hashes the
 * query it received, so whatever is signed must go out byte for byte.
 */
export function canonicalQueryString(query: Record<string, string>): string {
  return Object.keys(query)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${percentEncode(k)}=${percentEncode(query[k]!)}`)
    .join("&");
}

/**
 * The signed headers, `host` included: names and values lowercased and trimmed, sorted by name (the doc's rule; the
 * vendor's own bash demo signs `x-tc-action` lowercased while sending it in PascalCase).
 */
export function canonicalHeaders(host: string, headers: Record<string, string>):
  { canonical: string; signedHeaders: string } {
  const entries = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) entries.set(name.trim().toLowerCase(), value.trim().toLowerCase());
  entries.set("host", host.trim().toLowerCase());
  if (!entries.has("content-type")) {
    throw new ValidationError("A Tencent Cloud API 3.0 request must sign its content-type header; none was given.");
  }
  const names = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    canonical: names.map((n) => `${n}:${entries.get(n)}\n`).join(""),
    signedHeaders: names.join(";"),
  };
}

/** METHOD \n path \n query \n headers \n signedHeaders \n hex(SHA-256(payload)) */
export function canonicalRequest(req: Tc3Request): string {
  const { canonical, signedHeaders } = canonicalHeaders(req.host, req.headers);
  return [req.method.toUpperCase(), req.path, canonicalQueryString(req.query), canonical, signedHeaders,
    sha256Hex(req.payload)].join("\n");
}

/** TC3-HMAC-SHA256 \n timestamp \n scope \n hex(SHA-256(canonicalRequest)) */
export function stringToSign(timestampSeconds: number, scope: string, canonical: string): string {
  return [TC3_ALGORITHM, String(timestampSeconds), scope, sha256Hex(canonical)].join("\n");
}

/** HMAC chain: "TC3" + SecretKey → date → service → "tc3_request"; each link keyed by the raw bytes of the last. */
export function signingKey(secretKey: string, date: string, service: string): Buffer {
  const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  return hmac(hmac(hmac(`TC3${secretKey}`, date), service), "tc3_request");
}

/** lower(hex(HMAC-SHA256(signingKey, stringToSign))) */
export function signatureHex(key: Buffer, sts: string): string {
  return createHmac("sha256", key).update(sts).digest("hex");
}

/**
 * Signs a request: the `Authorization` header value (the STS token, when there is one, travels unsigned in
 * `X-TC-Token`), with the canonical request and string to sign it came from.
 */
export function signTc3(req: Tc3Request, key: Credentials, scope: Tc3Scope): Tc3Signature {
  const date = tc3Date(scope.timestampSeconds);
  const credScope = credentialScope(date, scope.service);
  const canonical = canonicalRequest(req);
  const sts = stringToSign(scope.timestampSeconds, credScope, canonical);
  const signature = signatureHex(signingKey(key.secret, date, scope.service), sts);
  const { signedHeaders } = canonicalHeaders(req.host, req.headers);
  return {
    authorization:
      `${TC3_ALGORITHM} Credential=${key.keyId}/${credScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    canonicalRequest: canonical,
    stringToSign: sts,
    signature,
  };
}
