/**
 * Verifies a Tencent Cloud API 3.0 request signed with TC3-HMAC-SHA256, as `*.tencentcloudapi.com` does: an
 * Authorization of the documented form, `X-TC-Timestamp` within 5 minutes of the server's time, a known SecretId (a
 * temporary one with its `X-TC-Token`, before it expires), a credential scope of the timestamp's UTC date and the
 * host's service, and the signature recomputed over the request as received, with the Host header's name without a
 * port: the vendor's Node SDK sends `Host: <name>:<port>` for a non-default port yet signs `host:<name>` (sign.js
 * `sign3`, `urlObj.hostname`). The signing steps are the provider's own (provider/clients/tencent/tc3-sign),
 * and the vendor's Node SDK is run against this in test/integration/sts-vendor-sdks.test.ts.
 *
 * Codes are the API 3.0 common errors ("Common Error Codes", e.g. https://www.tencentcloud.com/document/api/1150/49459
 * for STS): AuthFailure.InvalidAuthorization, .SignatureExpire, .SecretIdNotFound, .TokenFailure, .SignatureFailure.
 */
import type { CiRequest } from "../ci/reply";
import { signTc3, tc3Date } from "../../provider/clients/tencent/tc3-sign";
import { KeyRefusal, SigningKeys, tokenHeader } from "./temporary-keys";

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d\d-\d\d)\/([a-z0-9-]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
const WINDOW_SECONDS = 300;

export interface ApiError {
  code: string;
  message: string;
}

const KEY_REFUSALS: Record<KeyRefusal, ApiError> = {
  unknown: { code: "AuthFailure.SecretIdNotFound", message: "The SecretId is not found, please ensure that your SecretId is correct." },
  tokenMissing: { code: "AuthFailure.TokenFailure", message: "The request uses a temporary SecretId but carries no X-TC-Token." },
  tokenMalformed: { code: "AuthFailure.TokenFailure", message: "The X-TC-Token is invalid." },
  tokenMismatch: { code: "AuthFailure.TokenFailure", message: "The X-TC-Token does not belong to the SecretId." },
  expired: { code: "AuthFailure.TokenFailure", message: "The X-TC-Token has expired." },
};

/**
 * A request to a Tencent host as the emulator receives it (the same shape CI's routes take), `host` the Host header's
 * name without a port.
 */
export type Tc3Received = Omit<CiRequest, "requestId">;

/** The refusal the API answers, or undefined for a request signed as received. */
export function verifyTc3(req: Tc3Received, keys: SigningKeys, nowSeconds: number): ApiError | undefined {
  const auth = AUTHORIZATION.exec(String(req.headers.authorization ?? ""));
  if (!auth) {
    return { code: "AuthFailure.InvalidAuthorization", message: "The Authorization header is not TC3-HMAC-SHA256 " +
      "Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=<headers>, Signature=<signature>." };
  }
  const [, keyId, date, service, signedHeaders, signature] = auth as unknown as string[];
  const timestamp = Number(req.headers["x-tc-timestamp"]);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > WINDOW_SECONDS) {
    return { code: "AuthFailure.SignatureExpire", message: "The signature has expired: X-TC-Timestamp is more than " +
      `5 minutes from the server time ${nowSeconds}.` };
  }
  const { secret, refusal } = keys.secretFor(keyId!, tokenHeader(req.headers["x-tc-token"]));
  if (refusal) return KEY_REFUSALS[refusal];
  if (date !== tc3Date(timestamp) || service !== req.host.split(".")[0]) {
    return signatureFailure("the credential scope is not the timestamp's UTC date and the host's service");
  }
  const headers: Record<string, string> = {};
  for (const name of signedHeaders!.split(";")) {
    if (name === "host") continue;
    const value = req.headers[name];
    if (value === undefined) return signatureFailure(`the signed header ${name} was not sent`);
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  if (!signedHeaders!.split(";").includes("host") || !("content-type" in headers)) {
    return signatureFailure("host and content-type must be signed");
  }
  const expected = signTc3({ method: req.method, host: req.host, path: req.path, query: req.query, headers,
    payload: req.body }, { keyId: keyId!, secret }, { service: service!, timestampSeconds: timestamp });
  return expected.signature === signature ? undefined : signatureFailure("the signature does not match");
}

function signatureFailure(why: string): ApiError {
  return { code: "AuthFailure.SignatureFailure", message: `The provided credentials could not be validated: ${why}. ` +
    "Please check your signature is correct." };
}
