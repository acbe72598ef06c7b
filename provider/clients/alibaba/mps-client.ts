/**
 * The Alibaba Cloud MPS RPC client: POST form bodies that are exactly the signed string, JSON answers. Every
 * attempt gets a fresh nonce and timestamp and is signed again. Vendor PascalCase names stay in this layer.
 */
import { randomUUID } from "node:crypto";
import type { Credentials, TrustedCa } from "../../config/settings";
import { CloudApiError, InvalidResponseError } from "../../errors";
import { EndpointTls, resolveEndpoint } from "../../http/endpoint";
import type { RateLimiter } from "../../http/rate-limit";
import { classifyAnswer, isRetryableStatus, mayRetry, retryAfterMs, withRetries } from "../../http/retry";
import type { HttpResponse, HttpTransport } from "../../http/transport";
import { commonParams, rpcTimestamp, signedBody } from "./rpc-sign";

/** The MPS API version every call names. */
export const MPS_API_VERSION = "2014-06-18";

export interface MpsClientOptions {
  region: string;
  /** Read on every attempt so rotated credentials are picked up. */
  credentials: () => Credentials;
  endpointOverride?: string;
  /** The CA an https:// override is verified against (read only for one). */
  endpointCa?: () => TrustedCa | undefined;
  transport: HttpTransport;
  /** The rate limit shared by the whole stack for this account (by key id); none when absent. */
  limiter?: (keyId: string) => RateLimiter;
  /** Epoch ms clock and nonce source, passed in so tests control the signature. */
  now?: () => number;
  nonce?: () => string;
}

export type MpsParams = Record<string, string | undefined>;
export type MpsBody = Record<string, unknown>;

export class MpsClient {
  readonly host: string;
  private readonly origin: string;
  private readonly tls: EndpointTls | undefined;

  constructor(private readonly options: MpsClientOptions) {
    const endpoint = resolveEndpoint(`mts.${options.region}.aliyuncs.com`, options.endpointOverride,
      "The MPS endpoint override (mediajobs:mpsEndpoint / MEDIAJOBS_MPS_ENDPOINT)", options.endpointCa);
    this.host = endpoint.host;
    this.origin = endpoint.origin;
    this.tls = endpoint.tls;
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
    const all = { ...params, ...commonParams({ action, version: MPS_API_VERSION, regionId: this.options.region },
      creds, timestamp, nonce) };
    const body = signedBody("POST", all, creds.secret);
    await this.options.limiter?.(creds.keyId).acquire();
    const res = await this.options.transport.send({
      origin: this.origin, tls: this.tls, method: "POST", pathAndQuery: "/", body,
      headers: { host: this.host, "content-type": "application/x-www-form-urlencoded", "user-agent": "pulumi-mediajobs" },
    });
    return parseMpsResponse(action, res, [creds.keyId, creds.secret, creds.securityToken]);
  }
}

/**
 * The single place where an MPS answer becomes a body or an error. Errors are keyed on `Code`, not on the HTTP
 * status: a body with a Code is an error whatever the status. `sensitive` values are masked in messages
 * (SignatureDoesNotMatch echoes the server's StringToSign, which holds the AccessKeyId).
 */
export function parseMpsResponse(action: string, res: HttpResponse, sensitive: (string | undefined)[] = []): MpsBody {
  const doc = parseJsonObject(res.body);
  // Any Code means an error, whatever its type or the status.
  const code = doc?.Code === undefined || doc.Code === null ? undefined : String(doc.Code);
  if (doc && code === undefined && res.status < 400) return doc;

  const requestId = str(doc?.RequestId) ?? res.headers["x-acs-request-id"];
  if (!doc || code === undefined) {
    throw new InvalidResponseError({
      service: "mps", action, status: res.status, requestId, retryable: isRetryableStatus(res.status), rawBody: res.body,
      problem: `the answer is not an MPS document (${res.headers["content-type"] ?? "no content type"}, ` +
        `${Buffer.byteLength(res.body)} bytes)`,
    });
  }
  throw new CloudApiError({
    service: "mps", action, status: res.status, vendorCode: code, vendorMessage: mask(str(doc.Message) ?? "", sensitive),
    requestId, hostId: str(doc.HostId), recommend: str(doc.Recommend), ...classifyAnswer(res.status, code),
    retryAfterMs: retryAfterMs(res.headers), rawBody: res.body,
  });
}

/** Whether MPS answered that the job or pipeline named does not exist. */
export function isNotFound(e: unknown): boolean {
  return e instanceof CloudApiError && /NotFound|NotExist/.test(e.vendorCode);
}

function parseJsonObject(text: string): MpsBody | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return body !== null && typeof body === "object" && !Array.isArray(body) ? body as MpsBody : undefined;
  } catch {
    return undefined;
  }
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function mask(text: string, sensitive: (string | undefined)[]): string {
  let out = text;
  for (const s of sensitive) if (s) out = out.split(s).join("***");
  return out;
}
