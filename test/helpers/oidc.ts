/**
 * An identity provider for tests of STS sign-in: an RSA key pair, JWTs signed with it (node:crypto only), and the
 * roles the tests assume at each cloud.
 */
import { createSign, generateKeyPairSync, KeyObject } from "node:crypto";

export const TEST_ISSUER = "https://oidc.example.test";
export const ALIBABA_TEST_ROLE = "acs:ram::1234567890123456:role/deployer";
export const TENCENT_TEST_ROLE = "qcs::cam::uin/100000000001:roleName/deployer";

/** An STS answer, read loosely. */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface OidcKeyPair {
  privateKey: KeyObject;
  /** SPKI PEM, what the emulator's `oidc.publicKeyPem` takes. */
  publicKeyPem: string;
}

/** A fresh RSA 2048 key pair. */
export function oidcKeyPair(): OidcKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privateKey, publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

/** A compact JWT with these claims, RS256 unless a test forges another header. */
export function mintJwt(privateKey: KeyObject, claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: "RS256", typ: "JWT" }): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signingInput = `${encode(header)}.${encode(claims)}`;
  const signature = createSign("RSA-SHA256").update(signingInput).sign(privateKey).toString("base64url");
  return `${signingInput}.${signature}`;
}

/** Claims a provider would issue for `subject`, valid from `nowSeconds` for `lifetimeSeconds`. */
export function standardClaims(issuer: string, audience: string, nowSeconds: number, lifetimeSeconds = 3600):
  Record<string, unknown> {
  return { iss: issuer, aud: audience, sub: "system:serviceaccount:ci:deployer", iat: nowSeconds, nbf: nowSeconds,
    exp: nowSeconds + lifetimeSeconds };
}
