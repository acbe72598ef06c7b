/**
 * The Tencent Cloud Infinite client: serialize → sign → send → parse, with retries wrapping sign+send+parse.
 * Vendor PascalCase names stay in this layer.
 */
import type { Credentials, TrustedCa } from "../../config/settings";
import { CloudApiError, InvalidResponseError } from "../../errors";
import { EndpointTls, resolveEndpoint } from "../../http/endpoint";
import { percentEncode } from "../../http/percent-encode";
import type { RateLimiter } from "../../http/rate-limit";
import { classifyAnswer, isRetryableStatus, mayRetry, retryAfterMs, withRetries } from "../../http/retry";
import type { HttpResponse, HttpTransport } from "../../http/transport";
import { authorization, keyTime } from "./q-sign";
import { buildXml, parseXml, text, XmlNode } from "../xml";

export interface CiClientOptions {
  /** `<BucketName-APPID>` */
  bucket: string;
  region: string;
  /** Read on every attempt so rotated credentials are picked up and nothing is held longer than needed. */
  credentials: () => Credentials;
  endpointOverride?: string;
  /** The CA an https:// override is verified against (read only for one). */
  endpointCa?: () => TrustedCa | undefined;
  transport: HttpTransport;
  /** The rate limit shared by the whole stack for this account (by key id); none when absent. */
  limiter?: (keyId: string) => RateLimiter;
  /** Unix seconds; passed in so tests control the signature's KeyTime. */
  now?: () => number;
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

/** How long a signature stays valid: long enough for a slow answer, short enough to be useless if it leaked. */
const SIGNATURE_LIFETIME_SECONDS = 900;

/** The most items CI lists in one page (`size`, `pageSize`). */
export const CI_MAX_PAGE_SIZE = 100;

export class CiClient {
  readonly host: string;
  readonly origin: string;
  private readonly tls: EndpointTls | undefined;

  constructor(private readonly options: CiClientOptions) {
    const endpoint = resolveEndpoint(`${options.bucket}.ci.${options.region}.myqcloud.com`, options.endpointOverride,
      "The CI endpoint override (mediajobs:ciEndpoint / MEDIAJOBS_CI_ENDPOINT)", options.endpointCa);
    this.host = endpoint.host;
    this.origin = endpoint.origin;
    this.tls = endpoint.tls;
  }

  /**
   * Performs the call and returns the `<Response>` element's content. `RequestId` is always set: from the body
   * when CI puts it there, otherwise from the `x-ci-request-id` header.
   */
  async call(call: CiCall): Promise<XmlNode> {
    const body = call.body ? buildXml("Request", call.body) : undefined;
    return withRetries(() => this.attempt(call, body), (e) => mayRetry(e, call.idempotent));
  }

  private async attempt(call: CiCall, body: string | undefined): Promise<XmlNode> {
    const query = call.query ?? {};
    const creds = this.options.credentials();
    const headers = this.signedHeaders(call, query, body, creds);
    await this.options.limiter?.(creds.keyId).acquire();
    const res = await this.options.transport.send({
      origin: this.origin, tls: this.tls, method: call.method, pathAndQuery: call.path + queryString(query), headers, body,
    });
    return parseResponse(call.action, res);
  }

  /** Host, content headers and the q-sign Authorization over them; a fresh KeyTime on every attempt. */
  private signedHeaders(call: CiCall, query: Record<string, string>, body: string | undefined, creds: Credentials):
    Record<string, string> {
    const signed: Record<string, string> = { host: this.host };
    if (body !== undefined) {
      signed["content-type"] = "application/xml";
      signed["content-length"] = String(Buffer.byteLength(body));
    } else if (call.method === "PUT" || call.method === "POST") {
      signed["content-length"] = "0";
    }
    const start = Math.floor(this.options.now?.() ?? Date.now() / 1000);
    const headers: Record<string, string> = {
      ...signed,
      authorization: authorization({ method: call.method, path: call.path, query, headers: signed }, creds,
        keyTime(start, SIGNATURE_LIFETIME_SECONDS)),
      "user-agent": "pulumi-mediajobs",
    };
    // The official SDK sends the STS token unsigned on CI hosts.
    if (creds.securityToken) headers["x-ci-security-token"] = creds.securityToken;
    return headers;
  }
}

/** `?a=1&cancel` — a valueless parameter stays valueless on the wire (it signs as `cancel=`). */
export function queryString(query: Record<string, string>): string {
  const parts = Object.entries(query)
    .map(([k, v]) => (v === "" ? percentEncode(k) : `${percentEncode(k)}=${percentEncode(v)}`));
  return parts.length ? `?${parts.join("&")}` : "";
}

/** The single place where an answer becomes either a `<Response>` body or an error. */
export function parseResponse(action: string, res: HttpResponse): XmlNode {
  const requestId = res.headers["x-ci-request-id"];
  let doc: { root: string; body: XmlNode } | undefined;
  try {
    doc = res.body.trim() ? parseXml(res.body) : { root: "Response", body: {} };
  } catch {
    doc = undefined;
  }
  if (doc && doc.root === "Error") {
    const vendorCode = text(doc.body.Code) ?? "";
    throw new CloudApiError({
      service: "ci", action, status: res.status, vendorCode, vendorMessage: text(doc.body.Message) ?? "",
      requestId: text(doc.body.RequestId) ?? requestId, ...classifyAnswer(res.status, vendorCode),
      retryAfterMs: retryAfterMs(res.headers), rawBody: res.body,
    });
  }
  if (res.status >= 300 || !doc || doc.root !== "Response") {
    // Not a CI document at all: a proxy's HTML page, a truncated body, an empty error.
    throw new InvalidResponseError({
      service: "ci", action, status: res.status, problem: `the answer is not a CI document (${describeBody(res)})`,
      requestId, retryable: isRetryableStatus(res.status), rawBody: res.body,
    });
  }
  if (doc.body.RequestId === undefined && requestId) doc.body.RequestId = requestId;
  return doc.body;
}

function describeBody(res: HttpResponse): string {
  const type = res.headers["content-type"] ?? "no content type";
  return `${type}, ${Buffer.byteLength(res.body)} bytes`;
}
