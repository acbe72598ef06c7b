/**
 * Credentials, region and endpoint settings, read at call time (design §2): the stack config given to
 * `configure()`, otherwise the environment. Nothing here is captured by the serialized provider, and nothing read
 * here is ever returned as a resource output.
 */
import { ConfigurationError } from "./errors";

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

export interface TencentCredentials {
  secretId: string;
  secretKey: string;
  securityToken?: string;
}

/** Tencent credentials, or one error naming every key and variable to set. */
export function tencentCredentials(): TencentCredentials {
  const secretId = read(SETTINGS.tencentSecretId);
  const secretKey = read(SETTINGS.tencentSecretKey);
  if (!secretId || !secretKey) {
    const missing = [
      !secretId ? `the SecretId (${describe(SETTINGS.tencentSecretId)})` : undefined,
      !secretKey ? `the SecretKey (${describe(SETTINGS.tencentSecretKey)}; set it with \`pulumi config set --secret\`)`
        : undefined,
    ].filter(Boolean);
    throw new ConfigurationError(`Tencent Cloud credentials are missing: set ${missing.join(" and ")}.`);
  }
  const securityToken = read(SETTINGS.tencentSecurityToken);
  return securityToken ? { secretId, secretKey, securityToken } : { secretId, secretKey };
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
