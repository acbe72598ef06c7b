/**
 * Tencent Cloud STS (API 3.0, version 2018-08-13) at `sts.tencentcloudapi.com` (and `sts.<region>.tencentcloudapi.com`):
 * `AssumeRole`, TC3-signed (its base key may be temporary, with `X-TC-Token`), and `AssumeRoleWithWebIdentity`,
 * unsigned (`Authorization: SKIP`: the doc says it needs neither Authorization nor X-TC-Token), that trusts a JWT from
 * a registered provider.
 *
 * Every answer is HTTP 200 with `{"Response": …}`: `Credentials: { Token, TmpSecretId, TmpSecretKey }, ExpiredTime`
 * (unix seconds), `Expiration` (ISO 8601), `RequestId`; or `Error: { Code, Message }`. Product codes are those of
 * tencentcloud-sdk-go `tencentcloud/sts/v20180813/errors.go` (InvalidParameter.ParamError, .OverTimeError,
 * .WebIdentityTokenError, .StrategyFormatError); the rest are API 3.0 common errors (MissingParameter, InvalidAction,
 * NoSuchVersion, AuthFailure.*).
 */
import { rpcTimestamp } from "../../provider/clients/alibaba/rpc-sign";
import { DEFAULT_TENCENT_OIDC_PROVIDER_ID, OidcProvider, verifyJwt } from "./jwt";
import { ApiError, Tc3Received, verifyTc3 } from "./tc3-verify";
import { IssueSource, SigningKeys, TemporaryKeys } from "./temporary-keys";

const STS_HOST = /^sts(?:\.[a-z0-9-]+)?\.tencentcloudapi\.com$/;
const STS_API_VERSION = "2018-08-13";
/** `qcs::cam::uin/<uin>:roleName/<name>` (or `:role/<id>`), as the AssumeRole reference shows it. */
const ROLE_ARN = /^qcs::cam::uin\/\d+:(?:roleName|role)\/[\w+=,.@-]{1,128}$/;
/** RoleSessionName: 2–128 characters of `[\w+=,.@-]` (AssumeRole reference; terraform's validation). */
const SESSION_NAME = /^[\w+=,.@-]{2,128}$/;
const DEFAULT_DURATION = 7200;
const MAX_DURATION = 43_200;

export function matchesTencentStsHost(host: string): boolean {
  return STS_HOST.test(host);
}

export type TencentStsRequest = Tc3Received & { requestId: string };

export interface TencentStsReply {
  status: number;
  body: string;
  contentType: string;
}

export interface TencentStsOptions {
  keys: TemporaryKeys;
  /** What signs AssumeRole: the long-term SecretIds and the temporary ones. */
  signingKeys: SigningKeys;
  oidc: readonly OidcProvider[];
  now: () => number;
}

class ApiRefusal extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

function refuse(code: string, message: string): never {
  throw new ApiRefusal({ code, message });
}

export class TencentSts {
  constructor(private readonly parts: TencentStsOptions) {}

  handle(req: TencentStsRequest): TencentStsReply {
    try {
      return reply({ ...this.answer(req), RequestId: req.requestId });
    } catch (e) {
      if (e instanceof ApiRefusal) {
        return reply({ Error: { Code: e.error.code, Message: e.error.message }, RequestId: req.requestId });
      }
      throw e;
    }
  }

  private answer(req: TencentStsRequest): Record<string, unknown> {
    const action = String(req.headers["x-tc-action"] ?? "");
    if (action === "AssumeRole") {
      const refused = verifyTc3(req, this.parts.signingKeys, Math.floor(this.parts.now() / 1000));
      if (refused) throw new ApiRefusal(refused);
    }
    const version = String(req.headers["x-tc-version"] ?? "");
    if (version !== STS_API_VERSION) refuse("NoSuchVersion", `The API version "${version}" does not exist.`);
    const params = jsonBody(req.body);
    if (action === "AssumeRole") return this.assume(params, "AssumeRole");
    if (action === "AssumeRoleWithWebIdentity") {
      this.verifyWebIdentity(params);
      return this.assume(params, "AssumeRoleWithWebIdentity");
    }
    return refuse("InvalidAction", `The action "${action}" does not exist.`);
  }

  private verifyWebIdentity(params: Record<string, unknown>): void {
    const providerId = required(params, "ProviderId");
    const provider = this.parts.oidc.find((p) => (p.tencentProviderId ?? DEFAULT_TENCENT_OIDC_PROVIDER_ID) === providerId);
    if (!provider) refuse("InvalidParameter.ParamError", `The identity provider "${providerId}" is not registered.`);
    const result = verifyJwt(required(params, "WebIdentityToken"), provider, Math.floor(this.parts.now() / 1000));
    if (result.failure) refuse("InvalidParameter.WebIdentityTokenError", `WebIdentityToken is invalid: ${result.detail}`);
  }

  private assume(params: Record<string, unknown>, source: IssueSource): Record<string, unknown> {
    const roleArn = required(params, "RoleArn");
    if (!ROLE_ARN.test(roleArn)) {
      refuse("InvalidParameter.ParamError", "RoleArn must be qcs::cam::uin/<uin>:roleName/<name>.");
    }
    if (!SESSION_NAME.test(required(params, "RoleSessionName"))) {
      refuse("InvalidParameter.ParamError", "RoleSessionName must be 2 to 128 characters of letters, digits and +=,.@-_.");
    }
    if (params.Policy !== undefined && !isUrlEncodedPolicy(params.Policy)) {
      refuse("InvalidParameter.StrategyFormatError", "Policy is not a URL-encoded JSON policy.");
    }
    const key = this.parts.keys.issue({ cloud: "tencent", source, lifetimeSeconds: duration(params.DurationSeconds),
      roleArn });
    return {
      Credentials: { Token: key.token, TmpSecretId: key.keyId, TmpSecretKey: key.secret },
      ExpiredTime: key.expiresAt / 1000,
      Expiration: rpcTimestamp(key.expiresAt),
    };
  }
}

function reply(response: Record<string, unknown>): TencentStsReply {
  return { status: 200, body: JSON.stringify({ Response: response }), contentType: "application/json" };
}

function jsonBody(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body || "{}");
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  return refuse("InvalidParameter", "The request body is not a JSON object.");
}

function required(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  if (typeof value !== "string" || !value) refuse("MissingParameter", `The request is missing a required parameter ${name}.`);
  return value;
}

function duration(value: unknown): number {
  if (value === undefined || value === 0) return DEFAULT_DURATION;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    refuse("InvalidParameterValue", "DurationSeconds must be a whole number of seconds.");
  }
  if (value > MAX_DURATION) refuse("InvalidParameter.OverTimeError", `DurationSeconds exceeds ${MAX_DURATION}.`);
  return value;
}

function isUrlEncodedPolicy(value: unknown): boolean {
  try {
    return typeof value === "string" && typeof JSON.parse(decodeURIComponent(value)) === "object";
  } catch {
    return false;
  }
}
