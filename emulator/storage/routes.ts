/**
 * The object APIs over the store: COS at `<BucketName-APPID>.cos.<region>.myqcloud.com` (q-sign) and OSS at
 * `<bucket>.oss-<region>.aliyuncs.com` (OSS header signature V1). PUT, GET, HEAD and DELETE of an object, and the
 * bucket listing (GET /, version 1: prefix, marker, max-keys, delimiter). Errors are each cloud's XML document.
 * A PUT to a bucket the store does not have yet creates it (the emulator has no bucket API).
 */
import { createHash } from "node:crypto";
import { IncomingHttpHeaders } from "node:http";
import { buildXml, XmlNode } from "../../provider/clients/xml";
import {
  canonicalResource, ossSignature, ossStringToSign, parseOssAuthorization,
} from "../../provider/clients/alibaba/oss-sign";
import { verifyQSign } from "../ci/auth";
import { InvalidKeyError, Listing, ObjectStore, StorageService } from "./object-store";
import { refusalTable, SigningKeys, tokenHeader } from "../sts/temporary-keys";

const COS_HOST = /^([a-z0-9][a-z0-9-]*-\d+)\.cos\.([a-z0-9-]+)\.myqcloud\.com$/;
const OSS_HOST = /^([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.oss-([a-z0-9-]+)\.aliyuncs\.com$/;
const OSS_SKEW_MS = 15 * 60_000;
/** The owner OSS lists with each object (the emulator has one account). */
const EMULATOR_OWNER = { ID: "1250000000000000", DisplayName: "mediajobs-emulator" };

export interface StorageRequest {
  method: string;
  host: string;
  /** The path, decoded. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  requestId: string;
}

export interface StorageReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export function storageServiceOf(host: string): StorageService | undefined {
  return COS_HOST.test(host) ? "cos" : OSS_HOST.test(host) ? "oss" : undefined;
}

export class StorageApi {
  constructor(
    readonly store: ObjectStore,
    private readonly cosKeys: SigningKeys,
    private readonly ossKeys: SigningKeys,
    private readonly now: () => number,
  ) {}

  handle(req: StorageRequest): StorageReply {
    const service = storageServiceOf(req.host)!;
    const bucket = (service === "cos" ? COS_HOST : OSS_HOST).exec(req.host)![1]!;
    const key = req.path.replace(/^\//, "");
    const fail = (status: number, code: string, message: string, extra: XmlNode = {}) =>
      errorReply(service, status, code, message, req, { ...extra, ...(service === "oss" ? { BucketName: bucket } : {}) });
    const refused = service === "cos" ? this.verifyCos(req) : this.verifyOss(req, bucket, key);
    if (refused) return fail(refused.status, refused.code, refused.message, refused.extra);
    try {
      if (!key) return this.listBucket(service, bucket, req, fail);
      switch (req.method) {
        case "PUT":
          return this.put(service, bucket, key, req, fail);
        case "GET":
        case "HEAD":
          return this.get(service, bucket, key, req, fail);
        case "DELETE":
          this.store.delete(service, bucket, key);
          return ok(service, req, 204, "", {});
        default:
          return fail(405, "MethodNotAllowed", `The emulator does not answer ${req.method} on objects.`);
      }
    } catch (e) {
      if (e instanceof InvalidKeyError) return fail(400, "InvalidObjectName", e.message);
      throw e;
    }
  }

  /** GET / (version 1): prefix, marker, max-keys (at most 1000) and delimiter. */
  private listBucket(service: StorageService, bucket: string, req: StorageRequest, fail: Fail): StorageReply {
    if (req.method !== "GET") return fail(405, "MethodNotAllowed", `The emulator has no bucket API for ${req.method}.`);
    if (!this.store.bucketExists(service, bucket)) return fail(404, "NoSuchBucket", "The specified bucket does not exist.");
    const { query } = req;
    return ok(service, req, 200, listXml(service, bucket, query, this.store.list(service, bucket, {
      prefix: query.prefix, marker: query.marker, delimiter: query.delimiter || undefined,
      maxKeys: query["max-keys"] ? Math.min(Number(query["max-keys"]), 1000) : 1000,
    })), { "content-type": "application/xml" });
  }

  /** GET or HEAD of an object; OSS's ETag is the upper-case MD5, COS's the lower-case one. */
  private get(service: StorageService, bucket: string, key: string, req: StorageRequest, fail: Fail): StorageReply {
    if (!this.store.bucketExists(service, bucket)) return fail(404, "NoSuchBucket", "The specified bucket does not exist.");
    const found = this.store.get(service, bucket, key);
    if (!found) return fail(404, "NoSuchKey", "The specified key does not exist.", { Key: key });
    const { meta, body } = found;
    const etag = service === "oss" ? meta.md5.toUpperCase() : meta.md5;
    return ok(service, req, 200, req.method === "HEAD" ? "" : body, {
      "content-type": meta.contentType, "content-length": String(meta.size), etag: `"${etag}"`,
      "last-modified": new Date(meta.lastModified).toUTCString(),
    });
  }

  private put(service: StorageService, bucket: string, key: string, req: StorageRequest, fail: Fail): StorageReply {
    const md5 = req.headers["content-md5"];
    if (md5 && createHash("md5").update(req.body).digest("base64") !== md5) {
      return fail(400, service === "cos" ? "BadDigest" : "InvalidDigest",
        "The Content-MD5 you specified did not match what we received.");
    }
    const meta = this.store.put(service, bucket, key, req.body,
      String(req.headers["content-type"] ?? "application/octet-stream"), this.now());
    return ok(service, req, 200, "", { etag: `"${service === "oss" ? meta.md5.toUpperCase() : meta.md5}"` });
  }

  private verifyCos(req: StorageRequest): Refusal | undefined {
    return verifyQSign(req.method, req.path, req.query, req.headers, this.cosKeys, Math.floor(this.now() / 1000),
      "x-cos-security-token");
  }

  /** As OSS checks it: a known key, a date within 15 minutes, and the signature over the request as received. */
  private verifyOss(req: StorageRequest, bucket: string, key: string): Refusal | undefined {
    const auth = parseOssAuthorization(String(req.headers.authorization ?? ""));
    if (!auth) {
      return { status: 403, code: "AccessDenied", message: "The request has no Authorization header of the form " +
        "\"OSS <AccessKeyId>:<Signature>\" (the emulator verifies signature V1, ali-oss's default)." };
    }
    const { secret, refusal } = this.ossKeys.secretFor(auth.keyId, tokenHeader(req.headers["x-oss-security-token"]));
    if (refusal) return { ...OSS_KEY_REFUSALS[refusal], extra: { OSSAccessKeyId: auth.keyId } };
    const date = Date.parse(String(req.headers["x-oss-date"] ?? req.headers.date ?? ""));
    if (Number.isNaN(date) || Math.abs(this.now() - date) > OSS_SKEW_MS) {
      return { status: 403, code: "RequestTimeTooSkewed", message: "The difference between the request time and the current time is too large." };
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(",") : v;
    const stringToSign = ossStringToSign({ method: req.method, bucket, key, query: req.query, headers });
    if (ossSignature(secret, stringToSign) === auth.signature) return undefined;
    return { status: 403, code: "SignatureDoesNotMatch", message: "The request signature we calculated does not " +
      "match the signature you provided. Check your key and signing method.",
    extra: { StringToSign: stringToSign, SignatureProvided: auth.signature, OSSAccessKeyId: auth.keyId,
      CanonicalizedResource: canonicalResource(bucket, key, req.query) } };
  }
}

/**
 * How OSS refuses a key: an unknown AccessKeyId, or an STS one without its token, `InvalidAccessKeyId`; a token not
 * the key's `InvalidSecurityToken`; an expired one `SecurityTokenExpired` (OSS error 0002-00000007, "The temporary
 * access credentials included in the request expire"; code and message as OSS answers them, e.g. quoted in rclone's
 * OSS backend).
 */
const OSS_KEY_REFUSALS = refusalTable<Refusal>(
  { status: 403, code: "InvalidAccessKeyId", message: "The OSS Access Key Id you provided does not exist in our records." },
  { status: 403, code: "InvalidSecurityToken", message: "The security token you provided is invalid." },
  { status: 403, code: "SecurityTokenExpired", message: "The security token you provided has expired." });

/** Answers the cloud's error document (with the bucket's name on OSS). */
type Fail = (status: number, code: string, message: string, extra?: XmlNode) => StorageReply;

interface Refusal {
  status: number;
  code: string;
  message: string;
  extra?: XmlNode;
}

function requestIdHeader(service: StorageService): string {
  return service === "cos" ? "x-cos-request-id" : "x-oss-request-id";
}

function ok(service: StorageService, req: StorageRequest, status: number, body: Buffer | string,
  headers: Record<string, string>): StorageReply {
  return { status, body, headers: { ...headers, [requestIdHeader(service)]: req.requestId } };
}

function errorReply(service: StorageService, status: number, code: string, message: string, req: StorageRequest,
  extra: XmlNode): StorageReply {
  const doc: XmlNode = service === "cos"
    ? { Code: code, Message: message, Resource: `${req.host}${req.path}`, RequestId: req.requestId, TraceId: req.requestId }
    : { Code: code, Message: message, RequestId: req.requestId, HostId: req.host, ...extra };
  // A HEAD answer has no body; the code travels in a header as the clouds send it.
  const body = req.method === "HEAD" ? "" : buildXml("Error", service === "cos" ? { ...doc, ...extra } : doc);
  return { status, body, headers: { "content-type": "application/xml", [requestIdHeader(service)]: req.requestId,
    ...(service === "oss" ? { "x-oss-ec": code } : {}) } };
}

function listXml(service: StorageService, bucket: string, query: Record<string, string>, listing: Listing): string {
  const contents = listing.objects.map((o) => ({
    Key: o.key, LastModified: new Date(o.lastModified).toISOString(),
    ETag: `"${service === "oss" ? o.md5.toUpperCase() : o.md5}"`, Size: String(o.size),
    ...(service === "oss" ? { Type: "Normal", StorageClass: "Standard", Owner: EMULATOR_OWNER } : { StorageClass: "STANDARD" }),
  }));
  return buildXml("ListBucketResult", {
    Name: bucket, Prefix: query.prefix ?? "", Marker: query.marker ?? "", MaxKeys: query["max-keys"] ?? "1000",
    ...(query.delimiter ? { Delimiter: query.delimiter } : {}),
    IsTruncated: String(listing.truncated), ...(listing.nextMarker ? { NextMarker: listing.nextMarker } : {}),
    Contents: contents, CommonPrefixes: listing.commonPrefixes.map((p) => ({ Prefix: p })),
  });
}
