/**
 * Alibaba Cloud signature V3 (`ACS3-HMAC-SHA256`), the default of the generated Tea clients
 * (`@alicloud/mts20140618` on `@alicloud/openapi-core`), verified as the gateway does:
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n
 *                      HashedRequestPayload
 *   StringToSign     = "ACS3-HMAC-SHA256" \n hex(SHA256(CanonicalRequest))
 *   Authorization    = ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<h1;h2>,Signature=hex(HMAC-SHA256)
 *
 * The canonical query sorts the parameters by name and percent-encodes the values (RFC 3986: `!'()*` escaped, space
 * `%20`); the canonical headers are the signed ones, `name:trimmed value`, sorted. `host` and every `x-acs-*` header
 * must be signed, `x-acs-content-sha256` must be the body's hash, `x-acs-date` within 15 minutes, and
 * `x-acs-signature-nonce` used once.
 */
import { createHash, createHmac } from "node:crypto";
import { IncomingHttpHeaders } from "node:http";
import { percentEncode } from "../../provider/http/percent-encode";

export const ACS3 = "ACS3-HMAC-SHA256";

export interface Acs3Request {
  method: string;
  /** The path as sent (`/` for RPC actions). */
  path: string;
  /** The query string as sent, without `?`. */
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Acs3Authorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAcs3Authorization(header: string): Acs3Authorization | undefined {
  const m = /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]*),\s*Signature=([0-9a-f]+)$/.exec(
    header.trim());
  return m ? { accessKeyId: m[1]!, signedHeaders: m[2]!.split(";").filter(Boolean), signature: m[3]! } : undefined;
}

function canonicalQueryString(query: string): string {
  const pairs = new URLSearchParams(query.replace(/\+/g, "%2B"));
  return [...pairs.keys()].filter((k, i, all) => all.indexOf(k) === i).sort()
    .map((k) => `${k}=${percentEncode(pairs.get(k) ?? "")}`).join("&");
}

export function canonicalRequest(req: Acs3Request, signedHeaders: readonly string[], payloadHash: string): string {
  const headerLines = signedHeaders.map((name) => {
    const value = req.headers[name];
    return `${name}:${(Array.isArray(value) ? value.join(",") : value ?? "").trim()}\n`;
  }).join("");
  return [req.method, req.path, canonicalQueryString(req.query), headerLines, signedHeaders.join(";"), payloadHash]
    .join("\n");
}

export function acs3Signature(secret: string, canonical: string): string {
  const stringToSign = `${ACS3}\n${createHash("sha256").update(canonical).digest("hex")}`;
  return createHmac("sha256", secret).update(stringToSign).digest("hex");
}

export function sha256Hex(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}
