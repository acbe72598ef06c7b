import { EMULATOR_ALIBABA_CREDENTIALS, EMULATOR_TENCENT_CREDENTIALS } from "../../emulator";

/** Sets environment variables for a test and restores them afterwards. */
export function withEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  return () => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  };
}

/** Points the CI client at an emulator, with the emulator's credentials and no ambient region or STS token. */
export function ciEmulatorEnv(url: string): () => void {
  return withEnv({
    MEDIAJOBS_CI_ENDPOINT: url, TENCENTCLOUD_SECRET_ID: EMULATOR_TENCENT_CREDENTIALS.secretId,
    TENCENTCLOUD_SECRET_KEY: EMULATOR_TENCENT_CREDENTIALS.secretKey, TENCENTCLOUD_REGION: undefined,
    TENCENTCLOUD_SECURITY_TOKEN: undefined,
  });
}

/** Points the MPS client at an emulator, with the emulator's credentials; `region` as ALICLOUD_REGION, or none. */
export function mpsEmulatorEnv(url: string, region?: string): () => void {
  return withEnv({
    MEDIAJOBS_MPS_ENDPOINT: url, ALICLOUD_ACCESS_KEY: EMULATOR_ALIBABA_CREDENTIALS.accessKeyId,
    ALICLOUD_SECRET_KEY: EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret, ALICLOUD_REGION: region,
    ALIBABA_CLOUD_REGION: undefined,
  });
}
