/**
 * The instance metadata services that give an instance's role credentials: Alibaba ECS (`100.100.100.200`, RAM
 * role, hardened mode with a session token first, as aliyun/credentials-go's ECSRAMRoleCredentialsProvider does) and
 * Tencent CVM (`metadata.tencentyun.com`, CAM role, as tencentcloud-sdk-nodejs's CvmRoleCredential does). Both are
 * plain http on the instance's link-local network; an override (tests, the emulator) must be loopback or https.
 */
import { ConfigurationError, TransportError } from "../errors";
import { parseOverride } from "../http/endpoint";
import type { HttpResponse, Transport } from "../http/transport";
import { issued } from "./sts";
import type { IssuedCredentials } from "./renewing";

export const ECS_METADATA_HOST = "100.100.100.200";
export const CVM_METADATA_HOST = "metadata.tencentyun.com";
/** The vendors give the metadata service one second to connect and answer: off an instance it never answers. */
const METADATA_TIMEOUT_MS = 1_000;
/** Through an override (the emulator) a test machine may be slow: more time. */
const OVERRIDE_TIMEOUT_MS = 10_000;
/** The hardened-mode session token's lifetime asked for (the vendors' value). */
const ECS_TOKEN_TTL_SECONDS = "21600";

export interface MetadataConnection {
  transport: Transport;
  /** The base URL to connect to instead of the service's own (tests); the canonical Host is still sent. */
  override?: string;
  /** Names the override setting in messages. */
  overrideSetting: string;
}

/** Alibaba ECS RAM role credentials; `imdsv1Disabled` refuses to go on without the hardened-mode token. */
export async function ecsRoleCredentials(connection: MetadataConnection, roleName: string | undefined,
  imdsv1Disabled: boolean): Promise<IssuedCredentials> {
  const get = metadataGet(connection, ECS_METADATA_HOST);
  let token: string | undefined;
  try {
    const res = await get("PUT", "/latest/api/token", { "x-aliyun-ecs-metadata-token-ttl-seconds": ECS_TOKEN_TTL_SECONDS });
    if (res.status === 200 && res.body) token = res.body.trim();
    else if (imdsv1Disabled) throw new Error(`the hardened-mode token request answered HTTP ${res.status}`);
  } catch (e) {
    if (imdsv1Disabled || !(e instanceof TransportError)) throw e;
  }
  const headers: Record<string, string> = token ? { "x-aliyun-ecs-metadata-token": token } : {};
  const base = "/latest/meta-data/ram/security-credentials/";
  const role = roleName ?? roleOf(await get("GET", base, headers), "ECS instance", "RAM");
  const res = await get("GET", base + encodeURIComponent(role), headers);
  const doc = documentOf(res, `the RAM role "${role}"`);
  return issued("sts", "ECS metadata", doc.AccessKeyId, doc.AccessKeySecret, doc.SecurityToken,
    Date.parse(String(doc.Expiration)));
}

/** Tencent CVM CAM role credentials. */
export async function cvmRoleCredentials(connection: MetadataConnection, roleName: string | undefined):
  Promise<IssuedCredentials> {
  const get = metadataGet(connection, CVM_METADATA_HOST);
  const base = "/latest/meta-data/cam/security-credentials/";
  const role = roleName ?? roleOf(await get("GET", base, {}), "CVM instance", "CAM");
  const doc = documentOf(await get("GET", base + encodeURIComponent(role), {}), `the CAM role "${role}"`);
  const expiresAt = typeof doc.ExpiredTime === "number" ? doc.ExpiredTime * 1000 : Date.parse(String(doc.Expiration));
  return issued("tencent-sts", "CVM metadata", doc.TmpSecretId, doc.TmpSecretKey, doc.Token, expiresAt);
}

function metadataGet(connection: MetadataConnection, host: string) {
  const origin = connection.override ? parseOverride(connection.override, connection.overrideSetting).origin
    : `http://${host}`;
  const timeoutMs = connection.override ? OVERRIDE_TIMEOUT_MS : METADATA_TIMEOUT_MS;
  return (method: string, path: string, headers: Record<string, string>): Promise<HttpResponse> =>
    connection.transport.send({ origin, method, pathAndQuery: path, headers: { host, ...headers }, timeoutMs });
}

/** The instance's role name, as the listing answers it (404: no role attached). */
function roleOf(res: HttpResponse, instance: string, kind: string): string {
  const name = res.status === 200 ? res.body.trim().split("\n")[0]?.trim() : undefined;
  if (!name) {
    throw new ConfigurationError(`the ${instance}'s metadata service names no ${kind} role (HTTP ${res.status}): ` +
      `attach a role to the instance, or configure another credential source.`);
  }
  return name;
}

/** A credentials document whose `Code` is `Success`, or an error that names the role and never a value. */
function documentOf(res: HttpResponse, role: string): Record<string, unknown> {
  let doc: Record<string, unknown> | undefined;
  try {
    doc = JSON.parse(res.body) as Record<string, unknown>;
  } catch {
    doc = undefined;
  }
  if (res.status !== 200 || !doc || doc.Code !== "Success") {
    throw new ConfigurationError(`the metadata service gave no credentials for ${role} (HTTP ${res.status}` +
      `${doc && typeof doc.Code === "string" ? `, Code ${doc.Code}` : ""}): is the role attached to this instance?`);
  }
  return doc;
}
