/** The COS object API at `<BucketName-APPID>.cos.<region>.myqcloud.com`, signed with q-sign as CI requests are. */
import type { SigningContext } from "../../http/pipeline";
import { ObjectClient, ObjectClientOptions, ObjectRequest } from "../object-api";
import { signedHeaders } from "./q-sign";

export class CosObjects extends ObjectClient {
  constructor(options: ObjectClientOptions) {
    super("cos", { canonicalHost: `${options.bucket}.cos.${options.region}.myqcloud.com`,
      settingName: "The CI endpoint override (mediajobs:ciEndpoint / MEDIAJOBS_CI_ENDPOINT), which COS requests " +
        "use too" }, options);
  }

  protected sign(req: ObjectRequest, { credentials, now, host }: SigningContext): Record<string, string> {
    return signedHeaders({ method: req.method, path: `/${req.key}`, query: req.query, headers: { host, ...req.headers } },
      credentials, now, "x-cos-security-token");
  }
}
