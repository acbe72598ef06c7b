/** Clients built directly (below the providers) for tests: a transport of their own, credentials given. */
import { MpsClient, MpsClientOptions } from "../../provider/clients/alibaba/mps-client";
import { CiClient, CiClientOptions } from "../../provider/clients/tencent/ci-client";
import type { Credentials } from "../../provider/config/settings";
import { HttpTransport } from "../../provider/http/transport";
import { EMULATOR_ALIBABA_CREDENTIALS, EMULATOR_TENCENT_CREDENTIALS } from "../../emulator";

const transport = new HttpTransport();

/** The emulator's test credentials, as the signers take them. */
export const EMULATOR_CI_KEY: Credentials = { keyId: EMULATOR_TENCENT_CREDENTIALS.secretId,
  secret: EMULATOR_TENCENT_CREDENTIALS.secretKey };
export const EMULATOR_MPS_KEY: Credentials = { keyId: EMULATOR_ALIBABA_CREDENTIALS.accessKeyId,
  secret: EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret };

export function ciClient(options: Omit<CiClientOptions, "transport" | "credentials"> &
  { credentials?: () => Credentials }): CiClient {
  return new CiClient({ credentials: () => EMULATOR_CI_KEY, ...options, transport });
}

export function mpsClient(options: Omit<MpsClientOptions, "transport" | "credentials"> &
  { credentials?: () => Credentials }): MpsClient {
  return new MpsClient({ credentials: () => EMULATOR_MPS_KEY, ...options, transport });
}
