/** The OSS object API at `<bucket>.oss-<region>.aliyuncs.com`, with the OSS header signature (see oss-sign.ts). */
import { createHash } from "node:crypto";
import type { Credentials } from "../../config/settings";
import { ObjectClient, ObjectClientOptions, ObjectRequest } from "../object-api";
import { ossAuthorization, ossDate } from "./oss-sign";

export class OssObjects extends ObjectClient {
  constructor(options: ObjectClientOptions) {
    super("oss", `${options.bucket}.oss-${options.region}.aliyuncs.com`,
      "The MPS endpoint override (mediajobs:mpsEndpoint / MEDIAJOBS_MPS_ENDPOINT), which OSS requests use too",
      options);
  }

  protected sign(req: ObjectRequest, creds: Credentials): Record<string, string> {
    const headers: Record<string, string> = { host: this.host, "x-oss-date": ossDate(Date.now()), ...req.headers };
    if (req.body) headers["content-md5"] = createHash("md5").update(req.body).digest("base64");
    if (creds.securityToken) headers["x-oss-security-token"] = creds.securityToken;
    headers.authorization = ossAuthorization({ method: req.method, bucket: this.options.bucket, key: req.key, query: {},
      headers }, creds.keyId, creds.secret);
    return headers;
  }
}
