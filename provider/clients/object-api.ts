/**
 * The object APIs of COS and OSS, as far as the provider uses them: see whether what a job wrote is still there
 * (refresh of a job the cloud forgot), delete it (and, for the demo and tests, put and get). Each vendor file
 * supplies the host and the signature; the request pipeline (provider/http/pipeline.ts) sends and retries, and
 * reading errors is shared here. Both clouds answer a DELETE of a missing object with 204.
 */
import { CloudApiError, Service } from "../errors";
import { ClientOptions, EndpointSpec, RequestPipeline, requestPipeline, SigningContext } from "../http/pipeline";
import { cloudApiError, jsonError, notADocument } from "../http/answer-errors";
import type { HttpResponse } from "../http/transport";
import { nodes, parseXml, text } from "./xml";

/** A bucket's object API; `endpointOverride` is the job API's (the emulator serves both on one port). */
export interface ObjectClientOptions extends ClientOptions {
  bucket: string;
  region: string;
}

/** One request as the vendor signs it. */
export interface ObjectRequest {
  method: "PUT" | "GET" | "DELETE" | "HEAD";
  /** The object's name; "" for the bucket (a listing). */
  key: string;
  /** The query parameters (a listing's prefix and max-keys). */
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: Buffer;
}

export abstract class ObjectClient {
  /** The Host sent and signed. */
  readonly host: string;
  private readonly pipeline: RequestPipeline;

  protected constructor(readonly service: Service, endpoint: EndpointSpec,
    protected readonly options: ObjectClientOptions) {
    this.pipeline = requestPipeline(endpoint, options);
    this.host = this.pipeline.host;
  }

  /** The request's headers with its signature (host included), made for the context's instant. */
  protected abstract sign(req: ObjectRequest, context: SigningContext): Record<string, string>;

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.send("PutObject", { method: "PUT", key, query: {}, body, headers: { "content-type": contentType,
      "content-length": String(body.length) } });
  }

  async get(key: string): Promise<Buffer> {
    return (await this.send("GetObject", { method: "GET", key, query: {}, headers: {} })).bytes!;
  }

  /**
   * Whether any object's name starts with `prefix` (a listing of at most one object, version 1 on both clouds); a
   * bucket that does not exist holds none.
   */
  async anyUnder(prefix: string): Promise<boolean> {
    let res: HttpResponse;
    try {
      res = await this.send("GetBucket", { method: "GET", key: "", query: { "max-keys": "1", prefix }, headers: {} });
    } catch (e) {
      // NoSuchBucket: nothing is under any prefix.
      if (e instanceof CloudApiError && e.status === 404) return false;
      throw e;
    }
    const requestId = res.headers["x-cos-request-id"] ?? res.headers["x-oss-request-id"];
    const notAListing = () => notADocument(this.service, "GetBucket", res, "a bucket listing", requestId);
    let listing;
    try {
      listing = parseXml(res.body);
    } catch {
      throw notAListing();
    }
    if (listing.root !== "ListBucketResult") throw notAListing();
    return nodes(listing.body.Contents).some((o) => text(o.Key) !== undefined);
  }

  /** Deletes the object; true when it was there (a HEAD first: both clouds answer 204 either way). */
  async delete(key: string): Promise<boolean> {
    const there = await this.exists(key);
    if (there) await this.send("DeleteObject", { method: "DELETE", key, query: {}, headers: {} });
    return there;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.send("HeadObject", { method: "HEAD", key, query: {}, headers: {} });
      return true;
    } catch (e) {
      if (e instanceof CloudApiError && e.status === 404) return false;
      throw e;
    }
  }

  private send(action: string, req: ObjectRequest): Promise<HttpResponse> {
    return this.pipeline.send({
      idempotent: true,
      sign: (context) => ({ method: req.method, pathAndQuery: `/${encodeKey(req.key)}${queryString(req.query)}`,
        headers: this.sign(req, context), body: req.body, bytes: req.method === "GET" }),
      parse: (res) => {
        if (res.status >= 300) throw this.error(action, res);
        return res;
      },
    });
  }

  private error(action: string, res: HttpResponse): CloudApiError {
    let requestId = res.headers["x-cos-request-id"] ?? res.headers["x-oss-request-id"];
    let code = res.headers["x-oss-ec"] ?? "";
    let message = "";
    try {
      const { root, body } = parseXml(res.body);
      if (root === "Error") {
        code = text(body.Code) ?? code;
        message = text(body.Message) ?? "";
        requestId = text(body.RequestId) ?? requestId;
      }
    } catch {
      // A HEAD answer, or not XML: a JSON error body (COS answers some so), or the status says it.
      const json = jsonError(res.body);
      if (json) {
        code = json.code;
        message = json.message;
        requestId = json.requestId ?? requestId;
      }
    }
    if (!code && res.status === 404) code = "NoSuchKey";
    return cloudApiError(this.service, action, res, { code, message: message || `HTTP ${res.status}`, requestId });
  }
}

/** `?a=1&b=2` (names and values percent-encoded), or "" without parameters. */
function queryString(query: Record<string, string>): string {
  const pairs = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return pairs.length ? `?${pairs.join("&")}` : "";
}

/** The object name in a URL path: each segment percent-encoded, the slashes kept. */
export function encodeKey(key: string): string {
  return key.split("/").map(encodeURIComponent).join("/");
}
