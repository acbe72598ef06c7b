/**
 * Alibaba Cloud STS (API version 2015-04-01) at `sts.aliyuncs.com`, `sts.<region>.aliyuncs.com` and
 * `sts-vpc.<region>.aliyuncs.com`: `AssumeRole`, signed like every RPC call (its base key may itself be an STS key
 * with its SecurityToken), and `AssumeRoleWithOIDC`, anonymous, that trusts a JWT from a registered OIDC provider.
 *
 * Parameters and answers as the API reference and credentials-go/credentials-nodejs show them (research notes, §1.3):
 * `{ RequestId, AssumedRoleUser: { Arn, AssumedRoleId }, Credentials: { AccessKeyId, AccessKeySecret,
 * SecurityToken, Expiration } }`, Expiration `YYYY-MM-DDThh:mm:ssZ`. Errors are the RPC error document, with the
 * codes, statuses and messages of the STS API reference's error tables (AssumeRole: `InvalidParameter.RoleArn`,
 * `.RoleSessionName`, `.DurationSeconds`, `.PolicyGrammar`, all 400; AssumeRoleWithSAML, the sibling of
 * AssumeRoleWithOIDC: `MissingParameter.<Name>` 400 "Parameter <Name> is required.", and its token failures 401
 * `AuthenticationFail.*`, which the OIDC refusals below follow).
 */
import { randomInt } from "node:crypto";
import { rpcTimestamp } from "../../provider/clients/alibaba/rpc-sign";
import { RpcFailure, RpcVerifier } from "../mps/auth";
import { isAcs3, MpsReply, MpsRequest, rpcError, rpcJson, rpcParams } from "../mps/routes";
import { DEFAULT_ALIBABA_OIDC_PROVIDER_ARN, JwtFailure, OidcProvider, verifyJwt } from "./jwt";
import { IssueSource, TemporaryKeys } from "./temporary-keys";

const STS_HOST = /^sts(?:-vpc)?(?:\.[a-z0-9-]+)?\.aliyuncs\.com$/;
/** The one version STS answers (the API reference; what every credentials SDK sends). */
const STS_API_VERSION = "2015-04-01";
const ROLE_ARN = /^acs:ram::(\d+):role\/([\w.@+=,-]{1,64})$/i;
const OIDC_PROVIDER_ARN = /^acs:ram::\d+:oidc-provider\/[\w.-]{1,128}$/;
/** RoleSessionName: 2–64 characters, letters, digits and `. @ - _` (AssumeRole API reference). */
const SESSION_NAME = /^[\w.@-]{2,64}$/;
/** DurationSeconds: at least 15 minutes, at most the role's maximum session (up to 12 hours); default one hour. */
const MIN_DURATION = 900;
const MAX_DURATION = 43_200;
const DEFAULT_DURATION = 3600;

export function matchesAlibabaStsHost(host: string): boolean {
  return STS_HOST.test(host);
}

/**
 * How AssumeRoleWithOIDC refuses a token: codes and messages as STS answers them, quoted in Alibaba's ACK RRSA guide
 * ("Use RRSA to authorize pods", its table of SDK errors: `AuthenticationFail.OIDCToken.Expired` "This JsonWebToken
 * is expired.", `.AudienceNotMatch` "Invalid audience.", `.IssuerNotMatch`); any other defect is
 * `AuthenticationFail.OIDCToken.Invalid`, the code the credentials SDKs' own tests expect for a bad token.
 */
function oidcTokenRefusal(failure: JwtFailure, detail: string): RpcFailure {
  switch (failure) {
    case "expired":
      return { status: 401, code: "AuthenticationFail.OIDCToken.Expired", message: "This JsonWebToken is expired." };
    case "audience":
      return { status: 401, code: "AuthenticationFail.OIDCToken.AudienceNotMatch", message: "Invalid audience." };
    case "issuer":
      return { status: 401, code: "AuthenticationFail.OIDCToken.IssuerNotMatch",
        message: "The issuer in the OIDC Token doesn't match the OIDC Provider registered." };
    default:
      return { status: 401, code: "AuthenticationFail.OIDCToken.Invalid", message: `The OIDC token is invalid: ${detail}` };
  }
}

/** Thrown by the checks below; answered as the error document. */
class StsRefusal extends Error {
  constructor(readonly failure: RpcFailure) {
    super(failure.message);
  }
}

function refuse(status: number, code: string, message: string): never {
  throw new StsRefusal({ status, code, message });
}

export interface AlibabaStsOptions {
  keys: TemporaryKeys;
  /** Checks AssumeRole's signature (a verifier of its own: nonces are per product). */
  verifier: RpcVerifier;
  oidc: readonly OidcProvider[];
  now: () => number;
}

export class AlibabaSts {
  constructor(private readonly parts: AlibabaStsOptions) {}

  handle(req: MpsRequest): MpsReply {
    try {
      return rpcJson({ RequestId: req.requestId, ...this.answer(req) });
    } catch (e) {
      if (e instanceof StsRefusal) return rpcError("Sts", e.failure, req.requestId, req.host);
      throw e;
    }
  }

  private answer(req: MpsRequest): Record<string, unknown> {
    const params = rpcParams(req);
    const action = params.Action ?? "";
    if (action === "AssumeRole") {
      const refused = isAcs3(req) ? this.parts.verifier.verifyAcs3(req) : this.parts.verifier.verify(req.method, params);
      if (refused) throw new StsRefusal(refused);
    }
    if (params.Version !== STS_API_VERSION) {
      refuse(400, "InvalidVersion", `Specified parameter Version "${params.Version ?? ""}" is not valid.`);
    }
    if (action === "AssumeRole") return this.assume(params, "AssumeRole");
    if (action === "AssumeRoleWithOIDC") {
      const token = this.verifiedOidcToken(params);
      return { ...this.assume(params, "AssumeRoleWithOIDC"), OIDCTokenInfo: token };
    }
    return refuse(404, "InvalidAction.NotFound", `Specified api "${action}" is not found.`);
  }

  /** The provider named by OIDCProviderArn, and the token verified against it. */
  private verifiedOidcToken(params: Record<string, string>): Record<string, unknown> {
    const arn = required(params, "OIDCProviderArn");
    if (!OIDC_PROVIDER_ARN.test(arn)) {
      refuse(400, "InvalidParameter.OIDCProviderArn", "The parameter OIDCProviderArn is wrongly formed.");
    }
    const provider = this.parts.oidc.find((p) => (p.alibabaProviderArn ?? DEFAULT_ALIBABA_OIDC_PROVIDER_ARN) === arn);
    if (!provider) refuse(401, "AuthenticationFail.NoPermission", "No such OIDC Provider registered.");
    const result = verifyJwt(required(params, "OIDCToken"), provider, Math.floor(this.parts.now() / 1000));
    if (result.failure) throw new StsRefusal(oidcTokenRefusal(result.failure, result.detail));
    return { Subject: result.claims.sub, Issuer: result.claims.iss, ClientIds: provider.audience };
  }

  private assume(params: Record<string, string>, source: IssueSource): Record<string, unknown> {
    const roleArn = required(params, "RoleArn");
    const role = ROLE_ARN.exec(roleArn);
    if (!role) refuse(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed.");
    const session = required(params, "RoleSessionName");
    if (!SESSION_NAME.test(session)) {
      refuse(400, "InvalidParameter.RoleSessionName", "The parameter RoleSessionName is wrongly formed.");
    }
    if (params.Policy !== undefined && !isJsonObject(params.Policy)) {
      refuse(400, "InvalidParameter.PolicyGrammar", "The parameter Policy has not passed grammar check.");
    }
    const key = this.parts.keys.issue({ cloud: "alibaba", source, lifetimeSeconds: duration(params.DurationSeconds),
      roleArn });
    const [, account, roleName] = role;
    const roleId = String(randomInt(1e11, 1e12)) + String(randomInt(1e6, 1e7));
    return {
      AssumedRoleUser: { Arn: `acs:ram::${account}:assumed-role/${roleName}/${session}`,
        AssumedRoleId: `${roleId}:${session}` },
      Credentials: { AccessKeyId: key.keyId, AccessKeySecret: key.secret, SecurityToken: key.token,
        Expiration: rpcTimestamp(key.expiresAt) },
    };
  }
}

/** A mandatory parameter, refused as STS does (`MissingParameter.<Name>`). */
function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (!value) refuse(400, `MissingParameter.${name}`, `Parameter ${name} is required.`);
  return value;
}

function duration(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_DURATION;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < MIN_DURATION || seconds > MAX_DURATION) {
    refuse(400, "InvalidParameter.DurationSeconds", "The DurationSeconds is invalid.");
  }
  return seconds;
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
