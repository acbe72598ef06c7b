/**
 * Verifies the OIDC tokens that AssumeRoleWithOIDC (Alibaba) and AssumeRoleWithWebIdentity (Tencent) take: an RS256
 * JWT, signed by the key the emulator was given, for its issuer and audience, within its validity.
 *
 * node:crypto only, no JWT library: the emulator ships in the published package, and it checks one algorithm
 * against one given key (no key discovery, no JWKS), which is a few lines. Whatever the header says, only RS256
 * is tried: `none` and HS* (the classic confusion of an RSA public key used as an HMAC secret) are refused.
 */
import { createPublicKey, createVerify, KeyObject } from "node:crypto";

/** An identity provider the emulator trusts, as registered with each cloud. */
export interface OidcProvider {
  /** The `iss` claim a token must carry, e.g. `https://token.actions.githubusercontent.com`. */
  issuer: string;
  /** The audience a token's `aud` must be or contain (`sts.aliyuncs.com` for Alibaba RRSA, say). */
  audience: string;
  /** The provider's RSA public key, PEM (SPKI). */
  publicKeyPem: string;
  /** The provider's ARN at Alibaba (`acs:ram::<uid>:oidc-provider/<name>`); default DEFAULT_ALIBABA_OIDC_PROVIDER_ARN. */
  alibabaProviderArn?: string;
  /** Its ProviderId at Tencent; default `OIDC` (terraform-provider-tencentcloud's default provider_id). */
  tencentProviderId?: string;
}

export const DEFAULT_ALIBABA_OIDC_PROVIDER_ARN = "acs:ram::1250000000000000:oidc-provider/mediajobs-emulator";
export const DEFAULT_TENCENT_OIDC_PROVIDER_ID = "OIDC";

/** Why a token is refused; each cloud turns it into its own code. */
export type JwtFailure = "malformed" | "algorithm" | "signature" | "issuer" | "audience" | "expired" | "notYetValid" |
  "subject";

export type JwtResult = { claims: Record<string, unknown>; failure?: undefined } | { failure: JwtFailure; detail: string };

/** Clock skew allowed on `nbf` and `iat`, as verifiers commonly allow (seconds). */
const LEEWAY_SECONDS = 60;

export function verifyJwt(token: string, provider: OidcProvider, nowSeconds: number): JwtResult {
  const parts = token.split(".");
  if (parts.length !== 3) return { failure: "malformed", detail: "A JWT has three dot-separated parts." };
  const header = decodeJson(parts[0]!);
  const claims = decodeJson(parts[1]!);
  if (!header || !claims) return { failure: "malformed", detail: "The JWT header or payload is not base64url JSON." };
  if (header.alg !== "RS256") {
    return { failure: "algorithm", detail: `The JWT algorithm must be RS256, not ${JSON.stringify(header.alg)}.` };
  }
  if (!signatureValid(parts, publicKey(provider.publicKeyPem))) {
    return { failure: "signature", detail: "The JWT signature does not verify with the provider's key." };
  }
  return claimFailure(claims, provider, nowSeconds) ?? { claims };
}

function claimFailure(claims: Record<string, unknown>, provider: OidcProvider, now: number):
  { failure: JwtFailure; detail: string } | undefined {
  if (claims.iss !== provider.issuer) {
    return { failure: "issuer", detail: `The issuer ${JSON.stringify(claims.iss)} is not ${provider.issuer}.` };
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(provider.audience)) {
    return { failure: "audience", detail: `The audience does not include ${provider.audience}.` };
  }
  if (typeof claims.exp !== "number" || claims.exp <= now) {
    return { failure: "expired", detail: "The JWT has expired (exp)." };
  }
  for (const name of ["nbf", "iat"] as const) {
    const at = claims[name];
    if (at !== undefined && (typeof at !== "number" || at > now + LEEWAY_SECONDS)) {
      return { failure: "notYetValid", detail: `The JWT's ${name} is in the future.` };
    }
  }
  if (typeof claims.sub !== "string" || !claims.sub) return { failure: "subject", detail: "The JWT has no sub." };
  return undefined;
}

function signatureValid(parts: string[], key: KeyObject): boolean {
  try {
    return createVerify("RSA-SHA256").update(`${parts[0]}.${parts[1]}`)
      .verify(key, Buffer.from(parts[2]!, "base64url"));
  } catch {
    return false;
  }
}

const keys = new Map<string, KeyObject>();

/** The parsed key, made once per PEM. */
function publicKey(pem: string): KeyObject {
  let key = keys.get(pem);
  if (!key) keys.set(pem, key = createPublicKey(pem));
  return key;
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}
