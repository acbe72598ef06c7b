/**
 * The STS credential sources of both clouds: a role assumed with base credentials (AssumeRole), or with an OIDC
 * token read from a file (Alibaba AssumeRoleWithOIDC, Tencent AssumeRoleWithWebIdentity; the token file is read at
 * every renewal, as the vendors' libraries do, because the CI system or the kubelet rotates it). Wire facts:
 * Alibaba STS 2015-04-01 at sts.aliyuncs.com (RPC, signature v1; AssumeRoleWithOIDC anonymous), Tencent STS
 * 2018-08-13 at sts.tencentcloudapi.com (API 3.0, TC3; AssumeRoleWithWebIdentity unsigned) — see
 * aliyun/credentials-go providers/ram_role_arn.go and oidc.go, tencentcloud-sdk-nodejs common/credential.js.
 */
import { readFileSync } from "node:fs";
import { RpcClient } from "../clients/alibaba/mps-client";
import { Api3Client } from "../clients/tencent/api3-client";
import type { Credentials } from "../config/settings";
import { ConfigurationError, InvalidResponseError } from "../errors";
import type { ClientOptions } from "../http/pipeline";
import type { IssuedCredentials } from "./renewing";

export const ALIBABA_STS_VERSION = "2015-04-01";
export const TENCENT_STS_VERSION = "2018-08-13";
/** What a session is named when the config names none (the vendors' libraries use their own names the same way). */
export const DEFAULT_SESSION_NAME = "pulumi-mediajobs";
/** The region Tencent's SDKs call STS in when none is given. */
export const TENCENT_STS_REGION = "ap-guangzhou";

/** How STS is reached: the transport and the cloud's endpoint override (STS goes where MPS or CI requests go). */
export type StsConnection = Omit<ClientOptions, "credentials" | "limiter">;

/** A role request's parameters, in the config's terms. */
export interface RoleRequest {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  policy?: string;
  externalId?: string;
}

function alibabaSts(connection: StsConnection, host: string, credentials: () => Promise<Credentials> | Credentials):
  RpcClient {
  return new RpcClient({ canonicalHost: host, version: ALIBABA_STS_VERSION, service: "sts",
    settingName: "The MPS endpoint override (mediajobs:mpsEndpoint / MEDIAJOBS_MPS_ENDPOINT), which STS requests go " +
      "through too", document: "an STS document" }, { ...connection, credentials });
}

function tencentSts(connection: StsConnection, credentials: () => Promise<Credentials> | Credentials): Api3Client {
  return new Api3Client({ canonicalHost: "sts.tencentcloudapi.com", serviceName: "sts", version: TENCENT_STS_VERSION,
    service: "tencent-sts", settingName: "The CI endpoint override (mediajobs:ciEndpoint / MEDIAJOBS_CI_ENDPOINT), " +
      "which STS requests go through too" }, { ...connection, credentials });
}

/** No credentials: the anonymous calls' pipeline still asks for some, and signs nothing with them. */
const NONE: Credentials = { keyId: "", secret: "" };

/** Alibaba AssumeRole with the base source's credentials. */
export async function alibabaAssumeRole(connection: StsConnection, host: string,
  base: () => Promise<Credentials>, role: RoleRequest): Promise<IssuedCredentials> {
  const body = await alibabaSts(connection, host, base).call("AssumeRole", {
    RoleArn: role.roleArn, RoleSessionName: role.sessionName, DurationSeconds: String(role.durationSeconds),
    Policy: role.policy, ExternalId: role.externalId,
  }, { idempotent: true });
  return alibabaCredentialsOf("AssumeRole", body);
}

/** Alibaba AssumeRoleWithOIDC: the token file read now, the call anonymous (the token authorizes it). */
export async function alibabaAssumeRoleWithOidc(connection: StsConnection, host: string,
  oidc: RoleRequest & { oidcProviderArn: string; tokenFile: string; tokenSetting: string }): Promise<IssuedCredentials> {
  const token = readToken(oidc.tokenFile, oidc.tokenSetting);
  const body = await alibabaSts(connection, host, () => NONE).call("AssumeRoleWithOIDC", {
    OIDCProviderArn: oidc.oidcProviderArn, OIDCToken: token, RoleArn: oidc.roleArn,
    RoleSessionName: oidc.sessionName, DurationSeconds: String(oidc.durationSeconds), Policy: oidc.policy,
  }, { idempotent: true, anonymous: true });
  return alibabaCredentialsOf("AssumeRoleWithOIDC", body);
}

/** Tencent AssumeRole with the base source's credentials (TC3-signed). */
export async function tencentAssumeRole(connection: StsConnection, region: string,
  base: () => Promise<Credentials>, role: RoleRequest): Promise<IssuedCredentials> {
  const body = await tencentSts(connection, base).call("AssumeRole", region, {
    RoleArn: role.roleArn, RoleSessionName: role.sessionName, DurationSeconds: role.durationSeconds,
    ...(role.policy ? { Policy: encodeURIComponent(role.policy) } : {}),
    ...(role.externalId ? { ExternalId: role.externalId } : {}),
  }, { idempotent: true });
  return tencentCredentialsOf("AssumeRole", body);
}

/** Tencent AssumeRoleWithWebIdentity: the token file read now, the call unsigned. */
export async function tencentAssumeRoleWithWebIdentity(connection: StsConnection, region: string,
  oidc: RoleRequest & { providerId: string; tokenFile: string; tokenSetting: string }): Promise<IssuedCredentials> {
  const token = readToken(oidc.tokenFile, oidc.tokenSetting);
  const body = await tencentSts(connection, () => NONE).call("AssumeRoleWithWebIdentity", region, {
    ProviderId: oidc.providerId, WebIdentityToken: token, RoleArn: oidc.roleArn, RoleSessionName: oidc.sessionName,
    DurationSeconds: oidc.durationSeconds,
  }, { idempotent: true, unsigned: true });
  return tencentCredentialsOf("AssumeRoleWithWebIdentity", body);
}

/** The token in an OIDC token file (trimmed: files written by `echo` end with a newline). */
export function readToken(file: string, setting: string): string {
  let token: string;
  try {
    token = readFileSync(file, "utf8").trim();
  } catch (e) {
    throw new ConfigurationError(`${setting} names "${file}", which cannot be read: ${(e as Error).message}.`);
  }
  if (!token) throw new ConfigurationError(`${setting} names "${file}", which is empty: it must hold the OIDC token.`);
  return token;
}

/** `Credentials.{AccessKeyId, AccessKeySecret, SecurityToken, Expiration}` of an Alibaba STS answer. */
function alibabaCredentialsOf(action: string, body: Record<string, unknown>): IssuedCredentials {
  const c = body.Credentials as Record<string, unknown> | undefined;
  return issued("sts", action, c?.AccessKeyId, c?.AccessKeySecret, c?.SecurityToken, Date.parse(String(c?.Expiration)));
}

/** `Credentials.{TmpSecretId, TmpSecretKey, Token}` and `ExpiredTime` (unix s) of a Tencent STS answer. */
function tencentCredentialsOf(action: string, body: Record<string, unknown>): IssuedCredentials {
  const c = body.Credentials as Record<string, unknown> | undefined;
  const expiredTime = typeof body.ExpiredTime === "number" ? body.ExpiredTime * 1000 : Date.parse(String(body.Expiration));
  return issued("tencent-sts", action, c?.TmpSecretId, c?.TmpSecretKey, c?.Token, expiredTime);
}

/** Temporary credentials, or the error of an answer that lacks a part of them (never naming a value). */
export function issued(service: "sts" | "tencent-sts", action: string, keyId: unknown, secret: unknown, token: unknown,
  expiresAt: number): IssuedCredentials {
  if (typeof keyId !== "string" || !keyId || typeof secret !== "string" || !secret || typeof token !== "string" ||
    !token || !Number.isFinite(expiresAt)) {
    throw new InvalidResponseError({ service, action, status: 200, retryable: false,
      problem: "the answer lacks the temporary key id, secret, token or expiry time" });
  }
  return { keyId, secret, securityToken: token, expiresAt };
}
