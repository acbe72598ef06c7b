/**
 * Verifies a q-sign Authorization the way COS/CI hosts do: a known SecretId (a temporary one with its token, in
 * `x-cos-security-token` or `x-ci-security-token`, and before it expires), a KeyTime covering now, `host` among the
 * signed headers, every query parameter signed, and the signature recomputed from the request as received.
 */
import { IncomingHttpHeaders } from "node:http";
import {
  canonicalPairs, httpString, parseAuthorization, signature, signKey, stringToSign,
} from "../../provider/clients/tencent/q-sign";
import { refusalTable, SigningKeys, tokenHeader } from "../sts/temporary-keys";

export interface AuthFailure {
  status: number;
  code: string;
  message: string;
}

/**
 * How COS and CI refuse a key, from COS's error code list (API doc 436/7730; its source
 * tencentyun/intlcloud-documents `yehe_doc/基础存储服务/对象存储/API 文档/错误码_intl_en.md`@02ec31c): an unknown
 * SecretId, or a temporary one sent without its token, "403 InvalidAccessKeyId: The SecretID does not exist"; an
 * expired token "400 ExpiredToken: The temporary key token has expired". The list has no code for a token that is
 * not the key's: that is "403 AccessDenied", its code for "an incorrect signature or permission".
 */
const KEY_REFUSALS = refusalTable<AuthFailure>(
  { status: 403, code: "InvalidAccessKeyId", message: "The access key Id format you provided is invalid." },
  { status: 403, code: "AccessDenied", message: "The x-cos-security-token / x-ci-security-token is not the token of " +
    "this temporary SecretId." },
  { status: 400, code: "ExpiredToken", message: "The temporary key token has expired." });

/** The header a COS or CI host reads a temporary key's token from. */
export type TokenHeaderName = "x-cos-security-token" | "x-ci-security-token";

/** The refusal a COS or CI host would answer, or undefined for a request signed as it was received. */
export function verifyQSign(
  method: string, path: string, query: Record<string, string>, headers: IncomingHttpHeaders,
  keys: SigningKeys, nowSeconds: number, tokenName: TokenHeaderName,
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
  const { secret, refusal } = keys.secretFor(auth["q-ak"]!, tokenHeader(headers[tokenName]));
  if (refusal) return KEY_REFUSALS[refusal];
  return keyTimeFailure(auth, nowSeconds) ?? signatureFailure(method, path, query, headers, auth, secret);
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
