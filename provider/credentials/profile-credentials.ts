/**
 * What a profile in a vendor's shared credential file describes (see profile-files.ts): plain data, no secrets
 * fetched yet. A role's descriptor carries the credential it is assumed with, in `base`.
 */

/** An Alibaba Cloud AccessKey written in the file: long-term, or with an STS token. */
export interface AlibabaStaticCredential {
  type: "static";
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** STS AssumeRole with the keys of `base`: a static key, or for `ChainableRamRoleArn` whatever the source gives. */
export interface AlibabaRamRoleArnCredential {
  type: "ramRoleArn";
  base: AlibabaProfileCredential;
  roleArn: string;
  roleSessionName?: string;
  policy?: string;
  externalId?: string;
  durationSeconds?: number;
  /** The aliyun CLI's `sts_region`: the STS endpoint's region. */
  stsRegion?: string;
  /** The aliyun CLI's `enable_vpc`: the VPC STS endpoint. */
  enableVpc?: boolean;
}

/** The ECS instance's RAM role, from instance metadata; without a name, the one the instance has. */
export interface AlibabaEcsRamRoleCredential {
  type: "ecsRamRole";
  roleName?: string;
}

/** STS AssumeRoleWithOIDC with the token in `oidcTokenFile` (read again at each refresh). */
export interface AlibabaOidcCredential {
  type: "oidc";
  roleArn: string;
  oidcProviderArn: string;
  oidcTokenFile: string;
  roleSessionName?: string;
  policy?: string;
  durationSeconds?: number;
  stsRegion?: string;
  enableVpc?: boolean;
}

/** Any credential an Alibaba Cloud profile describes, by `type`. */
export type AlibabaProfileCredential =
  AlibabaStaticCredential | AlibabaRamRoleArnCredential | AlibabaEcsRamRoleCredential | AlibabaOidcCredential;

/** A Tencent Cloud SecretId/SecretKey written in the file, with the STS token of temporary keys. */
export interface TencentStaticCredential {
  type: "static";
  secretId: string;
  secretKey: string;
  securityToken?: string;
}

/** STS AssumeRole with the file's key (`role_arn`, as the Python SDK reads it). */
export interface TencentAssumeRoleCredential {
  type: "assumeRole";
  base: TencentStaticCredential;
  roleArn: string;
  roleSessionName?: string;
}

/** Any credential a Tencent Cloud profile describes, by `type`. */
export type TencentProfileCredential = TencentStaticCredential | TencentAssumeRoleCredential;
