/**
 * Credentials, region and endpoint settings, read at call time (design §2): the stack config given to
 * `configure()`, otherwise the environment. Nothing here is captured by the serialized provider, and nothing read
 * here is ever returned as a resource output.
 */
import { X509Certificate } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { ConfigurationError, Service } from "../errors";
import { DEFAULT_MAX_REQUESTS_PER_SECOND } from "../http/rate-limit";
import type { ObjectSpec, StringType } from "../schema/declare";
import { regionId } from "../schema/forms";
import {
  ALICLOUD_ASSUME_ROLE, ALICLOUD_ASSUME_ROLE_WITH_OIDC, TENCENTCLOUD_ASSUME_ROLE,
  TENCENTCLOUD_ASSUME_ROLE_WITH_WEB_IDENTITY,
} from "./role-settings";

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
  /**
   * An object setting (a role to assume): its declared fields, and the environment variables each field falls back
   * to. Its own `env` is empty; in config it is an object (`pulumi config set --path 'mediajobs:x.roleArn' …`).
   */
  object?: ObjectSpec;
  /** The form a string setting must have (a region id), checked as a resource's own input would be. */
  form?: StringType;
  fieldEnv?: Readonly<Record<string, readonly string[]>>;
}

export const SETTINGS = {
  tencentSecretId: { configKey: "tencentcloud:secretId", providerKey: "tencentcloudSecretId",
    env: ["TENCENTCLOUD_SECRET_ID"], description: "Tencent Cloud SecretId.", secret: true },
  tencentSecretKey: { configKey: "tencentcloud:secretKey", providerKey: "tencentcloudSecretKey",
    env: ["TENCENTCLOUD_SECRET_KEY"], description: "Tencent Cloud SecretKey.", secret: true },
  tencentSecurityToken: { configKey: "tencentcloud:securityToken", providerKey: "tencentcloudSecurityToken",
    env: ["TENCENTCLOUD_SECURITY_TOKEN", "TENCENTCLOUD_SESSION_TOKEN"],
    description: "Tencent Cloud STS token, with temporary keys.", secret: true },
  tencentAssumeRole: { configKey: "tencentcloud:assumeRole", providerKey: "tencentcloudAssumeRole", env: [],
    object: TENCENTCLOUD_ASSUME_ROLE, description: TENCENTCLOUD_ASSUME_ROLE.description,
    fieldEnv: { roleArn: ["TENCENTCLOUD_ASSUME_ROLE_ARN"], sessionName: ["TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME"],
      sessionDuration: ["TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION"],
      externalId: ["TENCENTCLOUD_ASSUME_ROLE_EXTERNAL_ID"] } },
  tencentAssumeRoleWithWebIdentity: { configKey: "tencentcloud:assumeRoleWithWebIdentity",
    providerKey: "tencentcloudAssumeRoleWithWebIdentity", env: [], object: TENCENTCLOUD_ASSUME_ROLE_WITH_WEB_IDENTITY,
    description: TENCENTCLOUD_ASSUME_ROLE_WITH_WEB_IDENTITY.description,
    // TKE's pod OIDC variables, as tencentcloud-sdk-nodejs's OIDCRoleArnCredential (initFromTke) reads them.
    fieldEnv: { providerId: ["TKE_PROVIDER_ID"], webIdentityTokenFile: ["TKE_WEB_IDENTITY_TOKEN_FILE"],
      roleArn: ["TKE_ROLE_ARN"], region: ["TKE_REGION"] } },
  tencentCamRoleName: { configKey: "tencentcloud:camRoleName", providerKey: "tencentcloudCamRoleName",
    env: ["TENCENTCLOUD_CAM_ROLE_NAME"],
    description: "The CAM role of this CVM instance, whose credentials the metadata service gives." },
  tencentProfile: { configKey: "tencentcloud:profile", providerKey: "tencentcloudProfile", env: ["TENCENTCLOUD_PROFILE"],
    description: "The profile (section) of the shared credentials file to use (default `default`)." },
  tencentSharedCredentialsFile: { configKey: "tencentcloud:sharedCredentialsFile",
    providerKey: "tencentcloudSharedCredentialsFile", env: ["TENCENTCLOUD_CREDENTIALS_FILE"],
    description: "The shared credentials file (default ~/.tencentcloud/credentials, then /etc/tencentcloud/credentials)." },
  tencentRegion: { configKey: "tencentcloud:region", providerKey: "tencentcloudRegion", env: ["TENCENTCLOUD_REGION"],
    form: regionId("ap-guangzhou"), description: "Tencent Cloud region, for resources that name none." },
  ciEndpoint: { configKey: "mediajobs:ciEndpoint", providerKey: "ciEndpoint", env: ["MEDIAJOBS_CI_ENDPOINT"],
    description: "A base URL to connect to instead of Tencent Cloud's endpoints (CI, COS, STS; requests keep the " +
      "canonical Host); plain http:// only to loopback." },
  alicloudAccessKey: { configKey: "alicloud:accessKey", providerKey: "alicloudAccessKey",
    env: ["ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID"], description: "Alibaba Cloud AccessKey id.",
    secret: true },
  alicloudSecretKey: { configKey: "alicloud:secretKey", providerKey: "alicloudSecretKey",
    env: ["ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"], description: "Alibaba Cloud AccessKey secret.",
    secret: true },
  alicloudSecurityToken: { configKey: "alicloud:securityToken", providerKey: "alicloudSecurityToken",
    env: ["ALICLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_SECURITY_TOKEN"],
    description: "Alibaba Cloud STS token, with temporary keys.", secret: true },
  alicloudAssumeRole: { configKey: "alicloud:assumeRole", providerKey: "alicloudAssumeRole", env: [],
    object: ALICLOUD_ASSUME_ROLE, description: ALICLOUD_ASSUME_ROLE.description,
    // pulumi-alicloud's (terraform-provider-alicloud's) variables.
    fieldEnv: { roleArn: ["ALICLOUD_ASSUME_ROLE_ARN"], sessionName: ["ALICLOUD_ASSUME_ROLE_SESSION_NAME"] } },
  alicloudAssumeRoleWithOidc: { configKey: "alicloud:assumeRoleWithOidc", providerKey: "alicloudAssumeRoleWithOidc",
    env: [], object: ALICLOUD_ASSUME_ROLE_WITH_OIDC, description: ALICLOUD_ASSUME_ROLE_WITH_OIDC.description,
    // What aliyun/credentials-nodejs's and -go's OIDC provider read (ACK RRSA sets them in the pod).
    fieldEnv: { oidcProviderArn: ["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"], oidcTokenFile: ["ALIBABA_CLOUD_OIDC_TOKEN_FILE"],
      roleArn: ["ALIBABA_CLOUD_ROLE_ARN"], roleSessionName: ["ALIBABA_CLOUD_ROLE_SESSION_NAME"] } },
  alicloudEcsRoleName: { configKey: "alicloud:ecsRoleName", providerKey: "alicloudEcsRoleName",
    env: ["ALIBABA_CLOUD_ECS_METADATA", "ALICLOUD_ECS_ROLE_NAME"],
    description: "The RAM role of this ECS instance, whose credentials the metadata service gives." },
  alicloudProfile: { configKey: "alicloud:profile", providerKey: "alicloudProfile",
    env: ["ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE"],
    description: "The profile of the shared credentials files to use (~/.aliyun/config.json, ~/.alibabacloud/credentials)." },
  alicloudSharedCredentialsFile: { configKey: "alicloud:sharedCredentialsFile",
    providerKey: "alicloudSharedCredentialsFile", env: ["ALIBABA_CLOUD_CREDENTIALS_FILE", "ALICLOUD_SHARED_CREDENTIALS_FILE"],
    description: "The shared credentials file to read instead of ~/.aliyun/config.json and ~/.alibabacloud/credentials." },
  alicloudRegion: { configKey: "alicloud:region", providerKey: "alicloudRegion",
    env: ["ALICLOUD_REGION", "ALIBABA_CLOUD_REGION"], form: regionId("cn-shanghai"),
    description: "Alibaba Cloud region, for resources that name none." },
  mpsEndpoint: { configKey: "mediajobs:mpsEndpoint", providerKey: "mpsEndpoint", env: ["MEDIAJOBS_MPS_ENDPOINT"],
    description: "A base URL to connect to instead of Alibaba Cloud's endpoints (MPS, OSS, STS; requests keep " +
      "the canonical Host); plain http:// only to loopback." },
  ecsMetadataEndpoint: { configKey: "mediajobs:ecsMetadataEndpoint", providerKey: "ecsMetadataEndpoint",
    env: ["MEDIAJOBS_ECS_METADATA_ENDPOINT"], description: "A base URL to connect to instead of the ECS metadata " +
      "service (http://100.100.100.200), for tests; plain http:// only to loopback." },
  cvmMetadataEndpoint: { configKey: "mediajobs:cvmMetadataEndpoint", providerKey: "cvmMetadataEndpoint",
    env: ["MEDIAJOBS_CVM_METADATA_ENDPOINT"], description: "A base URL to connect to instead of the CVM metadata " +
      "service (http://metadata.tencentyun.com), for tests; plain http:// only to loopback." },
  endpointCaFile: { configKey: "mediajobs:endpointCaFile", providerKey: "endpointCaFile",
    env: ["MEDIAJOBS_ENDPOINT_CA_FILE"], description: "A PEM file of the CA that https:// endpoint overrides are " +
      "verified against, instead of the system's roots." },
  maxRequestsPerSecond: { configKey: "mediajobs:maxRequestsPerSecond", providerKey: "maxRequestsPerSecond",
    env: ["MEDIAJOBS_MAX_REQUESTS_PER_SECOND"], type: "number",
    description: "Requests per second per cloud API and account, for the whole stack (default 100)." },
} satisfies Record<string, Setting>;

/** An object setting's value, and where each field was given, for messages. */
export interface ObjectSetting {
  fields: Record<string, unknown>;
  /** Whether the config holds the object (otherwise only environment variables gave fields). */
  inConfig: boolean;
  where(field: string): string;
}

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

  /** Changes with each configuration, so what is derived from the settings knows when to derive it again. */
  generation = 0;

  constructor(private env: NodeJS.ProcessEnv = process.env) {}

  /**
   * Installs the config (each provider's `configure`), read by the keys of `path`; undefined goes back to the
   * environment alone.
   */
  useStackConfig(config: ConfigSource | undefined, path: ConfigPath = "stack"): void {
    this.stackConfig = config;
    this.path = path;
    this.generation++;
  }

  /** The environment the settings fall back to (the vendors' credential variables are read from it too). */
  get environment(): NodeJS.ProcessEnv {
    return this.env;
  }

  /**
   * What `fn` answers, and the environment variables it read, through these settings or their `environment`, with
   * the values it saw (absent ones too); `read` is undefined when `fn` listed the environment, so that any variable
   * may matter. `fn` must be synchronous: only what it reads before it returns is seen.
   */
  readingEnvironment<T>(fn: () => T): { value: T; read?: Map<string, string | undefined> } {
    const env = this.env;
    const read = new Map<string, string | undefined>();
    let listed = false;
    this.env = new Proxy(env, {
      get(target, name) {
        const value = Reflect.get(target, name) as string | undefined;
        if (typeof name === "string") read.set(name, value);
        return value;
      },
      has(target, name) {
        if (typeof name === "string") read.set(name, Reflect.get(target, name) as string | undefined);
        return Reflect.has(target, name);
      },
      ownKeys(target) {
        listed = true;
        return Reflect.ownKeys(target);
      },
    });
    try {
      const value = fn();
      return listed ? { value } : { value, read };
    } finally {
      this.env = env;
    }
  }

  /** The key a setting is read under on this provider's path (`mediajobs:x` or the stack config's). */
  keyOf(setting: Setting): string {
    return keyOf(setting, this.path);
  }

  /** Where a user sets a setting on this provider's path, for messages. */
  whereSet(setting: Setting): string {
    return whereSet(setting, this.path);
  }

  /** A setting's config key as messages name it: `stack config \`x\`` or `provider config \`mediajobs:x\``. */
  configName(setting: Setting): string {
    return `${this.path === "provider" ? "provider" : "stack"} config \`${this.keyOf(setting)}\``;
  }

  /** Where a setting's value comes from now: its config key, or the variable that is set; undefined when unset. */
  origin(setting: Setting): string | undefined {
    if (this.inConfig(setting)) return this.configName(setting);
    const name = setting.env.find((e) => this.env[e]);
    return name ? `$${name}` : undefined;
  }

  /** @deprecated Since 0.2: {@link Settings.whereSet}, by its 0.1 name. */
  describe(setting: Setting): string {
    return this.whereSet(setting);
  }

  /**
   * Tencent static keys from the config or the environment: undefined when neither half is set, one error naming
   * what to set when only one is.
   */
  tencentKeys(): Credentials | undefined {
    return this.keyPair("Tencent Cloud", SETTINGS.tencentSecretId, "SecretId", SETTINGS.tencentSecretKey, "SecretKey",
      SETTINGS.tencentSecurityToken);
  }

  /** Alibaba Cloud static keys, as {@link Settings.tencentKeys}. */
  alibabaKeys(): Credentials | undefined {
    return this.keyPair("Alibaba Cloud", SETTINGS.alicloudAccessKey, "AccessKey id", SETTINGS.alicloudSecretKey,
      "AccessKey secret", SETTINGS.alicloudSecurityToken);
  }

  /** Whether a setting is given in the config (not only in the environment). */
  inConfig(setting: Setting): boolean {
    return !!this.stackConfig?.get(keyOf(setting, this.path));
  }

  /** A string setting: the config, then its environment variables; undefined when unset. */
  value(setting: Setting): string | undefined {
    return this.read(setting);
  }

  /**
   * An object setting (a role): the config's object, each field it lacks from the field's environment variables;
   * undefined when neither gives any field. Values stay as given (strings from the environment): CheckConfig's
   * declared rules read them. An object that is no JSON object is refused here, naming the key.
   */
  objectValue(setting: Setting): ObjectSetting | undefined {
    const raw = this.stackConfig?.get(keyOf(setting, this.path));
    let fields: Record<string, unknown> = {};
    if (raw) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new ConfigurationError(`${this.configName(setting)} must be an object with ` +
          `${Object.keys(setting.object?.properties ?? {}).join(", ")}; set its fields with \`pulumi config set ` +
          `--path '${keyOf(setting, this.path)}.<field>' <value>\`.`);
      }
      fields = { ...parsed as Record<string, unknown> };
    }
    const fromEnv: string[] = [];
    for (const [field, names] of Object.entries(setting.fieldEnv ?? {})) {
      if (fields[field] !== undefined && fields[field] !== null && fields[field] !== "") continue;
      const name = names.find((n) => this.env[n]);
      if (name) {
        fields[field] = this.env[name];
        fromEnv.push(field);
      }
    }
    if (Object.keys(fields).length === 0) return undefined;
    const key = keyOf(setting, this.path);
    return {
      fields,
      inConfig: !!raw,
      where: (field) => {
        const env = setting.fieldEnv?.[field];
        return fromEnv.includes(field) ? `$${env!.find((n) => this.env[n])}`
          : `\`${key}.${field}\`${env?.length ? ` (or ${env.map((e) => `$${e}`).join(" / ")})` : ""}`;
      },
    };
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

  /** An id/secret pair (plus an optional STS token); none when neither is set, an error when only one is. */
  private keyPair(cloud: string, id: Setting, idName: string, secret: Setting, secretName: string, token: Setting):
    Credentials | undefined {
    const keyId = this.read(id);
    const secretValue = this.read(secret);
    if (!keyId && !secretValue) return undefined;
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
