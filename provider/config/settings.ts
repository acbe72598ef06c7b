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

/** An access key for either cloud: Tencent's SecretId/SecretKey, Alibaba's AccessKey id/secret; STS adds a token. */
export interface Credentials {
  /** The key id (Tencent SecretId, Alibaba AccessKeyId): not secret, it names the account in requests. */
  keyId: string;
  /** The key secret (Tencent SecretKey, Alibaba AccessKeySecret). */
  secret: string;
  /** The STS token that goes with temporary keys. */
  securityToken?: string;
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

function describe(setting: Setting): string {
  return `stack config \`${setting.configKey}\` or ${setting.env.map((e) => `$${e}`).join(" / ")}`;
}

/** The settings of one provider: the stack config once `configure()` gave it, the environment otherwise. */
export class Settings {
  private stackConfig: ConfigSource | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** Installs the stack config (each provider's `configure`); undefined goes back to the environment alone. */
  useStackConfig(config: ConfigSource | undefined): void {
    this.stackConfig = config;
  }

  /** Tencent credentials, or one error naming every key and variable to set. */
  tencentCredentials(): Credentials {
    return this.keyPair("Tencent Cloud", SETTINGS.tencentSecretId, "SecretId", SETTINGS.tencentSecretKey, "SecretKey",
      SETTINGS.tencentSecurityToken);
  }

  /** Alibaba Cloud credentials, or one error naming every key and variable to set. */
  alibabaCredentials(): Credentials {
    return this.keyPair("Alibaba Cloud", SETTINGS.alicloudAccessKey, "AccessKey id", SETTINGS.alicloudSecretKey,
      "AccessKey secret", SETTINGS.alicloudSecurityToken);
  }

  /** The resource's own region wins over the stack config and the environment. */
  tencentRegion(resourceRegion: string | undefined): string {
    return this.region("Tencent Cloud", resourceRegion, SETTINGS.tencentRegion);
  }

  /** The resource's own region wins over the stack config and the environment. */
  alibabaRegion(resourceRegion: string | undefined): string {
    return this.region("Alibaba Cloud", resourceRegion, SETTINGS.alicloudRegion);
  }

  /** The CI endpoint override (a base URL to connect to), if any. */
  ciEndpointOverride(): string | undefined {
    return this.read(SETTINGS.ciEndpoint);
  }

  /** The MPS endpoint override (a base URL to connect to), if any. */
  mpsEndpointOverride(): string | undefined {
    return this.read(SETTINGS.mpsEndpoint);
  }

  /** Requests per second per cloud API and account, for the whole stack (default 100). */
  maxRequestsPerSecond(): number {
    const raw = this.read(SETTINGS.maxRequestsPerSecond);
    if (raw === undefined) return DEFAULT_MAX_REQUESTS_PER_SECOND;
    const rate = Number(raw);
    if (!Number.isFinite(rate) || rate <= 0) {
      throw new ConfigurationError(`${describe(SETTINGS.maxRequestsPerSecond)} must be a positive number of ` +
        `requests per second; got "${raw}".`);
    }
    return rate;
  }

  private read(setting: Setting): string | undefined {
    const fromConfig = this.stackConfig?.get(setting.configKey);
    if (fromConfig) return fromConfig;
    for (const name of setting.env) {
      const value = this.env[name];
      if (value) return value;
    }
    return undefined;
  }

  private region(cloud: string, resourceRegion: string | undefined, setting: Setting): string {
    const region = resourceRegion || this.read(setting);
    if (!region) throw new ConfigurationError(`No ${cloud} region: set the resource's \`region\` or ${describe(setting)}.`);
    return region;
  }

  /** An id/secret pair (plus an optional STS token), or one error naming every key and variable to set. */
  private keyPair(cloud: string, id: Setting, idName: string, secret: Setting, secretName: string, token: Setting):
    Credentials {
    const keyId = this.read(id);
    const secretValue = this.read(secret);
    if (!keyId || !secretValue) {
      const missing = [
        !keyId ? `the ${idName} (${describe(id)})` : undefined,
        !secretValue ? `the ${secretName} (${describe(secret)}; set it with \`pulumi config set --secret\`)` : undefined,
      ].filter(Boolean);
      throw new ConfigurationError(`${cloud} credentials are missing: set ${missing.join(" and ")}.`);
    }
    const securityToken = this.read(token);
    return securityToken ? { keyId, secret: secretValue, securityToken } : { keyId, secret: secretValue };
  }
}
