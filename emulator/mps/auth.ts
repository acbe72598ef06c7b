/**
 * Verifies MPS signature v1 as the RPC gateway does: known AccessKeyId, a timestamp within 15 minutes, the
 * signature recomputed from the parameters as received, and each nonce used once within 15 minutes.
 */
import { canonicalQuery, sign, stringToSign } from "../../provider/clients/alibaba/rpc-sign";

const WINDOW_MS = 15 * 60_000;

export interface RpcFailure {
  status: number;
  code: string;
  message: string;
}

export class RpcVerifier {
  private readonly nonces = new Map<string, number>();

  constructor(private readonly secrets: ReadonlyMap<string, string>, private readonly now: () => number) {}

  verify(method: string, params: Record<string, string>): RpcFailure | undefined {
    const { Signature: signature, ...signed } = params;
    for (const name of ["AccessKeyId", "SignatureNonce", "Timestamp", "SignatureMethod", "SignatureVersion"]) {
      if (!signed[name]) return { status: 400, code: "MissingParameter", message: `${name} is mandatory for this action.` };
    }
    if (!signature) return { status: 400, code: "IncompleteSignature", message: "The request signature does not conform to Aliyun standards." };
    if (signed.SignatureMethod !== "HMAC-SHA1" || signed.SignatureVersion !== "1.0") {
      return { status: 400, code: "InvalidParameter", message: "SignatureMethod/SignatureVersion is not supported." };
    }
    const secret = this.secrets.get(signed.AccessKeyId!);
    if (secret === undefined) {
      return { status: 404, code: "InvalidAccessKeyId.NotFound", message: "Specified access key is not found." };
    }
    const ts = Date.parse(signed.Timestamp!);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(signed.Timestamp!) || Number.isNaN(ts) ||
      Math.abs(this.now() - ts) > WINDOW_MS) {
      return { status: 400, code: "InvalidTimeStamp.Expired",
        message: `Specified time stamp or date value is expired. Server time is ${new Date(this.now()).toISOString()}.` };
    }
    const sts = stringToSign(method, canonicalQuery(signed));
    if (sign(secret, sts) !== signature) {
      return { status: 400, code: "SignatureDoesNotMatch",
        message: `Specified signature is not matched with our calculation. server string to sign is:${sts}` };
    }
    this.forgetOldNonces();
    if (this.nonces.has(signed.SignatureNonce!)) {
      return { status: 400, code: "SignatureNonceUsed", message: "Specified signature nonce was used already." };
    }
    this.nonces.set(signed.SignatureNonce!, this.now());
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
