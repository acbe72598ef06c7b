/**
 * The Alibaba Cloud MPS RPC client: POST form bodies that are exactly the signed string, JSON answers. Every
 * attempt gets a fresh nonce and timestamp and is signed again. Vendor PascalCase names stay in this layer.
 */
import { randomUUID } from "node:crypto";
import { CloudApiError } from "../../errors";
import { resolveEndpoint } from "../../http/endpoint";
import { isRetryableStatus, mayRetry, retryAfterMs, withRetries } from "../../http/retry";
import { limiterFor } from "../../http/rate-limit";
import { HttpResponse, send } from "../../http/transport";
import { AlibabaCredentials } from "../../config/settings";
import { commonParams, rpcTimestamp, signedBody } from "./rpc-sign";

export interface MpsClientOptions {
  region: string;
  /** Read on every attempt so rotated credentials are picked up. */
  credentials: () => AlibabaCredentials;
  endpointOverride?: string;
  /** Requests per second for this cloud API and account, shared by the whole stack. */
  maxRequestsPerSecond?: number;
  /** Epoch ms clock and nonce source, passed in so tests control the signature. */
  now?: () => number;
  nonce?: () => string;
}

export type MpsParams = Record<string, string | undefined>;
export type MpsBody = Record<string, unknown>;

const RETRYABLE_CODE = /Throttling|ServiceUnavailable|InternalError/;

export class MpsClient {
  readonly host: string;
  private readonly origin: string;

  constructor(private readonly options: MpsClientOptions) {
    const endpoint = resolveEndpoint(`mts.${options.region}.aliyuncs.com`, options.endpointOverride,
      "The MPS endpoint override (mediajobs:mpsEndpoint / MEDIAJOBS_MPS_ENDPOINT)");
    this.host = endpoint.host;
    this.origin = endpoint.origin;
  }

  /** Calls an MPS action; undefined parameters are dropped. Throws CloudApiError for any answer with a Code. */
  async call(action: string, params: MpsParams, opts: { idempotent: boolean }): Promise<MpsBody> {
    const defined: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (v !== undefined) defined[k] = v;
    return withRetries(() => this.attempt(action, defined), (e) => mayRetry(e, opts.idempotent));
  }

  private async attempt(action: string, params: Record<string, string>): Promise<MpsBody> {
    const creds = this.options.credentials();
    const timestamp = rpcTimestamp(this.options.now?.() ?? Date.now());
    const nonce = this.options.nonce?.() ?? randomUUID();
    const all = {
      ...params,
      ...commonParams(action, { accessKeyId: creds.accessKeyId, accessKeySecret: creds.accessKeySecret,
        securityToken: creds.securityToken }, timestamp, nonce, this.options.region),
    };
    const body = signedBody("POST", all, creds.accessKeySecret);
    if (this.options.maxRequestsPerSecond) {
      await limiterFor("mps", creds.accessKeyId, this.options.maxRequestsPerSecond).acquire();
    }
    const res = await send({
      origin: this.origin, method: "POST", pathAndQuery: "/", body,
      headers: { host: this.host, "content-type": "application/x-www-form-urlencoded", "user-agent": "pulumi-mediajobs" },
    });
    return parseMpsResponse(action, res, [creds.accessKeyId, creds.accessKeySecret, creds.securityToken]);
  }
}

/**
 * The single place where an MPS answer becomes a body or a CloudApiError. Errors are keyed on `Code`, not on the
 * HTTP status: a body with a Code is an error whatever the status. `sensitive` values are masked in messages
 * (SignatureDoesNotMatch echoes the server's StringToSign, which holds the AccessKeyId).
 */
export function parseMpsResponse(action: string, res: HttpResponse, sensitive: (string | undefined)[] = []): MpsBody {
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = undefined;
  }
  const isObject = body !== null && typeof body === "object" && !Array.isArray(body);
  const doc = (isObject ? body : {}) as MpsBody;
  // Any Code means an error, whatever its type or the status.
  const code = doc.Code === undefined || doc.Code === null ? undefined : String(doc.Code);
  if (isObject && code === undefined && res.status < 400) return doc;

  const requestId = str(doc.RequestId) ?? res.headers["x-acs-request-id"];
  if (!isObject || code === undefined) {
    throw new CloudApiError({
      service: "mps", action, status: res.status, vendorCode: res.status >= 400 ? `HTTP${res.status}` : "InvalidResponse",
      vendorMessage: `the answer is not an MPS document (${res.headers["content-type"] ?? "no content type"}, ` +
        `${Buffer.byteLength(res.body)} bytes)`,
      requestId, retryable: isRetryableStatus(res.status), rawBody: res.body,
    });
  }
  throw new CloudApiError({
    service: "mps", action, status: res.status, vendorCode: code,
    vendorMessage: mask(str(doc.Message) ?? "", sensitive),
    requestId, hostId: str(doc.HostId), recommend: str(doc.Recommend),
    retryable: isRetryableStatus(res.status) || RETRYABLE_CODE.test(code),
    retryAfterMs: retryAfterMs(res.headers), rawBody: res.body,
  });
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function mask(text: string, sensitive: (string | undefined)[]): string {
  let out = text;
  for (const s of sensitive) if (s) out = out.split(s).join("***");
  return out;
}
