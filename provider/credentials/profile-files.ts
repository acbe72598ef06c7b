/**
 * The vendors' shared credential files, found and read as their SDKs do (issue 24): the aliyun CLI's
 * `~/.aliyun/config.json` and the SDKs' `~/.alibabacloud/credentials` for Alibaba Cloud, `~/.tencentcloud/credentials`
 * for Tencent Cloud. Pure readers: they read files and describe the profile they find; fetching keys for a role
 * (STS, instance metadata) is the caller's.
 *
 * When "nothing here" is an answer and when it is an error:
 * - a file at its default place that is absent, or that lacks the profile, is skipped (`tried` says why): a machine
 *   with no files, or with only other profiles, resolves nothing and the caller moves on;
 * - a file the user named (the `file` argument, or the vendor's variable: `ALIBABA_CLOUD_CONFIG_FILE`,
 *   `ALIBABA_CLOUD_CREDENTIALS_FILE`, `TENCENTCLOUD_CREDENTIALS_FILE`) must exist and hold the profile: a typo in a
 *   path or a profile name should not fall through silently to another source;
 * - a profile that is there but unusable (a malformed file, a missing key, a mode we do not support) is an error.
 * Messages name files, profiles and keys, never a value read from a file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decode } from "ini";
import { ConfigurationError } from "../errors";
import type {
  AlibabaProfileCredential, AlibabaRamRoleArnCredential, AlibabaStaticCredential, TencentProfileCredential,
  TencentStaticCredential,
} from "./profile-credentials";

export type {
  AlibabaEcsRamRoleCredential, AlibabaOidcCredential, AlibabaProfileCredential, AlibabaRamRoleArnCredential,
  AlibabaStaticCredential, TencentAssumeRoleCredential, TencentProfileCredential, TencentStaticCredential,
} from "./profile-credentials";

/** What a reader found, and every file it looked at, with the outcome, for messages. */
export interface ProfileReading<C> {
  /** `origin` is `<path> [profile <name>]`; undefined when no file held the profile. */
  found: { origin: string; credential: C } | undefined;
  /** E.g. `/home/u/.aliyun/config.json (absent)`, `/home/u/.alibabacloud/credentials (no profile "x")`. */
  tried: readonly string[];
}

/** Where a reader looks: the environment and home directory are passed in, never read from the process. */
export interface ProfileFileOptions {
  /** The environment, passed in: the vendors' variables are read from it, never from `process.env`. */
  env: Readonly<Record<string, string | undefined>>;
  /** The home directory the default files are under (`os.homedir()` in production). */
  home: string;
  /** The profile our config names; else the vendor's variable, else the vendor's default. */
  profile?: string;
  /** The one file to read, from our config; it must exist. */
  file?: string;
  /** How messages name the setting `file` came from (default "the sharedCredentialsFile setting"). */
  fileSetting?: string;
}

/** {@link ProfileFileOptions}, and the system-wide file Tencent's SDKs fall back to. */
export interface TencentProfileFileOptions extends ProfileFileOptions {
  /** The system-wide file read when the home one does not exist; a parameter so that tests never read /etc. */
  systemFile?: string;
}

/** Where Tencent's Node and Python SDKs look when `~/.tencentcloud/credentials` does not exist. */
export const TENCENT_SYSTEM_CREDENTIALS_FILE = "/etc/tencentcloud/credentials";

const ALIBABA_CLI_MODES = ["AK", "StsToken", "RamRoleArn", "EcsRamRole", "OIDC", "ChainableRamRoleArn"];
const ALIBABA_INI_TYPES = ["access_key", "ecs_ram_role", "ram_role_arn", "oidc_role_arn"];

type Entries = Record<string, unknown>;
type Found<C> = ProfileReading<C>["found"];

/** A file to read; `namedBy` says who named it when the user did (then it must exist and hold the profile). */
interface Candidate {
  path: string;
  namedBy?: string;
  /** Named by our config (`file`): read even with ALIBABA_CLOUD_CLI_PROFILE_DISABLED set. */
  ours?: boolean;
}

/** A profile in a file, for messages. */
interface At {
  file: string;
  profile: string;
  /** "mode" (config.json) or "type" (INI): what selects the kind of credential. */
  kind: string;
  /** The aliyun CLI config found by the vendors' rules, which ALIBABA_CLOUD_CLI_PROFILE_DISABLED skips. */
  skippable?: boolean;
}

/**
 * The Alibaba Cloud profile, from the files of the vendors' default chain in its order: the aliyun CLI's
 * `config.json`, then the SDKs' `credentials` INI file. Profile: `profile`, else `$ALIBABA_CLOUD_PROFILE`, else the
 * CLI file's `current` and the INI file's `default`. With `file`, only that file is read (even with CLI profiles
 * disabled), as JSON when it starts with `{`, else as INI. A caller given a profile explicitly should treat
 * `found: undefined` as an error, quoting `tried`.
 */
export function readAlibabaProfile(options: ProfileFileOptions): ProfileReading<AlibabaProfileCredential> {
  const { env, home } = options;
  const wanted = options.profile || env.ALIBABA_CLOUD_PROFILE || undefined;
  const tried: string[] = [];
  if (options.file) {
    const file = ourFile(options);
    const text = readText(file, tried);
    const json = text?.trimStart().startsWith("{");
    const found = text === undefined ? undefined
      : json ? fromCliConfig(file, text, wanted, tried) : fromCredentialsIni(file, text, wanted, tried);
    return { found, tried };
  }
  const cli = candidate(env, "ALIBABA_CLOUD_CONFIG_FILE", join(home, ".aliyun", "config.json"));
  if (env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED?.toLowerCase() === "true") {
    tried.push(`${cli.path} (skipped: ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true)`);
  } else {
    const text = readText(cli, tried);
    const found = text === undefined ? undefined : fromCliConfig(cli, text, wanted, tried);
    if (found) return { found, tried };
  }
  const ini = candidate(env, "ALIBABA_CLOUD_CREDENTIALS_FILE", join(home, ".alibabacloud", "credentials"));
  const text = readText(ini, tried);
  return { found: text === undefined ? undefined : fromCredentialsIni(ini, text, wanted, tried), tried };
}

/**
 * The Tencent Cloud profile: the `file` argument, else `$TENCENTCLOUD_CREDENTIALS_FILE` (the Go SDK's), else
 * `~/.tencentcloud/credentials`, else — only when that does not exist, as the Node and Python SDKs do — the system
 * file. Section: `profile`, else `$TENCENTCLOUD_PROFILE`, else `default`.
 */
export function readTencentProfile(options: TencentProfileFileOptions): ProfileReading<TencentProfileCredential> {
  const { env } = options;
  const wanted = options.profile || env.TENCENTCLOUD_PROFILE || "default";
  const tried: string[] = [];
  const user = candidate(env, "TENCENTCLOUD_CREDENTIALS_FILE", join(options.home, ".tencentcloud", "credentials"));
  const files = options.file ? [ourFile(options)]
    : user.namedBy ? [user] : [user, { path: options.systemFile ?? TENCENT_SYSTEM_CREDENTIALS_FILE }];
  for (const file of files) {
    const text = readText(file, tried);
    if (text !== undefined) return { found: fromTencentIni(file, text, wanted, tried), tried };
  }
  return { found: undefined, tried };
}

/** The file our config names. */
function ourFile(options: ProfileFileOptions): Candidate {
  return { path: options.file!, namedBy: options.fileSetting ?? "the sharedCredentialsFile setting", ours: true };
}

/** The file the vendor's variable names, else the one at its default place. */
function candidate(env: ProfileFileOptions["env"], variable: string, fallback: string): Candidate {
  const named = env[variable];
  return named ? { path: named, namedBy: `$${variable}` } : { path: fallback };
}

/** The file's text; undefined (and noted) when a default-place file does not exist. */
function readText(file: Candidate, tried: string[]): string | undefined {
  try {
    return readFileSync(file.path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "unknown error";
    const absent = code === "ENOENT" || code === "ENOTDIR";
    if (absent && !file.namedBy) {
      tried.push(`${file.path} (absent)`);
      return undefined;
    }
    const what = file.namedBy ? `${file.namedBy} names "${file.path}", which` : `The credentials file ${file.path}`;
    throw new ConfigurationError(absent ? `${what} does not exist.` : `${what} cannot be read (${code}).`);
  }
}

/** No such profile in the file: skipped and noted, unless the user named the file. */
function noProfile(file: Candidate, note: string, tried: string[]): undefined {
  if (file.namedBy) {
    throw new ConfigurationError(`${file.namedBy} names "${file.path}", which has ${note}: name a profile it holds.`);
  }
  tried.push(`${file.path} (${note})`);
  return undefined;
}

function foundIn<C>(file: Candidate, profile: string, credential: C, tried: string[]): Found<C> {
  tried.push(`${file.path} (profile "${profile}")`);
  return { origin: `${file.path} [profile ${profile}]`, credential };
}

/** The aliyun CLI's config: `{ current, profiles: [{ name, mode, … }] }`. */
function fromCliConfig(file: Candidate, text: string, wanted: string | undefined, tried: string[]):
  Found<AlibabaProfileCredential> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    // The parser's message quotes the text around the fault, which may be a secret: only its position is kept.
    const position = /position (\d+)/.exec((e as Error).message);
    const line = position ? ` (line ${text.slice(0, Number(position[1])).split("\n").length})` : "";
    throw new ConfigurationError(`The aliyun CLI config ${file.path} is not valid JSON${line}.`);
  }
  const list = isEntries(doc) ? doc.profiles : undefined;
  if (!isEntries(doc) || !Array.isArray(list)) {
    throw new ConfigurationError(`The aliyun CLI config ${file.path} has no "profiles" list.`);
  }
  const profiles = new Map<string, Entries>();
  for (const p of list) {
    if (isEntries(p) && typeof p.name === "string" && !profiles.has(p.name)) profiles.set(p.name, p);
  }
  const name = wanted ?? (typeof doc.current === "string" && doc.current ? doc.current : undefined);
  if (name === undefined) return noProfile(file, 'no "current" profile', tried);
  if (!profiles.has(name)) return noProfile(file, `no profile "${name}"`, tried);
  return foundIn(file, name, cliCredential(file, profiles, name, []), tried);
}

/** One CLI profile; `chain` is the ChainableRamRoleArn profiles that led here, to refuse a cycle. */
function cliCredential(file: Candidate, profiles: Map<string, Entries>, name: string, chain: readonly string[]):
  AlibabaProfileCredential {
  const p = profiles.get(name)!;
  const path = file.path;
  const at: At = { file: path, profile: name, kind: "mode", skippable: !file.ours };
  const mode = required(p, "mode", at);
  const role = (base: AlibabaProfileCredential): AlibabaRamRoleArnCredential => compact({
    type: "ramRoleArn", base, roleArn: required(p, "ram_role_arn", at, mode),
    roleSessionName: optional(p, "ram_session_name", at), policy: optional(p, "policy", at),
    externalId: optional(p, "external_id", at), ...stsOptions(p, at) });
  switch (mode) {
    case "AK":
      return staticAlibaba(p, at, mode);
    case "StsToken":
      return { ...staticAlibaba(p, at, mode), securityToken: required(p, "sts_token", at, mode) };
    case "RamRoleArn":
      return role(staticAlibaba(p, at, mode));
    case "EcsRamRole":
      return compact({ type: "ecsRamRole", roleName: optional(p, "ram_role_name", at) });
    case "OIDC":
      return compact({ type: "oidc", roleArn: required(p, "ram_role_arn", at, mode),
        oidcProviderArn: required(p, "oidc_provider_arn", at, mode),
        oidcTokenFile: required(p, "oidc_token_file", at, mode), roleSessionName: optional(p, "ram_session_name", at),
        policy: optional(p, "policy", at), ...stsOptions(p, at) });
    case "ChainableRamRoleArn": {
      const source = required(p, "source_profile", at, mode);
      const seen = [...chain, name];
      if (seen.includes(source)) {
        throw new ConfigurationError(`The aliyun CLI config ${path} has a cycle of ChainableRamRoleArn profiles: ` +
          `${[...seen, source].map((n) => `"${n}"`).join(" → ")}; a chain must end in a profile with keys or a role.`);
      }
      if (!profiles.has(source)) {
        throw new ConfigurationError(`Profile "${name}" of ${path} has source_profile "${source}", which the file ` +
          "does not hold.");
      }
      return role(cliCredential(file, profiles, source, seen));
    }
    default:
      throw unsupported(at, mode, ALIBABA_CLI_MODES);
  }
}

/** The CLI's duration and STS endpoint choices, shared by the role modes. */
function stsOptions(p: Entries, at: At): { durationSeconds?: number; stsRegion?: string; enableVpc?: boolean } {
  const duration = p.expired_seconds;
  // The CLI writes 0 for "not set".
  if (duration !== undefined && duration !== null && duration !== 0 &&
    !(typeof duration === "number" && Number.isInteger(duration) && duration > 0)) {
    throw new ConfigurationError(`Profile "${at.profile}" of ${at.file} has an expired_seconds that is not a ` +
      "whole number of seconds.");
  }
  if (p.enable_vpc !== undefined && typeof p.enable_vpc !== "boolean") {
    throw new ConfigurationError(`Profile "${at.profile}" of ${at.file} has an enable_vpc that is not true or false.`);
  }
  return { durationSeconds: duration ? duration as number : undefined, stsRegion: optional(p, "sts_region", at),
    enableVpc: p.enable_vpc === true ? true : undefined };
}

/**
 * The SDKs' INI file: a section a profile, `type` selecting the kind. `oidc_role_arn` and `enable` are
 * credentials-java's: it reads only sections with `enable = true`; Go and Node ignore the key, so we skip only a
 * section that says `enable = false`.
 */
function fromCredentialsIni(file: Candidate, text: string, wanted: string | undefined, tried: string[]):
  Found<AlibabaProfileCredential> {
  const name = wanted ?? "default";
  const section = iniSection(parseIni(file.path, text), name);
  if (!section) return noProfile(file, `no profile "${name}"`, tried);
  if (section.enable === false) return noProfile(file, `profile "${name}" with enable = false`, tried);
  const at: At = { file: file.path, profile: name, kind: "type" };
  const type = required(section, "type", at);
  switch (type) {
    case "access_key":
      return foundIn(file, name, staticAlibaba(section, at, type), tried);
    case "ecs_ram_role":
      return foundIn(file, name, compact({ type: "ecsRamRole", roleName: optional(section, "role_name", at) }), tried);
    case "ram_role_arn":
      return foundIn(file, name, compact({ type: "ramRoleArn", base: staticAlibaba(section, at, type),
        roleArn: required(section, "role_arn", at, type), roleSessionName: optional(section, "role_session_name", at),
        policy: optional(section, "policy", at) }), tried);
    case "oidc_role_arn":
      return foundIn(file, name, compact({ type: "oidc", roleArn: required(section, "role_arn", at, type),
        oidcProviderArn: required(section, "oidc_provider_arn", at, type),
        oidcTokenFile: required(section, "oidc_token_file_path", at, type),
        roleSessionName: optional(section, "role_session_name", at), policy: optional(section, "policy", at) }), tried);
    default:
      throw unsupported(at, type, ALIBABA_INI_TYPES);
  }
}

function staticAlibaba(p: Entries, at: At, kind: string): AlibabaStaticCredential {
  return { type: "static", accessKeyId: required(p, "access_key_id", at, kind),
    accessKeySecret: required(p, "access_key_secret", at, kind) };
}

/** Tencent's INI file: `secret_id`, `secret_key`, optional `token`, optional `role_arn` to assume. */
function fromTencentIni(file: Candidate, text: string, name: string, tried: string[]):
  Found<TencentProfileCredential> {
  const section = iniSection(parseIni(file.path, text), name);
  if (!section) return noProfile(file, `no profile "${name}"`, tried);
  const at: At = { file: file.path, profile: name, kind: "" };
  const base: TencentStaticCredential = compact({ type: "static", secretId: required(section, "secret_id", at),
    secretKey: required(section, "secret_key", at), securityToken: optional(section, "token", at) });
  const roleArn = optional(section, "role_arn", at);
  return foundIn(file, name, roleArn === undefined ? base
    : compact({ type: "assumeRole", base, roleArn, roleSessionName: optional(section, "role_session_name", at) }),
  tried);
}

/**
 * The `ini` package accepts any text (a line without `=` becomes a key set to true); a credentials file with such a
 * line was mistyped, so it is refused first, naming the line but never quoting it. Values are then read as `ini`
 * reads them (as Tencent's Node SDK does): quotes removed, an unescaped `;` or `#` starting a comment.
 */
function parseIni(path: string, text: string): Entries {
  const lines = text.split(/\r\n|\r|\n/);
  const bad = lines.findIndex((line) => {
    const t = line.trim();
    if (t === "" || t.startsWith(";") || t.startsWith("#")) return false;
    return t.startsWith("[") ? !/^\[[^\]]*\]\s*$/.test(line) : !t.includes("=");
  });
  if (bad >= 0) {
    throw new ConfigurationError(`The credentials file ${path} is not an INI file: line ${bad + 1} is neither a ` +
      "[section], a key = value pair nor a comment.");
  }
  return decode(text) as Entries;
}

/** A section by name; `ini` nests `[a.b]` under `a`, so a dotted name is followed down. */
function iniSection(doc: Entries, name: string): Entries | undefined {
  let node: unknown = doc;
  for (const part of name.split(".")) node = isEntries(node) ? node[part] : undefined;
  return isEntries(node) ? node : undefined;
}

function required(p: Entries, key: string, at: At, kind?: string): string {
  const value = optional(p, key, at);
  if (value === undefined) {
    const needs = kind ? ` (${at.kind} ${kind} needs it)` : "";
    throw new ConfigurationError(`Profile "${at.profile}" of ${at.file} has no ${key}${needs}.`);
  }
  return value;
}

/** A string value; empty counts as absent. INI `true`/`false` come back from `ini` as booleans. */
function optional(p: Entries, key: string, at: At): string | undefined {
  const value = p[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" && typeof value !== "boolean") {
    throw new ConfigurationError(`Profile "${at.profile}" of ${at.file} has a ${key} that is not a single string.`);
  }
  return String(value).trim() || undefined;
}

function unsupported(at: At, kind: string, supported: readonly string[]): ConfigurationError {
  // The aliyun CLI's current profile is read without being asked for: say how to stop that.
  const skip = at.skippable ? ", or skip the aliyun CLI config with ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true" : "";
  return new ConfigurationError(`Profile "${at.profile}" of ${at.file} has ${at.kind} "${kind}", which this provider ` +
    `does not support; supported: ${supported.join(", ")}. Name another profile${skip}.`);
}

function isEntries(v: unknown): v is Entries {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The object without its undefined fields, so that descriptors compare and print cleanly. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
