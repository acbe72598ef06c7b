/**
 * Verifies a q-sign Authorization the way COS/CI hosts do: a known SecretId, a KeyTime covering now, `host` among
 * the signed headers, every query parameter signed, and the signature recomputed from the request as received.
 */
import { IncomingHttpHeaders } from "node:http";
import {
  canonicalPairs, httpString, parseAuthorization, signature, signKey, stringToSign,
} from "../../provider/clients/tencent/q-sign";

export interface AuthFailure {
  status: number;
  code: string;
  message: string;
}

/** The refusal a COS or CI host would answer, or undefined for a request signed as it was received. */
export function verifyQSign(
  method: string, path: string, query: Record<string, string>, headers: IncomingHttpHeaders,
  secrets: ReadonlyMap<string, string>, nowSeconds: number,
): AuthFailure | undefined {
  const header = headers.authorization;
  if (!header) return { status: 403, code: "AccessDenied", message: "Request has no Authorization header." };
  const auth = parseAuthorization(header);
  const required = ["q-sign-algorithm", "q-ak", "q-sign-time", "q-key-time", "q-header-list", "q-url-param-list",
    "q-signature"];
  const absent = required.filter((k) => auth[k] === undefined);
  if (absent.length || auth["q-sign-algorithm"] !== "sha1") {
    return { status: 403, code: "AccessDenied", message: `Authorization is malformed (${absent.join(", ") || "algorithm"}).` };
  }
  const secretKey = secrets.get(auth["q-ak"]!);
  if (secretKey === undefined) {
    return { status: 403, code: "InvalidAccessKeyId", message: "The access key Id format you provided is invalid." };
  }
  return keyTimeFailure(auth, nowSeconds) ?? signatureFailure(method, path, query, headers, auth, secretKey);
}

/** The signature's time: q-sign-time equal to q-key-time, and a window that covers now (15 minutes of skew). */
function keyTimeFailure(auth: Record<string, string>, nowSeconds: number): AuthFailure | undefined {
  const [start, end] = auth["q-key-time"]!.split(";").map(Number);
  if (!Number.isFinite(start) || !Number.isFinite(end) || auth["q-sign-time"] !== auth["q-key-time"]) {
    return { status: 403, code: "AccessDenied", message: "q-sign-time is malformed." };
  }
  if (nowSeconds > end!) return { status: 403, code: "AccessDenied", message: "Request has expired" };
  if (start! > nowSeconds + 900) {
    return { status: 403, code: "RequestTimeTooSkewed", message: "The difference between the request time and the server's time is too large." };
  }
  return undefined;
}

/** `host` and every listed header and parameter signed, and the signature recomputed from the request as received. */
function signatureFailure(method: string, path: string, query: Record<string, string>, headers: IncomingHttpHeaders,
  auth: Record<string, string>, secretKey: string): AuthFailure | undefined {
  const headerList = auth["q-header-list"] ? auth["q-header-list"]!.split(";") : [];
  if (!headerList.includes("host")) {
    return { status: 403, code: "AccessDenied", message: "The host header must be signed." };
  }
  const signedHeaders: Record<string, string> = {};
  for (const name of headerList) {
    const value = headers[name];
    if (value === undefined) return mismatch();
    signedHeaders[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const paramList = auth["q-url-param-list"] ? auth["q-url-param-list"]!.split(";") : [];
  const actualParams = canonicalPairs(query).keyList;
  if (actualParams !== paramList.join(";")) return mismatch();

  const kt = auth["q-key-time"]!;
  const expected = signature(signKey(secretKey, kt),
    stringToSign(kt, httpString({ method, path, query, headers: signedHeaders })));
  return expected === auth["q-signature"] ? undefined : mismatch();
}

function mismatch(): AuthFailure {
  return { status: 403, code: "SignatureDoesNotMatch",
    message: "The request signature we calculated does not match the signature you provided." };
}
