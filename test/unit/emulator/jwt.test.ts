import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { OidcProvider, verifyJwt } from "../../../emulator/sts/jwt";
import { mintJwt, oidcKeyPair, standardClaims } from "../../helpers/oidc";

describe("the emulator's OIDC token check (RS256 JWT)", () => {
  const NOW = 1_800_000_000;
  const idp = oidcKeyPair();
  const provider: OidcProvider = { issuer: "https://oidc.example.test", audience: "sts.aliyuncs.com",
    publicKeyPem: idp.publicKeyPem };
  const claims = (over: Record<string, unknown> = {}) =>
    ({ ...standardClaims(provider.issuer, provider.audience, NOW), ...over });
  const failure = (token: string) => {
    const result = verifyJwt(token, provider, NOW);
    return result.failure;
  };

  it("accepts a token signed by the provider's key, for its issuer and audience, within its validity", () => {
    const result = verifyJwt(mintJwt(idp.privateKey, claims()), provider, NOW);
    assert.equal(result.failure, undefined);
    assert.equal(result.claims?.sub, "system:serviceaccount:ci:deployer");
  });

  it("accepts an audience list that contains the provider's audience", () => {
    assert.equal(failure(mintJwt(idp.privateKey, claims({ aud: ["other", "sts.aliyuncs.com"] }))), undefined);
  });

  it("refuses what is not three base64url JSON parts", () => {
    assert.equal(failure("a.b"), "malformed");
    assert.equal(failure("not-json.not-json.sig"), "malformed");
  });

  it("refuses alg none and HS256 (the public key used as an HMAC secret), whatever the signature", () => {
    const none = mintJwt(idp.privateKey, claims(), { alg: "none" });
    assert.equal(failure(`${none.split(".").slice(0, 2).join(".")}.`), "algorithm");
    const input = `${Buffer.from(JSON.stringify({ alg: "HS256" })).toString("base64url")}.` +
      Buffer.from(JSON.stringify(claims())).toString("base64url");
    const hs = `${input}.${createHmac("sha256", idp.publicKeyPem).update(input).digest("base64url")}`;
    assert.equal(failure(hs), "algorithm");
  });

  it("refuses a signature by another key, and a payload changed after signing", () => {
    assert.equal(failure(mintJwt(oidcKeyPair().privateKey, claims())), "signature");
    const [h, , s] = mintJwt(idp.privateKey, claims()).split(".");
    const forged = Buffer.from(JSON.stringify(claims({ sub: "admin" }))).toString("base64url");
    assert.equal(failure(`${h}.${forged}.${s}`), "signature");
  });

  it("refuses another issuer, another audience, no sub", () => {
    assert.equal(failure(mintJwt(idp.privateKey, claims({ iss: "https://evil.example.test" }))), "issuer");
    assert.equal(failure(mintJwt(idp.privateKey, claims({ aud: "sts.tencentcloudapi.com" }))), "audience");
    assert.equal(failure(mintJwt(idp.privateKey, claims({ sub: undefined }))), "subject");
  });

  it("refuses an expired token (exp now or past, or none) and one not valid yet beyond a minute's leeway", () => {
    assert.equal(failure(mintJwt(idp.privateKey, claims({ exp: NOW }))), "expired");
    assert.equal(failure(mintJwt(idp.privateKey, claims({ exp: undefined }))), "expired");
    assert.equal(failure(mintJwt(idp.privateKey, claims({ nbf: NOW + 61 }))), "notYetValid");
    assert.equal(failure(mintJwt(idp.privateKey, claims({ iat: NOW + 3600 }))), "notYetValid");
    assert.equal(failure(mintJwt(idp.privateKey, claims({ nbf: NOW + 30 }))), undefined, "within the leeway");
  });
});
