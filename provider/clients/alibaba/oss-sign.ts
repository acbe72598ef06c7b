/**
 * The OSS object API's header signature (V1, what `ali-oss` sends by default):
 *
 *   Authorization: OSS <AccessKeyId>:base64(HMAC-SHA1(AccessKeySecret, StringToSign))
 *   StringToSign = VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedOSSHeaders CanonicalizedResource
 *
 * Date is `x-oss-date` when sent (ali-oss always sends it), else `Date`; CanonicalizedOSSHeaders are the `x-oss-*`
 * headers, lower-cased, trimmed, sorted, one `name:value` line each; CanonicalizedResource is `/<bucket>/<object>`
 * plus the sub-resources among the query parameters, sorted. Pure functions, pinned by vectors computed with
 * `ali-oss` (test/fixtures/oss-sign-vectors.json).
 */
import { createHmac } from "node:crypto";

/** Query parameters that name a sub-resource and so are signed (the others, such as `prefix`, are not). */
export const OSS_SUBRESOURCES: ReadonlySet<string> = new Set([
  "acl", "append", "bucketInfo", "cname", "comp", "continuation-token", "cors", "delete", "encryption", "endTime",
  "img", "inventory", "inventoryId", "lifecycle", "live", "location", "logging", "objectMeta", "partNumber",
  "position", "qos", "referer", "replication", "replicationLocation", "replicationProgress",
  "response-cache-control", "response-content-disposition", "response-content-encoding", "response-content-language",
  "response-content-type", "response-expires", "restore", "security-token", "sequential", "startTime", "stat",
  "status", "style", "styleName", "symlink", "tagging", "uploadId", "uploads", "versionId", "versioning", "versions",
  "vod", "website", "x-oss-process", "x-oss-traffic-limit",
]);

export interface OssSignable {
  method: string;
  bucket: string;
  /** The object name, not URL-encoded; empty for a bucket-level request. */
  key: string;
  /** Every query parameter sent; only sub-resources are signed. A valueless one is `""`. */
  query: Record<string, string>;
  /** The headers sent (any case): Content-MD5, Content-Type, Date / x-oss-date and the x-oss-* headers count. */
  headers: Record<string, string>;
}

export function canonicalResource(bucket: string, key: string, query: Record<string, string>): string {
  const sub = Object.keys(query).filter((k) => OSS_SUBRESOURCES.has(k)).sort()
    .map((k) => (query[k] === "" ? k : `${k}=${query[k]}`));
  return `/${bucket}/${key}${sub.length ? `?${sub.join("&")}` : ""}`;
}

export function ossStringToSign(req: OssSignable): string {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) h[k.toLowerCase()] = v;
  const ossHeaders = Object.keys(h).filter((k) => k.startsWith("x-oss-")).sort().map((k) => `${k}:${h[k]!.trim()}`);
  return [req.method.toUpperCase(), h["content-md5"] ?? "", h["content-type"] ?? "", h["x-oss-date"] ?? h.date ?? "",
    ...ossHeaders, canonicalResource(req.bucket, req.key, req.query)].join("\n");
}

export function ossSignature(secret: string, stringToSign: string): string {
  return createHmac("sha1", secret).update(stringToSign, "utf8").digest("base64");
}

export function ossAuthorization(req: OssSignable, keyId: string, secret: string): string {
  return `OSS ${keyId}:${ossSignature(secret, ossStringToSign(req))}`;
}

/** `Authorization: OSS <id>:<signature>` split, or undefined for any other form. */
export function parseOssAuthorization(header: string): { keyId: string; signature: string } | undefined {
  const m = /^OSS ([^:\s]+):(\S+)$/.exec(header.trim());
  return m ? { keyId: m[1]!, signature: m[2]! } : undefined;
}

/** The GMT date OSS expects in `x-oss-date` / `Date`: `Tue, 24 Nov 2026 08:00:00 GMT`. */
export function ossDate(ms: number): string {
  return new Date(ms).toUTCString();
}
