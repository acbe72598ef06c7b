/** The OSS object API at `<bucket>.oss-<region>.aliyuncs.com`, with the OSS header signature (see oss-sign.ts). */
import { createHash } from "node:crypto";
import type { SigningContext } from "../../http/pipeline";
import { ObjectClient, ObjectClientOptions, ObjectRequest } from "../object-api";
import { ossAuthorization, ossDate } from "./oss-sign";

export class OssObjects extends ObjectClient {
  constructor(options: ObjectClientOptions) {
    super("oss", { canonicalHost: `${options.bucket}.oss-${options.region}.aliyuncs.com`,
      settingName: "The MPS endpoint override (mediajobs:mpsEndpoint / MEDIAJOBS_MPS_ENDPOINT), which OSS requests " +
        "use too" }, options);
  }

  protected sign(req: ObjectRequest, { credentials, now, host }: SigningContext): Record<string, string> {
    const headers: Record<string, string> = { host, "x-oss-date": ossDate(now), ...req.headers };
    if (req.body) headers["content-md5"] = createHash("md5").update(req.body).digest("base64");
    if (credentials.securityToken) headers["x-oss-security-token"] = credentials.securityToken;
    headers.authorization = ossAuthorization({ method: req.method, bucket: this.options.bucket, key: req.key,
      query: req.query, headers }, credentials.keyId, credentials.secret);
    return headers;
  }
}
