/**
 * A plan's source spec made into a source that can be asked: keys as given, STS for roles (on top of the base's own
 * renewed credentials), the metadata service for an instance's role. Each spec has an identity, so that one
 * process renews one source once, whichever resources and clients ask.
 */
import { createHash } from "node:crypto";
import type { Credentials } from "../config/settings";
import { ConfigurationError } from "../errors";
import { cvmRoleCredentials, ecsRoleCredentials, MetadataConnection } from "./metadata";
import type { Cloud, CredentialPlan, SourceSpec } from "./plan";
import type { CredentialSource, IssuedCredentials } from "./renewing";
import {
  alibabaAssumeRole, alibabaAssumeRoleWithOidc, StsConnection, tencentAssumeRole, tencentAssumeRoleWithWebIdentity,
} from "./sts";

/** What sources reach the network with, per cloud. */
export interface SourceDependencies {
  sts(cloud: Cloud): StsConnection;
  metadata(cloud: Cloud): MetadataConnection;
  /** The renewed credentials of a base source (an AssumeRole's), shared with every other user of that source. */
  credentialsOf(source: CredentialSource): () => Promise<Credentials>;
  env(): NodeJS.ProcessEnv;
}

/** The plan's source; when it is the default chain's last resort, its failure lists what the chain looked at. */
export function sourceOfPlan(plan: CredentialPlan, deps: SourceDependencies): CredentialSource {
  const source = sourceOf(plan.cloud, plan.spec, deps);
  if (!plan.lastResort) return source;
  const cloud = plan.cloud === "alibaba" ? "Alibaba Cloud" : "Tencent Cloud";
  return {
    description: `the default credential chain (${source.description})`,
    identity: source.identity,
    fetch: async () => {
      try {
        return await source.fetch();
      } catch (e) {
        throw new ConfigurationError(`no ${cloud} credentials were found: looked at ${plan.tried.join("; ")}; ` +
          `last, ${source.description}: ${(e as Error).message.replace(/\.$/, "")}. ${plan.advice}`);
      }
    },
  };
}

export function sourceOf(cloud: Cloud, spec: SourceSpec, deps: SourceDependencies): CredentialSource {
  const identity = identityOf(cloud, spec);
  switch (spec.kind) {
    case "keys":
      return { description: spec.where, identity, fetch: async () => spec.keys };
    case "assumeRole": {
      const base = deps.credentialsOf(sourceOf(cloud, spec.base, deps));
      return { description: spec.where, identity, fetch: () => cloud === "alibaba"
        ? alibabaAssumeRole(deps.sts(cloud), spec.sts.alibabaHost ?? "sts.aliyuncs.com", base, spec.role)
        : tencentAssumeRole(deps.sts(cloud), spec.sts.tencentRegion ?? "ap-guangzhou", base, spec.role) };
    }
    case "oidc":
      return { description: spec.where, identity, fetch: () => cloud === "alibaba"
        ? alibabaAssumeRoleWithOidc(deps.sts(cloud), spec.sts.alibabaHost ?? "sts.aliyuncs.com",
          { ...spec.role, oidcProviderArn: spec.provider, tokenFile: spec.tokenFile, tokenSetting: spec.tokenSetting })
        : tencentAssumeRoleWithWebIdentity(deps.sts(cloud), spec.sts.tencentRegion ?? "ap-guangzhou",
          { ...spec.role, providerId: spec.provider, tokenFile: spec.tokenFile, tokenSetting: spec.tokenSetting }) };
    case "instanceRole":
      return { description: spec.where, identity, fetch: (): Promise<IssuedCredentials> => cloud === "alibaba"
        ? ecsRoleCredentials(deps.metadata(cloud), spec.roleName, deps.env().ALIBABA_CLOUD_IMDSV1_DISABLED === "true")
        : cvmRoleCredentials(deps.metadata(cloud), spec.roleName) };
  }
}

/** What tells sources apart: every parameter of the request they make, secrets only as a digest. */
function identityOf(cloud: Cloud, spec: SourceSpec): string {
  const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);
  switch (spec.kind) {
    case "keys":
      return `${cloud}:keys:${spec.keys.keyId}:${digest(`${spec.keys.secret}\u0000${spec.keys.securityToken ?? ""}`)}`;
    case "assumeRole":
      return `${cloud}:assumeRole:${JSON.stringify([spec.role, spec.sts])}:${digest(identityOf(cloud, spec.base))}`;
    case "oidc":
      return `${cloud}:oidc:${JSON.stringify([spec.provider, spec.tokenFile, spec.role, spec.sts])}`;
    case "instanceRole":
      return `${cloud}:instance:${spec.roleName ?? ""}`;
  }
}
