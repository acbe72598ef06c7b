/**
 * Credentials, region and endpoint settings, read at call time (design §2): the stack config given to
 * `configure()`, otherwise the environment. Nothing here is captured by the serialized provider, and nothing read
 * here is ever returned as a resource output.
 */
import { X509Certificate } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { ConfigurationError, Service } from "../errors";
import { DEFAULT_MAX_REQUESTS_PER_SECOND } from "../http/rate-limit";

/** What `configure()` receives: the decrypted config, by the keys of its path (see `keyOf`). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/**
 * Where the config comes from: the stack config every dynamic provider is given (`tencentcloud:secretId`, …), or a
 * `mediajobs` provider's own config on the plugin path (`mediajobs:tencentcloudSecretId`, …).
 */
export type ConfigPath = "stack" | "provider";

/** An access key for either cloud: Tencent's SecretId/SecretKey, Alibaba's AccessKey id/secret; STS adds a token. */
export interface Credentials {
  /** The key id (Tencent SecretId, Alibaba AccessKeyId): not secret, it names the account in requests. */
  keyId: string;
  /** The key secret (Tencent SecretKey, Alibaba AccessKeySecret). */
  secret: string;
  /** The STS token that goes with temporary keys. */
  securityToken?: string;
}

export interface Setting {
  /** The key on the dynamic path (the stack config the engine gives every dynamic provider). */
  configKey: string;
  /** The provider's own config key on the plugin path (`mediajobs:<providerKey>`), an input of `Provider`. */
  providerKey: string;
  env: readonly string[];
  description: string;
  secret?: boolean;
  /** A string unless said otherwise. */
  type?: "number";
}

const SETTINGS = {
  tencentSecretId: { configKey: "tencentcloud:secretId", providerKey: "tencentcloudSecretId",
    env: ["TENCENTCLOUD_SECRET_ID"], description: "Tencent Cloud SecretId.", secret: true },
  tencentSecretKey: { configKey: "tencentcloud:secretKey", providerKey: "tencentcloudSecretKey",
    env: ["TENCENTCLOUD_SECRET_KEY"], description: "Tencent Cloud SecretKey.", secret: true },
  tencentSecurityToken: { configKey: "tencentcloud:securityToken", providerKey: "tencentcloudSecurityToken",
    env: ["TENCENTCLOUD_SECURITY_TOKEN"], description: "Tencent Cloud STS token, with temporary keys.", secret: true },
  tencentRegion: { configKey: "tencentcloud:region", providerKey: "tencentcloudRegion", env: ["TENCENTCLOUD_REGION"],
    description: "Tencent Cloud region, for resources that name none." },
  ciEndpoint: { configKey: "mediajobs:ciEndpoint", providerKey: "ciEndpoint", env: ["MEDIAJOBS_CI_ENDPOINT"],
    description: "A base URL to connect to instead of the CI endpoint (requests keep the canonical Host); plain " +
      "http:// only to loopback." },
  alicloudAccessKey: { configKey: "alicloud:accessKey", providerKey: "alicloudAccessKey",
    env: ["ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID"], description: "Alibaba Cloud AccessKey id.",
    secret: true },
  alicloudSecretKey: { configKey: "alicloud:secretKey", providerKey: "alicloudSecretKey",
    env: ["ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"], description: "Alibaba Cloud AccessKey secret.",
    secret: true },
  alicloudSecurityToken: { configKey: "alicloud:securityToken", providerKey: "alicloudSecurityToken",
    env: ["ALICLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_SECURITY_TOKEN"],
    description: "Alibaba Cloud STS token, with temporary keys.", secret: true },
  alicloudRegion: { configKey: "alicloud:region", providerKey: "alicloudRegion",
    env: ["ALICLOUD_REGION", "ALIBABA_CLOUD_REGION"], description: "Alibaba Cloud region, for resources that name none." },
  mpsEndpoint: { configKey: "mediajobs:mpsEndpoint", providerKey: "mpsEndpoint", env: ["MEDIAJOBS_MPS_ENDPOINT"],
    description: "A base URL to connect to instead of the MPS endpoint (requests keep the canonical Host); plain " +
      "http:// only to loopback." },
  endpointCaFile: { configKey: "mediajobs:endpointCaFile", providerKey: "endpointCaFile",
    env: ["MEDIAJOBS_ENDPOINT_CA_FILE"], description: "A PEM file of the CA that https:// endpoint overrides are " +
      "verified against, instead of the system's roots." },
  maxRequestsPerSecond: { configKey: "mediajobs:maxRequestsPerSecond", providerKey: "maxRequestsPerSecond",
    env: ["MEDIAJOBS_MAX_REQUESTS_PER_SECOND"], type: "number",
    description: "Requests per second per cloud API and account, for the whole stack (default 100)." },
} satisfies Record<string, Setting>;

/** Every setting, in the order above. */
export const SETTING_LIST: readonly Setting[] = Object.values(SETTINGS);

/** The certificates an `https://` endpoint override is verified against, and the file they came from. */
export interface TrustedCa {
  file: string;
  /** One or more PEM certificates. */
  pem: string;
}

/** Where a user names the CA of an https:// endpoint override: for messages that tell them to. */
export const ENDPOINT_CA_SETTING = `mediajobs:endpointCaFile / $${SETTINGS.endpointCaFile.env[0]}`;

/** The key a setting is read under on a config path. */
export function keyOf(setting: Setting, path: ConfigPath): string {
  return path === "provider" ? `mediajobs:${setting.providerKey}` : setting.configKey;
}

/** Where a user sets a setting, for messages: the config key of the path in use, then the environment. */
function whereSet(setting: Setting, path: ConfigPath): string {
  const where = path === "provider" ? "provider config" : "stack config";
  return `${where} \`${keyOf(setting, path)}\` or ${setting.env.map((e) => `$${e}`).join(" / ")}`;
}

/** The settings of one provider: the stack config once `configure()` gave it, the environment otherwise. */
export class Settings {
  private stackConfig: ConfigSource | undefined;
  private path: ConfigPath = "stack";
  /** The CA file last read, and the version (inode, size, mtime) it was read at. */
  private caCache: { file: string; version: string; ca: TrustedCa } | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /**
   * Installs the config (each provider's `configure`), read by the keys of `path`; undefined goes back to the
   * environment alone.
   */
  useStackConfig(config: ConfigSource | undefined, path: ConfigPath = "stack"): void {
    this.stackConfig = config;
    this.path = path;
  }

  /** Where a user sets a setting on this provider's path, for messages. */
  whereSet(setting: Setting): string {
    return whereSet(setting, this.path);
  }

  /** @deprecated Since 0.2: {@link Settings.whereSet}, by its 0.1 name. */
  describe(setting: Setting): string {
    return this.whereSet(setting);
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

  /** The region the config gives resources that name none (`ci`: Tencent's, `mps`: Alibaba's); undefined if none. */
  defaultRegion(service: Service): string | undefined {
    return this.read(service === "ci" ? SETTINGS.tencentRegion : SETTINGS.alicloudRegion);
  }

  /** The CI endpoint override (a base URL to connect to), if any. */
  ciEndpointOverride(): string | undefined {
    return this.read(SETTINGS.ciEndpoint);
  }

  /** The MPS endpoint override (a base URL to connect to), if any. */
  mpsEndpointOverride(): string | undefined {
    return this.read(SETTINGS.mpsEndpoint);
  }

  /**
   * The CA certificates (a PEM file) that `https://` endpoint overrides are verified against instead of the system's
   * roots; none when unset. Each call looks at the file (a renewed file is picked up) but reads and parses it only
   * when it changed: every status poll builds a client and asks.
   */
  endpointCa(): TrustedCa | undefined {
    const file = this.read(SETTINGS.endpointCaFile);
    if (file === undefined) return undefined;
    let version: string;
    try {
      const st = statSync(file, { bigint: true });
      version = `${st.ino}:${st.size}:${st.mtimeNs}`;
    } catch (e) {
      throw unreadableCa(this.whereSet(SETTINGS.endpointCaFile), file, e);
    }
    if (this.caCache?.file !== file || this.caCache.version !== version) {
      this.caCache = { file, version, ca: readTrustedCa(this.whereSet(SETTINGS.endpointCaFile), file) };
    }
    return this.caCache.ca;
  }

  /** Requests per second per cloud API and account, for the whole stack (default 100). */
  maxRequestsPerSecond(): number {
    const raw = this.read(SETTINGS.maxRequestsPerSecond);
    if (raw === undefined) return DEFAULT_MAX_REQUESTS_PER_SECOND;
    const rate = Number(raw);
    if (!Number.isFinite(rate) || rate <= 0) {
      throw new ConfigurationError(`${this.whereSet(SETTINGS.maxRequestsPerSecond)} must be a positive number of ` +
        `requests per second; got "${raw}".`);
    }
    return rate;
  }

  private read(setting: Setting): string | undefined {
    const fromConfig = this.stackConfig?.get(keyOf(setting, this.path));
    if (fromConfig) return fromConfig;
    for (const name of setting.env) {
      const value = this.env[name];
      if (value) return value;
    }
    return undefined;
  }

  private region(cloud: string, resourceRegion: string | undefined, setting: Setting): string {
    const region = resourceRegion || this.read(setting);
    if (!region) throw new ConfigurationError(`No ${cloud} region: set the resource's \`region\` or ${this.whereSet(setting)}.`);
    return region;
  }

  /** An id/secret pair (plus an optional STS token), or one error naming every key and variable to set. */
  private keyPair(cloud: string, id: Setting, idName: string, secret: Setting, secretName: string, token: Setting):
    Credentials {
    const keyId = this.read(id);
    const secretValue = this.read(secret);
    if (!keyId || !secretValue) {
      const missing = [
        !keyId ? `the ${idName} (${this.whereSet(id)})` : undefined,
        !secretValue ? `the ${secretName} (${this.whereSet(secret)}; set it with \`pulumi config set --secret\`)` : undefined,
      ].filter(Boolean);
      throw new ConfigurationError(`${cloud} credentials are missing: set ${missing.join(" and ")}.`);
    }
    const securityToken = this.read(token);
    return securityToken ? { keyId, secret: secretValue, securityToken } : { keyId, secret: secretValue };
  }
}

function unreadableCa(setting: string, file: string, e: unknown): ConfigurationError {
  return new ConfigurationError(`${setting} names "${file}", which cannot be read: ` +
    `${(e as Error).message}.`);
}

/** The certificates of a PEM file, each parsed once to refuse a broken one with the setting's name. */
function readTrustedCa(setting: string, file: string): TrustedCa {
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (e) {
    throw unreadableCa(setting, file, e);
  }
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) {
    throw new ConfigurationError(`${setting} names "${file}", which holds no PEM ` +
      "certificate (-----BEGIN CERTIFICATE-----).");
  }
  for (const [i, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch (e) {
      throw new ConfigurationError(`${setting} names "${file}", whose certificate ` +
        `${i + 1} cannot be parsed: ${(e as Error).message}.`);
    }
  }
  return { file, pem: blocks.join("\n") + "\n" };
}
