/**
 * Verifies MPS requests as the RPC gateway does, in signature v1 (parameters `Signature*`, HMAC-SHA1) or V3
 * (`Authorization: ACS3-HMAC-SHA256 …`, see acs3.ts): a known AccessKeyId, a time within 15 minutes, the signature
 * recomputed from the request as received, and each nonce used once within 15 minutes. A temporary (STS) key is good
 * only with its SecurityToken and until it expires.
 */
import { canonicalQuery, sign, stringToSign } from "../../provider/clients/alibaba/rpc-sign";
import { ACS3, Acs3Request, acs3Signature, canonicalRequest, parseAcs3Authorization, sha256Hex } from "./acs3";
import { KeyRefusal, SigningKeys, tokenHeader } from "../sts/temporary-keys";

const WINDOW_MS = 15 * 60_000;
/**
 * The Alibaba API gateway's refusals of a key, common to every RPC product (MPS, STS): the codes are those of the
 * public error center that terraform-provider-alicloud lists (alicloud/errors_common.go, "Public" product:
 * InvalidAccessKeyId.NotFound, MissingSecurityToken, InvalidSecurityToken.Malformed / .MismatchWithAccessKey /
 * .Expired); the messages are the gateway's ("Specified SecurityToken is expired.").
 */
const KEY_REFUSALS: Record<KeyRefusal, RpcFailure> = {
  unknown: { status: 404, code: "InvalidAccessKeyId.NotFound", message: "Specified access key is not found." },
  tokenMissing: { status: 400, code: "MissingSecurityToken", message: "SecurityToken is mandatory for this action." },
  tokenMalformed: { status: 403, code: "InvalidSecurityToken.Malformed", message: "Specified SecurityToken is malformed." },
  tokenMismatch: { status: 403, code: "InvalidSecurityToken.MismatchWithAccessKey",
    message: "Specified SecurityToken mismatch with the AccessKey." },
  expired: { status: 403, code: "InvalidSecurityToken.Expired", message: "Specified SecurityToken is expired." },
};

export interface RpcFailure {
  status: number;
  code: string;
  message: string;
}

export class RpcVerifier {
  private readonly nonces = new Map<string, number>();

  constructor(private readonly keys: SigningKeys, private readonly now: () => number) {}

  /** Signature v1: the parameters (query and form body together) carry the signature. */
  verify(method: string, params: Record<string, string>): RpcFailure | undefined {
    const { Signature: signature, ...signed } = params;
    for (const name of ["AccessKeyId", "SignatureNonce", "Timestamp", "SignatureMethod", "SignatureVersion"]) {
      if (!signed[name]) return { status: 400, code: "MissingParameter", message: `${name} is mandatory for this action.` };
    }
    if (!signature) return { status: 400, code: "IncompleteSignature", message: "The request signature does not conform to Aliyun standards." };
    if (signed.SignatureMethod !== "HMAC-SHA1" || signed.SignatureVersion !== "1.0") {
      return { status: 400, code: "InvalidParameter", message: "SignatureMethod/SignatureVersion is not supported." };
    }
    const { secret, refusal } = this.keys.secretFor(signed.AccessKeyId!, signed.SecurityToken);
    if (refusal) return KEY_REFUSALS[refusal];
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(signed.Timestamp!)) return this.expired();
    const late = this.outsideWindow(signed.Timestamp!);
    if (late) return late;
    const sts = stringToSign(method, canonicalQuery(signed));
    if (sign(secret, sts) !== signature) {
      return { status: 400, code: "SignatureDoesNotMatch",
        message: `Specified signature is not matched with our calculation. server string to sign is:${sts}` };
    }
    return this.useNonce(signed.SignatureNonce!);
  }

  /** Signature V3 (`ACS3-HMAC-SHA256`): the Authorization header and the `x-acs-*` headers carry it. */
  verifyAcs3(req: Acs3Request): RpcFailure | undefined {
    const auth = parseAcs3Authorization(String(req.headers.authorization ?? ""));
    if (!auth) {
      return { status: 400, code: "IncompleteSignature", message: `The Authorization header is not ${ACS3} ` +
        "Credential=<AccessKeyId>,SignedHeaders=<headers>,Signature=<signature>." };
    }
    const { secret, refusal } = this.keys.secretFor(auth.accessKeyId, tokenHeader(req.headers["x-acs-security-token"]));
    if (refusal) return KEY_REFUSALS[refusal];
    for (const name of ["x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"]) {
      if (!req.headers[name]) return { status: 400, code: "MissingParameter", message: `The header ${name} is mandatory.` };
    }
    const unsigned = Object.keys(req.headers).filter((h) => (h === "host" || h.startsWith("x-acs-")) &&
      !auth.signedHeaders.includes(h));
    if (unsigned.length) {
      return { status: 400, code: "IncompleteSignature", message: `These headers must be signed: ${unsigned.join(", ")}.` };
    }
    const payloadHash = sha256Hex(req.body);
    if (req.headers["x-acs-content-sha256"] !== payloadHash) {
      return { status: 400, code: "InvalidParameter.ContentSha256", message: "x-acs-content-sha256 is not the body's SHA-256." };
    }
    const late = this.outsideWindow(String(req.headers["x-acs-date"]));
    if (late) return late;
    const canonical = canonicalRequest(req, auth.signedHeaders, payloadHash);
    if (acs3Signature(secret, canonical) !== auth.signature) {
      return { status: 400, code: "SignatureDoesNotMatch",
        message: `The request signature does not conform to Aliyun standards. server string to sign is:${ACS3}\n` +
          sha256Hex(canonical) };
    }
    return this.useNonce(String(req.headers["x-acs-signature-nonce"]));
  }

  private outsideWindow(timestamp: string): RpcFailure | undefined {
    const ts = Date.parse(timestamp);
    return Number.isNaN(ts) || Math.abs(this.now() - ts) > WINDOW_MS ? this.expired() : undefined;
  }

  private expired(): RpcFailure {
    return { status: 400, code: "InvalidTimeStamp.Expired",
      message: `Specified time stamp or date value is expired. Server time is ${new Date(this.now()).toISOString()}.` };
  }

  private useNonce(nonce: string): RpcFailure | undefined {
    this.forgetOldNonces();
    if (this.nonces.has(nonce)) {
      return { status: 400, code: "SignatureNonceUsed", message: "Specified signature nonce was used already." };
    }
    this.nonces.set(nonce, this.now());
    return undefined;
  }

  private forgetOldNonces(): void {
    const cutoff = this.now() - WINDOW_MS;
    for (const [nonce, at] of this.nonces) if (at < cutoff) this.nonces.delete(nonce);
  }
}

/** Parses a form body or query string exactly as sent (`+` is a plus sign: the SDKs encode space as %20). */
export function parseRpcParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of text.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    params[key] = eq < 0 ? "" : decodeURIComponent(pair.slice(eq + 1));
  }
  return params;
}
