/**
 * Which source each cloud's credentials come from, decided offline from the settings, the environment and the
 * shared credential files: what `pulumi preview` can tell without a network call (a source configured twice, a
 * malformed role ARN, an unreadable token file, nothing configured at all), and what `up` then asks.
 *
 * Explicit settings win: at most one base source per cloud (keys, an OIDC role, the instance's role, a profile), with
 * an optional AssumeRole on top of it. With no base configured, the default chain of the vendors' own SDKs is walked
 * in their order (Alibaba: aliyun/credentials-go `NewDefaultCredentialsProvider`: environment keys, OIDC from the
 * environment, the aliyun CLI's config.json, the credentials file, the ECS role; Tencent: tencentcloud-sdk-nodejs's
 * `DefaultCredentialProvider`: environment keys, the credentials file, then the instance: TKE pod OIDC from the
 * environment before the CVM role, because a pod's own identity is the one it was given). Unlike the vendors, a
 * source that is configured but broken is an error, not skipped: a half-set key pair must not silently become
 * another identity.
 */
import { accessSync, constants } from "node:fs";
import { homedir } from "node:os";
import { Checker } from "../check/checker";
import { checkProperties } from "../check/declared";
import type { Credentials, ObjectSetting, Setting, Settings } from "../config/settings";
import { SETTINGS } from "../config/settings";
import { MediaJobsError } from "../errors";
import {
  AlibabaProfileCredential, readAlibabaProfile, readTencentProfile, TencentProfileCredential,
} from "./profile-files";
import { DEFAULT_SESSION_NAME, RoleRequest, TENCENT_STS_REGION } from "./sts";

export type Cloud = "alibaba" | "tencent";

/** Where credentials will come from, as configured; `where` names the settings (or file) for messages. */
export type SourceSpec =
  | { kind: "keys"; keys: Credentials; where: string }
  | { kind: "assumeRole"; base: SourceSpec; role: RoleRequest; where: string; sts: StsPlace }
  | { kind: "oidc"; role: RoleRequest; provider: string; tokenFile: string; tokenSetting: string; where: string;
    sts: StsPlace }
  | { kind: "instanceRole"; roleName?: string; where: string };

/** Which STS to call: Alibaba's host (region, VPC), Tencent's region. */
export interface StsPlace {
  alibabaHost?: string;
  tencentRegion?: string;
}

export interface CredentialPlan {
  cloud: Cloud;
  spec: SourceSpec;
  /**
   * Nothing was configured: the spec is the default chain's last resort, the instance's role, which only `up` can
   * try (the metadata service answers only on a cloud instance). Preview warns.
   */
  lastResort: boolean;
  /** What the default chain looked at before, in order: for the error when the last resort fails too. */
  tried: readonly string[];
  /** Which settings configure a source, for that error. */
  advice: string;
}

/** A setting that cannot be used, by its key (CheckConfig reports it against the Provider input). */
export interface PlanProblem {
  setting: Setting;
  message: string;
  /** `broken`: a configured setting is unusable; `none`: nothing is configured (a problem only where it is needed). */
  kind: "broken" | "none";
}

export type PlanOutcome = { plan: CredentialPlan; problems: [] } | { plan?: undefined; problems: PlanProblem[] };

/** Both clouds' names in messages, and the settings of each. */
const CLOUD = {
  alibaba: { name: "Alibaba Cloud", assumeRole: SETTINGS.alicloudAssumeRole, oidc: SETTINGS.alicloudAssumeRoleWithOidc,
    roleName: SETTINGS.alicloudEcsRoleName, profile: SETTINGS.alicloudProfile, file: SETTINGS.alicloudSharedCredentialsFile,
    keys: [SETTINGS.alicloudAccessKey, SETTINGS.alicloudSecretKey, SETTINGS.alicloudSecurityToken],
    instance: "the ECS instance's RAM role (metadata service)", durationField: "sessionExpiration",
    sessionField: "sessionName", oidcSessionField: "roleSessionName", oidcProviderField: "oidcProviderArn",
    tokenFileField: "oidcTokenFile", defaultDuration: 3600 },
  tencent: { name: "Tencent Cloud", assumeRole: SETTINGS.tencentAssumeRole, oidc: SETTINGS.tencentAssumeRoleWithWebIdentity,
    roleName: SETTINGS.tencentCamRoleName, profile: SETTINGS.tencentProfile, file: SETTINGS.tencentSharedCredentialsFile,
    keys: [SETTINGS.tencentSecretId, SETTINGS.tencentSecretKey, SETTINGS.tencentSecurityToken],
    instance: "the CVM instance's CAM role (metadata service)", durationField: "sessionDuration",
    sessionField: "sessionName", oidcSessionField: "sessionName", oidcProviderField: "providerId",
    tokenFileField: "webIdentityTokenFile", defaultDuration: 7200 },
} as const;

/** The plan for one cloud's credentials, or every problem found on the way (none of them needs the network). */
export function planCredentials(cloud: Cloud, settings: Settings,
  home: string = settings.environment.HOME || homedir()): PlanOutcome {
  const problems: PlanProblem[] = [];
  const attempt = <T>(setting: Setting, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof MediaJobsError)) throw e;
      problems.push({ setting, message: e.message, kind: "broken" });
      return undefined;
    }
  };
  const c = CLOUD[cloud];
  const env = settings.environment;
  // A half-set pair is blamed on the half that is missing.
  const keys = attempt(settings.value(c.keys[0]) ? c.keys[1] : c.keys[0],
    () => (cloud === "alibaba" ? settings.alibabaKeys() : settings.tencentKeys()));
  const oidc = attempt(c.oidc, () => settings.objectValue(c.oidc));
  const assume = attempt(c.assumeRole, () => settings.objectValue(c.assumeRole));
  for (const [setting, value] of [[c.oidc, oidc], [c.assumeRole, assume]] as const) {
    if (value) problems.push(...objectProblems(settings, setting, value));
  }
  if (oidc && problems.length === 0) {
    const file = String(oidc.fields[c.tokenFileField]);
    try {
      accessSync(file, constants.R_OK);
    } catch (e) {
      problems.push({ setting: c.oidc, kind: "broken", message: `${oidc.where(c.tokenFileField)} names "${file}", which cannot be ` +
        `read: ${(e as Error).message}.` });
    }
  }
  if (problems.length) return { problems };

  const sts: StsPlace = cloud === "alibaba" ? { alibabaHost: alibabaStsHostOf(env) } : {};
  const keysSpec = (k: Credentials): SourceSpec => ({ kind: "keys", keys: k,
    where: `the keys in ${c.keys.slice(0, 2).map((s) => settings.origin(s)).join(" and ")}` });
  const oidcSpec = (o: ObjectSetting): SourceSpec => ({
    kind: "oidc", provider: String(o.fields[c.oidcProviderField]), tokenFile: String(o.fields[c.tokenFileField]),
    tokenSetting: o.where(c.tokenFileField), role: roleOf(o, c.oidcSessionField, c.durationField, c.defaultDuration),
    where: `${cloud === "alibaba" ? "AssumeRoleWithOIDC" : "AssumeRoleWithWebIdentity"} of ` +
      `${String(o.fields.roleArn)} (${o.inConfig ? `\`${settings.keyOf(c.oidc)}\`` : o.where("roleArn")})`,
    sts: cloud === "alibaba" ? sts : { tencentRegion: String(o.fields.region ?? "") || TENCENT_STS_REGION },
  });
  const roleName = settings.value(c.roleName);
  const instanceSpec = (name: string | undefined, where: string): SourceSpec =>
    ({ kind: "instanceRole", ...(name ? { roleName: name } : {}), where });
  const profileWanted = settings.value(c.profile);
  const fileWanted = settings.value(c.file);
  const readProfile = () => attempt(fileWanted ? c.file : c.profile, () => (cloud === "alibaba"
    ? readAlibabaProfile({ env, home, profile: profileWanted, file: fileWanted, fileSetting: settings.whereSet(c.file) })
    : readTencentProfile({ env, home, profile: profileWanted, file: fileWanted, fileSetting: settings.whereSet(c.file) })));

  // The base sources the config names: more than one is ambiguous.
  const explicit: { setting: Setting; spec: () => SourceSpec | undefined }[] = [];
  if (keys && c.keys.slice(0, 2).some((s) => settings.inConfig(s))) {
    explicit.push({ setting: c.keys[0], spec: () => keysSpec(keys) });
  }
  if (oidc?.inConfig) explicit.push({ setting: c.oidc, spec: () => oidcSpec(oidc) });
  if (settings.inConfig(c.roleName)) {
    explicit.push({ setting: c.roleName, spec: () => instanceSpec(roleName, `${c.instance}, role ` +
      `"${roleName}" (\`${settings.keyOf(c.roleName)}\`)`) });
  }
  if (settings.inConfig(c.profile) || settings.inConfig(c.file)) {
    explicit.push({ setting: settings.inConfig(c.profile) ? c.profile : c.file, spec: () => {
      const reading = readProfile();
      if (reading && !reading.found) {
        problems.push({ setting: fileWanted ? c.file : c.profile, kind: "broken", message: `${settings.whereSet(c.profile)} names ` +
          `profile "${profileWanted ?? "default"}", which no file holds (looked at ${reading.tried.join(", ")}).` });
      }
      return reading?.found ? profileSpec(cloud, reading.found.credential, reading.found.origin, sts) : undefined;
    } });
  }
  if (explicit.length > 1) {
    // Blamed on the last source named, never on the keys: the engine prints a blamed setting's value.
    return { problems: [{ setting: explicit[explicit.length - 1]!.setting, kind: "broken", message: `${c.name} ` +
      `credentials are configured twice: ${explicit.map((e) => `\`${settings.keyOf(e.setting)}\``).join(" and ")} ` +
      `each name a source. Keep one (an assume-role ` +
      `setting, \`${settings.keyOf(c.assumeRole)}\`, can sit on top of any of them).` }] };
  }

  let base: SourceSpec | undefined;
  let lastResort = false;
  const tried: string[] = [];
  if (explicit.length === 1) {
    base = explicit[0]!.spec();
  } else {
    // The default chain, in the vendors' order.
    tried.push(`keys in ${c.keys.slice(0, 2).map((s) => s.env.map((e) => `$${e}`).join(" / ")).join(" and ")}`);
    if (keys) base = keysSpec(keys);
    if (!base && cloud === "alibaba") {
      tried.push(`OIDC (${Object.values(c.oidc.fieldEnv ?? {}).flat().slice(0, 3).map((e) => `$${e}`).join(", ")})`);
      if (oidc) base = oidcSpec(oidc);
    }
    if (!base) {
      const reading = readProfile();
      tried.push(...(reading?.tried ?? []).map((t) => `profile file ${t}`));
      if (reading?.found) base = profileSpec(cloud, reading.found.credential, reading.found.origin, sts);
    }
    if (!base && cloud === "tencent") {
      tried.push(`TKE pod OIDC (${Object.values(c.oidc.fieldEnv ?? {}).flat().slice(0, 3).map((e) => `$${e}`).join(", ")})`);
      if (oidc) base = oidcSpec(oidc);
    }
    const metadataOff = cloud === "alibaba" && env.ALIBABA_CLOUD_ECS_METADATA_DISABLED === "true";
    if (!base && !metadataOff) {
      base = instanceSpec(roleName, `${c.instance}${roleName ? `, role "${roleName}" (${settings.whereSet(c.roleName)})` : ""}`);
      lastResort = !roleName;
    } else if (!base) {
      tried.push(`${c.instance}: off ($ALIBABA_CLOUD_ECS_METADATA_DISABLED=true)`);
    }
  }
  if (problems.length) return { problems };
  const advice = `Set keys (${c.keys.slice(0, 2).map((s) => settings.whereSet(s)).join("; ")}), a role ` +
    `(\`${settings.keyOf(c.oidc)}\`, \`${settings.keyOf(c.roleName)}\`) or a profile (\`${settings.keyOf(c.profile)}\`).`;
  if (!base) {
    return { problems: [{ setting: c.keys[0], kind: "none",
      message: `No ${c.name} credentials: looked at ${tried.join("; ")}. ${advice}` }] };
  }
  const spec: SourceSpec = assume ? {
    kind: "assumeRole", base, role: roleOf(assume, c.sessionField, c.durationField, c.defaultDuration), sts: cloud === "alibaba"
      ? sts : { tencentRegion: TENCENT_STS_REGION },
    where: `AssumeRole of ${String(assume.fields.roleArn)} (${assume.inConfig ? `\`${settings.keyOf(c.assumeRole)}\``
      : assume.where("roleArn")}) on top of ${base.where}`,
  } : base;
  return { plan: { cloud, spec, lastResort: lastResort && !assume, tried, advice }, problems: [] };
}

/** The declared rules of an object setting's fields, each failure naming the field where it was given. */
function objectProblems(settings: Settings, setting: Setting, value: ObjectSetting): PlanProblem[] {
  const c = new Checker();
  const key = settings.keyOf(setting);
  checkProperties(c, setting.object!.properties, value.fields, key);
  const known = new Set(Object.keys(setting.object!.properties));
  for (const field of Object.keys(value.fields)) {
    if (!known.has(field)) {
      c.fail(`${key}.${field}`, `${key}.${field} is not a field of ${key}; it has ${[...known].join(", ")}.`);
    }
  }
  return c.failures.map((f) => {
    const field = f.property.slice(key.length + 1);
    const fromEnv = value.where(field);
    return { setting, kind: "broken" as const, message: fromEnv.startsWith("$") ? f.reason.replace(f.property, fromEnv) : f.reason };
  });
}

function roleOf(o: ObjectSetting, sessionField: string, durationField: string, defaultDuration: number): RoleRequest {
  const f = o.fields;
  const text = (v: unknown) => (v === undefined || v === null || v === "" ? undefined : String(v));
  return {
    roleArn: String(f.roleArn),
    sessionName: text(f[sessionField]) ?? DEFAULT_SESSION_NAME,
    durationSeconds: Number(text(f[durationField]) ?? defaultDuration),
    ...(text(f.policy) ? { policy: text(f.policy)! } : {}),
    ...(text(f.externalId) ? { externalId: text(f.externalId)! } : {}),
  };
}

/** Alibaba STS's host: `$ALIBABA_CLOUD_STS_REGION`'s (VPC with `$ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true`). */
function alibabaStsHostOf(env: NodeJS.ProcessEnv, region = env.ALIBABA_CLOUD_STS_REGION,
  vpc = env.ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED === "true"): string {
  if (!region) return "sts.aliyuncs.com";
  return vpc ? `sts-vpc.${region}.aliyuncs.com` : `sts.${region}.aliyuncs.com`;
}

/** A profile's credential as a source spec; `origin` (the file and profile) is where it was configured. */
function profileSpec(cloud: Cloud, credential: AlibabaProfileCredential | TencentProfileCredential, origin: string,
  sts: StsPlace): SourceSpec {
  const where = `profile ${origin}`;
  switch (credential.type) {
    case "static": {
      const keys = "accessKeyId" in credential
        ? { keyId: credential.accessKeyId, secret: credential.accessKeySecret }
        : { keyId: credential.secretId, secret: credential.secretKey };
      const token = credential.securityToken;
      return { kind: "keys", keys: token ? { ...keys, securityToken: token } : keys, where };
    }
    case "ramRoleArn":
      return { kind: "assumeRole", base: profileSpec(cloud, credential.base, origin, sts), where,
        role: { roleArn: credential.roleArn, sessionName: credential.roleSessionName ?? DEFAULT_SESSION_NAME,
          durationSeconds: credential.durationSeconds ?? 3600,
          ...(credential.policy ? { policy: credential.policy } : {}),
          ...(credential.externalId ? { externalId: credential.externalId } : {}) },
        sts: credential.stsRegion ? { alibabaHost: alibabaStsHostOf({}, credential.stsRegion, credential.enableVpc) } : sts };
    case "assumeRole":
      return { kind: "assumeRole", base: profileSpec(cloud, credential.base, origin, sts), where,
        role: { roleArn: credential.roleArn, sessionName: credential.roleSessionName ?? DEFAULT_SESSION_NAME,
          durationSeconds: 7200 }, sts: { tencentRegion: TENCENT_STS_REGION } };
    case "ecsRamRole":
      return { kind: "instanceRole", ...(credential.roleName ? { roleName: credential.roleName } : {}), where };
    case "oidc":
      return { kind: "oidc", provider: credential.oidcProviderArn, tokenFile: credential.oidcTokenFile,
        tokenSetting: `oidc_token_file of ${where}`, where,
        role: { roleArn: credential.roleArn, sessionName: credential.roleSessionName ?? DEFAULT_SESSION_NAME,
          durationSeconds: credential.durationSeconds ?? 3600, ...(credential.policy ? { policy: credential.policy } : {}) },
        sts: credential.stsRegion ? { alibabaHost: alibabaStsHostOf({}, credential.stsRegion, credential.enableVpc) } : sts };
  }
}
