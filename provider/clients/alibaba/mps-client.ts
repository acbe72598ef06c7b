/**
 * The Alibaba Cloud MPS RPC client: POST form bodies that are exactly the signed string, JSON answers. The request
 * pipeline (provider/http/pipeline.ts) runs each attempt; what is MPS's own is the host, the signature v1 body (a
 * fresh nonce and timestamp every attempt) and the answer's reading. Vendor PascalCase names stay in this layer.
 */
import { randomUUID } from "node:crypto";
import { CloudApiError, Service } from "../../errors";
import { cloudApiError, notADocument } from "../../http/answer-errors";
import { ClientOptions, RequestPipeline, requestPipeline } from "../../http/pipeline";
import type { HttpResponse } from "../../http/transport";
import { canonicalQuery, commonParams, rpcTimestamp, signedBody } from "./rpc-sign";

/** The MPS API version every call names. */
export const MPS_API_VERSION = "2014-06-18";

export interface MpsClientOptions extends ClientOptions {
  region: string;
  /** The SignatureNonce source, passed in so tests control the signature. */
  nonce?: () => string;
}

export type MpsParams = Record<string, string | undefined>;
export type MpsBody = Record<string, unknown>;

/** An Alibaba Cloud RPC product as its client needs it: where, which API version, and how errors name it. */
export interface RpcProduct {
  canonicalHost: string;
  version: string;
  service: Service;
  /** The override setting, named in configuration errors. */
  settingName: string;
  /** What its answers are, for "the answer is not …" errors. */
  document: string;
}

/** The MPS endpoint override's name in messages; STS and OSS go through the same override. */
export const MPS_OVERRIDE_SETTING = "The MPS endpoint override (mediajobs:mpsEndpoint / MEDIAJOBS_MPS_ENDPOINT)";

/**
 * An RPC-style product's client (MPS, STS): POST form bodies that are exactly the signed string (signature v1, a
 * fresh nonce and timestamp every attempt), JSON answers read by one rule.
 */
export class RpcClient {
  /** The Host sent and signed. */
  readonly host: string;
  private readonly pipeline: RequestPipeline;

  constructor(private readonly product: RpcProduct, private readonly options: ClientOptions & { nonce?: () => string }) {
    this.pipeline = requestPipeline({ canonicalHost: product.canonicalHost, settingName: product.settingName }, options);
    this.host = this.pipeline.host;
  }

  /**
   * Calls an action; undefined parameters are dropped. Throws CloudApiError for any answer with a Code. An
   * `anonymous` call (STS AssumeRoleWithOIDC, which the OIDC token itself authorizes) carries no key and no signature.
   */
  async call(action: string, params: MpsParams, opts: { idempotent: boolean; anonymous?: boolean }): Promise<MpsBody> {
    const defined: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (v !== undefined) defined[k] = v;
    const call = { action, version: this.product.version };
    const { service, document } = this.product;
    return this.pipeline.send({
      idempotent: opts.idempotent,
      sign: ({ credentials, now, host }) => ({ method: "POST", pathAndQuery: "/",
        headers: { host, "content-type": "application/x-www-form-urlencoded" },
        body: opts.anonymous
          ? canonicalQuery({ ...defined, Action: action, Version: call.version, Format: "JSON", Timestamp: rpcTimestamp(now) })
          : signedBody("POST", { ...defined, ...commonParams(call, credentials, rpcTimestamp(now),
            this.options.nonce?.() ?? randomUUID()) }, credentials.secret) }),
      parse: (res, credentials) => parseRpcResponse(service, document, action, res,
        [credentials.keyId, credentials.secret, credentials.securityToken, ...(opts.anonymous ? Object.values(defined) : [])]),
    });
  }
}

export class MpsClient extends RpcClient {
  constructor(options: MpsClientOptions) {
    super({ canonicalHost: `mts.${options.region}.aliyuncs.com`, version: MPS_API_VERSION, service: "mps",
      settingName: MPS_OVERRIDE_SETTING, document: "an MPS document" }, options);
  }
}

/**
 * The Codes that mean success, as @alicloud/pop-core's RPC client reads them (lib/rpc.js: `200`, `"200"`, `OK`,
 * `Success`, `success`); any other Code is an error.
 */
const SUCCESS_CODES: ReadonlySet<string> = new Set(["200", "OK", "Success", "success"]);

/**
 * The single place where an MPS answer becomes a body or an error. Errors are keyed on `Code`, not on the HTTP
 * status: a body with a Code other than a success code is an error whatever the status (pop-core's rule; its own
 * test's error body is `{"Code":"400","Message":"error message"}`). `sensitive` values are masked in messages
 * (SignatureDoesNotMatch echoes the server's StringToSign, which holds the AccessKeyId).
 */
export function parseMpsResponse(action: string, res: HttpResponse, sensitive: (string | undefined)[] = []): MpsBody {
  return parseRpcResponse("mps", "an MPS document", action, res, sensitive);
}

/** {@link parseMpsResponse} for any RPC product. */
export function parseRpcResponse(service: Service, document: string, action: string, res: HttpResponse,
  sensitive: (string | undefined)[] = []): MpsBody {
  const doc = parseJsonObject(res.body);
  const said = doc?.Code === undefined || doc.Code === null || doc.Code === "" ? undefined : String(doc.Code);
  const code = said !== undefined && SUCCESS_CODES.has(said) ? undefined : said;
  if (doc && code === undefined && res.status < 400) return doc;

  const requestId = str(doc?.RequestId) ?? res.headers["x-acs-request-id"];
  if (!doc || code === undefined) throw notADocument(service, action, res, document, requestId);
  throw cloudApiError(service, action, res, { code, message: mask(str(doc.Message) ?? "", sensitive), requestId,
    hostId: str(doc.HostId), recommend: str(doc.Recommend) });
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
