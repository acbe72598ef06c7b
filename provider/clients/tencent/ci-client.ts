/**
 * The Tencent Cloud Infinite client: serialize here, then the request pipeline (provider/http/pipeline.ts) signs,
 * sends and parses each attempt. What is CI's own: the host, the q-sign headers and the answer's reading. Vendor
 * PascalCase names stay in this layer.
 */
import { cloudApiError, jsonError, notADocument } from "../../http/answer-errors";
import { ClientOptions, RequestPipeline, requestPipeline, SigningContext } from "../../http/pipeline";
import { percentEncode } from "../../http/percent-encode";
import type { HttpResponse } from "../../http/transport";
import { signedHeaders } from "./q-sign";
import { buildXml, parseXml, text, XmlNode } from "../xml";

export interface CiClientOptions extends ClientOptions {
  /** `<BucketName-APPID>` */
  bucket: string;
  region: string;
}

export interface CiCall {
  /** Names the operation in errors, e.g. `DescribeMediaJob`. */
  action: string;
  method: "GET" | "POST" | "PUT";
  path: string;
  query?: Record<string, string>;
  /** The `<Request>` element's content. */
  body?: XmlNode;
  /**
   * Whether repeating the call after an ambiguous failure is harmless. Non-idempotent calls (job submission) are
   * retried only when the cloud refused them outright (throttled) or the connection was never made.
   */
  idempotent: boolean;
}

/** The most items CI lists in one page (`size`, `pageSize`). */
export const CI_MAX_PAGE_SIZE = 100;

export class CiClient {
  /** The Host sent and signed. */
  readonly host: string;
  /** The base URL connected to. */
  readonly origin: string;
  private readonly pipeline: RequestPipeline;

  constructor(options: CiClientOptions) {
    this.pipeline = requestPipeline({ canonicalHost: `${options.bucket}.ci.${options.region}.myqcloud.com`,
      settingName: "The CI endpoint override (mediajobs:ciEndpoint / MEDIAJOBS_CI_ENDPOINT)" }, options);
    this.host = this.pipeline.host;
    this.origin = this.pipeline.origin;
  }

  /**
   * Performs the call and returns the `<Response>` element's content. `RequestId` is always set: from the body
   * when CI puts it there, otherwise from the `x-ci-request-id` header.
   */
  async call(call: CiCall): Promise<XmlNode> {
    const body = call.body ? buildXml("Request", call.body) : undefined;
    const query = call.query ?? {};
    return this.pipeline.send({
      idempotent: call.idempotent,
      sign: (context) => ({ method: call.method, pathAndQuery: call.path + queryString(query),
        headers: ciHeaders(call, query, body, context), body }),
      parse: (res) => parseResponse(call.action, res),
    });
  }
}

/** Host and content headers, signed with a KeyTime from the instant of sending; the STS token unsigned. */
function ciHeaders(call: CiCall, query: Record<string, string>, body: string | undefined,
  { credentials, now, host }: SigningContext): Record<string, string> {
  const signed: Record<string, string> = { host };
  if (body !== undefined) {
    signed["content-type"] = "application/xml";
    signed["content-length"] = String(Buffer.byteLength(body));
  } else if (call.method === "PUT" || call.method === "POST") {
    signed["content-length"] = "0";
  }
  return signedHeaders({ method: call.method, path: call.path, query, headers: signed }, credentials, now,
    "x-ci-security-token");
}

/** `?a=1&cancel` — a valueless parameter stays valueless on the wire (it signs as `cancel=`). */
export function queryString(query: Record<string, string>): string {
  const parts = Object.entries(query)
    .map(([k, v]) => (v === "" ? percentEncode(k) : `${percentEncode(k)}=${percentEncode(v)}`));
  return parts.length ? `?${parts.join("&")}` : "";
}

/**
 * The single place where an answer becomes either a `<Response>` body or an error: an `<Error>` document at any
 * status, or a JSON error body (see jsonError) at an error status.
 */
export function parseResponse(action: string, res: HttpResponse): XmlNode {
  const requestId = res.headers["x-ci-request-id"];
  let doc: { root: string; body: XmlNode } | undefined;
  try {
    doc = res.body.trim() ? parseXml(res.body) : { root: "Response", body: {} };
  } catch {
    doc = undefined;
  }
  if (doc && doc.root === "Error") {
    throw cloudApiError("ci", action, res, { code: text(doc.body.Code) ?? "", message: text(doc.body.Message) ?? "",
      requestId: text(doc.body.RequestId) ?? requestId });
  }
  const json = !doc && res.status >= 300 ? jsonError(res.body) : undefined;
  if (json) throw cloudApiError("ci", action, res, { ...json, requestId: json.requestId ?? requestId });
  if (res.status >= 300 || !doc || doc.root !== "Response") {
    // Not a CI document at all: a proxy's HTML page, a truncated body, an empty error.
    throw notADocument("ci", action, res, "a CI document", requestId);
  }
  if (doc.body.RequestId === undefined && requestId) doc.body.RequestId = requestId;
  return doc.body;
}
