/** The clients every resource uses, built from its own bucket/region and the settings read at call time. */
import { MpsClient } from "./alibaba/mps-client";
import { CiClient } from "./tencent/ci-client";
import {
  alibabaCredentials, alibabaRegion, ciEndpointOverride, maxRequestsPerSecond, mpsEndpointOverride, tencentCredentials,
  tencentRegion,
} from "../config/settings";

export function ciClientFor(inputs: { bucket: string; region?: string }): CiClient {
  return new CiClient({ bucket: inputs.bucket, region: tencentRegion(inputs.region), credentials: tencentCredentials,
    endpointOverride: ciEndpointOverride(), maxRequestsPerSecond: maxRequestsPerSecond() });
}

export function mpsClientFor(inputs: { region?: string }): MpsClient {
  return new MpsClient({ region: alibabaRegion(inputs.region), credentials: alibabaCredentials,
    endpointOverride: mpsEndpointOverride(), maxRequestsPerSecond: maxRequestsPerSecond() });
}
