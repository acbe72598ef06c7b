/** The COS object API at `<BucketName-APPID>.cos.<region>.myqcloud.com`, signed with q-sign as CI requests are. */
import type { Credentials } from "../../config/settings";
import { ObjectClient, ObjectClientOptions, ObjectRequest } from "../object-api";
import { authorization, keyTime } from "./q-sign";

const SIGNATURE_LIFETIME_SECONDS = 900;

export class CosObjects extends ObjectClient {
  constructor(options: ObjectClientOptions) {
    super("cos", `${options.bucket}.cos.${options.region}.myqcloud.com`,
      "The CI endpoint override (mediajobs:ciEndpoint / MEDIAJOBS_CI_ENDPOINT), which COS requests use too", options);
  }

  protected sign(req: ObjectRequest, creds: Credentials): Record<string, string> {
    const signed = { host: this.host, ...req.headers };
    const headers: Record<string, string> = { ...signed, authorization: authorization({ method: req.method,
      path: `/${req.key}`, query: {}, headers: signed }, creds, keyTime(Math.floor(Date.now() / 1000),
      SIGNATURE_LIFETIME_SECONDS)) };
    if (creds.securityToken) headers["x-cos-security-token"] = creds.securityToken;
    return headers;
  }
}
