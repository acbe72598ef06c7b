/**
 * Credentials, region and endpoint settings, read at call time (design §2): the stack config given to
 * `configure()`, otherwise the environment. Nothing here is captured by the serialized provider, and nothing read
 * here is ever returned as a resource output.
 */
import { ConfigurationError } from "../errors";
import { DEFAULT_MAX_REQUESTS_PER_SECOND } from "../http/rate-limit";

/** What `configure()` receives: the decrypted stack config. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

// Module-level by design: all dynamic resources of a stack share one provider process and one stack config.
let stackConfig: ConfigSource | undefined;

/** Installs the stack config (called from each provider's `configure`). */
export function useStackConfig(config: ConfigSource | undefined): void {
  stackConfig = config;
}

interface Setting {
  configKey: string;
  env: readonly string[];
}

const SETTINGS = {
  tencentSecretId: { configKey: "tencentcloud:secretId", env: ["TENCENTCLOUD_SECRET_ID"] },
  tencentSecretKey: { configKey: "tencentcloud:secretKey", env: ["TENCENTCLOUD_SECRET_KEY"] },
  tencentSecurityToken: { configKey: "tencentcloud:securityToken", env: ["TENCENTCLOUD_SECURITY_TOKEN"] },
  tencentRegion: { configKey: "tencentcloud:region", env: ["TENCENTCLOUD_REGION"] },
  ciEndpoint: { configKey: "mediajobs:ciEndpoint", env: ["MEDIAJOBS_CI_ENDPOINT"] },
  alicloudAccessKey: { configKey: "alicloud:accessKey", env: ["ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID"] },
  alicloudSecretKey: {
    configKey: "alicloud:secretKey", env: ["ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
  },
  alicloudSecurityToken: {
    configKey: "alicloud:securityToken", env: ["ALICLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_SECURITY_TOKEN"],
  },
  alicloudRegion: { configKey: "alicloud:region", env: ["ALICLOUD_REGION", "ALIBABA_CLOUD_REGION"] },
  mpsEndpoint: { configKey: "mediajobs:mpsEndpoint", env: ["MEDIAJOBS_MPS_ENDPOINT"] },
  maxRequestsPerSecond: { configKey: "mediajobs:maxRequestsPerSecond", env: ["MEDIAJOBS_MAX_REQUESTS_PER_SECOND"] },
} satisfies Record<string, Setting>;

function read(setting: Setting): string | undefined {
  const fromConfig = stackConfig?.get(setting.configKey);
  if (fromConfig) return fromConfig;
  for (const name of setting.env) {
    const value = process.env[name];
    if (value) return value;
  }
  return undefined;
}

function describe(setting: Setting): string {
  return `stack config \`${setting.configKey}\` or ${setting.env.map((e) => `$${e}`).join(" / ")}`;
}

/** An id/secret pair (plus an optional STS token), or one error naming every key and variable to set. */
function keyPair(cloud: string, id: Setting, idName: string, secret: Setting, secretName: string, token: Setting):
  { id: string; secret: string; token?: string } {
  const idValue = read(id);
  const secretValue = read(secret);
  if (!idValue || !secretValue) {
    const missing = [
      !idValue ? `the ${idName} (${describe(id)})` : undefined,
      !secretValue ? `the ${secretName} (${describe(secret)}; set it with \`pulumi config set --secret\`)` : undefined,
    ].filter(Boolean);
    throw new ConfigurationError(`${cloud} credentials are missing: set ${missing.join(" and ")}.`);
  }
  const tokenValue = read(token);
  return tokenValue ? { id: idValue, secret: secretValue, token: tokenValue } : { id: idValue, secret: secretValue };
}

export interface TencentCredentials {
  secretId: string;
  secretKey: string;
  securityToken?: string;
}

/** Tencent credentials, or one error naming every key and variable to set. */
export function tencentCredentials(): TencentCredentials {
  const k = keyPair("Tencent Cloud", SETTINGS.tencentSecretId, "SecretId", SETTINGS.tencentSecretKey, "SecretKey",
    SETTINGS.tencentSecurityToken);
  return k.token ? { secretId: k.id, secretKey: k.secret, securityToken: k.token } : { secretId: k.id, secretKey: k.secret };
}

export interface AlibabaCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** Alibaba Cloud credentials, or one error naming every key and variable to set. */
export function alibabaCredentials(): AlibabaCredentials {
  const k = keyPair("Alibaba Cloud", SETTINGS.alicloudAccessKey, "AccessKey id", SETTINGS.alicloudSecretKey,
    "AccessKey secret", SETTINGS.alicloudSecurityToken);
  return k.token ? { accessKeyId: k.id, accessKeySecret: k.secret, securityToken: k.token }
    : { accessKeyId: k.id, accessKeySecret: k.secret };
}

/** The resource's own region wins over the stack config and the environment. */
export function alibabaRegion(resourceRegion: string | undefined): string {
  const region = resourceRegion || read(SETTINGS.alicloudRegion);
  if (!region) {
    throw new ConfigurationError(
      `No Alibaba Cloud region: set the resource's \`region\` or ${describe(SETTINGS.alicloudRegion)}.`);
  }
  return region;
}

/** The MPS endpoint override (a base URL to connect to), if any. */
export function mpsEndpointOverride(): string | undefined {
  return read(SETTINGS.mpsEndpoint);
}

/** The resource's own region wins over the stack config and the environment. */
export function tencentRegion(resourceRegion: string | undefined): string {
  const region = resourceRegion || read(SETTINGS.tencentRegion);
  if (!region) {
    throw new ConfigurationError(
      `No Tencent Cloud region: set the resource's \`region\` or ${describe(SETTINGS.tencentRegion)}.`);
  }
  return region;
}

/** The CI endpoint override (a base URL to connect to), if any. */
export function ciEndpointOverride(): string | undefined {
  return read(SETTINGS.ciEndpoint);
}

/** Requests per second per cloud API and account, for the whole stack (default 100). */
export function maxRequestsPerSecond(): number {
  const raw = read(SETTINGS.maxRequestsPerSecond);
  if (raw === undefined) return DEFAULT_MAX_REQUESTS_PER_SECOND;
  const rate = Number(raw);
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new ConfigurationError(`${describe(SETTINGS.maxRequestsPerSecond)} must be a positive number of requests ` +
      `per second; got "${raw}".`);
  }
  return rate;
}
