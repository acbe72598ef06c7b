/**
 * The object-valued credential settings (a role to assume, an OIDC identity), declared once with the package's
 * declaration builders: the schema's config types, the Provider inputs, CheckConfig's rules and the messages all come
 * from here. Field names follow the providers users already run: pulumi-alicloud's `assumeRole` /
 * `assumeRoleWithOidc`, terraform-provider-tencentcloud's `assume_role` / `assume_role_with_web_identity` (in
 * camelCase). Each field's environment variables are the ones the vendors' own credential libraries read
 * (aliyun/credentials-nodejs and -go; tencentcloud-sdk-nodejs's TKE OIDC provider; terraform-provider-tencentcloud).
 */
import { object, opt, req, t } from "../schema/declare";

/** `acs:ram::<account uid>:role/<name>`, as RAM shows a role's ARN. */
const ALIBABA_ROLE_ARN = t.string({ pattern: /^acs:ram::\d+:role\/[\w.@-]{1,64}$/,
  form: "must be a RAM role ARN such as acs:ram::1234567890123456:role/deployer" });
/** `acs:ram::<account uid>:oidc-provider/<name>`. */
const ALIBABA_OIDC_PROVIDER_ARN = t.string({ pattern: /^acs:ram::\d+:oidc-provider\/[\w.-]{1,128}$/,
  form: "must be a RAM OIDC provider ARN such as acs:ram::1234567890123456:oidc-provider/github" });
/** `qcs::cam::uin/<account uin>:roleName/<name>` (or `role/<id>`), as CAM shows a role's ARN. */
const TENCENT_ROLE_ARN = t.string({ pattern: /^qcs::cam::uin\/\d+:(roleName\/[\w+=,.@-]{1,128}|role\/\d+)$/,
  form: "must be a CAM role ARN such as qcs::cam::uin/100000000001:roleName/deployer" });
/** STS's RoleSessionName: 2 to 64 letters, digits and `. @ - _` (Alibaba); Tencent allows `+=,.@-_` too. */
const ALIBABA_SESSION_NAME = t.string({ pattern: /^[\w.@-]{2,64}$/, form: "must be 2 to 64 letters, digits, or . @ - _" });
const TENCENT_SESSION_NAME = t.string({ pattern: /^[\w+=,.@-]{2,128}$/,
  form: "must be 2 to 128 letters, digits, or + = , . @ - _" });
const EXTERNAL_ID = t.string({ pattern: /^[\w+=,.@:/-]{2,1224}$/, form: "must be 2 or more letters, digits, or + = , . @ : / - _" });
const POLICY = t.string({ maxLength: 2048 });
/** Alibaba STS: 900 s up to the role's maximum session (at most 12 h). */
const ALIBABA_DURATION = t.integer({ min: 900, max: 43200, unit: "seconds" });
/** Tencent STS: up to 12 h (terraform-provider-tencentcloud's validation; the API's default is 7200). */
const TENCENT_DURATION = t.integer({ min: 0, max: 43200, unit: "seconds" });

export const ALICLOUD_ASSUME_ROLE = object("AlicloudAssumeRole", "An Alibaba Cloud RAM role to assume with STS " +
  "AssumeRole, on top of the other credentials configured (keys, a profile, the ECS role).", {
  roleArn: req(ALIBABA_ROLE_ARN, "The ARN of the RAM role to assume."),
  sessionName: opt(ALIBABA_SESSION_NAME, "The session name recorded in ActionTrail (default `pulumi-mediajobs`)."),
  externalId: opt(EXTERNAL_ID, "The external id the role's trust policy asks for."),
  policy: opt(POLICY, "A policy (JSON) that narrows the role's permissions for this session."),
  sessionExpiration: opt(ALIBABA_DURATION, "How long each set of temporary credentials lives (default 3600)."),
});

export const ALICLOUD_ASSUME_ROLE_WITH_OIDC = object("AlicloudAssumeRoleWithOidc", "An Alibaba Cloud RAM role " +
  "assumed with STS AssumeRoleWithOIDC from an OIDC token in a file (ACK RRSA, GitHub Actions, GitLab CI): no " +
  "keys at all.", {
  oidcProviderArn: req(ALIBABA_OIDC_PROVIDER_ARN, "The ARN of the OIDC identity provider registered in RAM."),
  oidcTokenFile: req(t.string(), "The file holding the OIDC token (a JWT); read again at each renewal."),
  roleArn: req(ALIBABA_ROLE_ARN, "The ARN of the RAM role to assume."),
  roleSessionName: opt(ALIBABA_SESSION_NAME, "The session name (default `pulumi-mediajobs`)."),
  policy: opt(POLICY, "A policy (JSON) that narrows the role's permissions for this session."),
  sessionExpiration: opt(ALIBABA_DURATION, "How long each set of temporary credentials lives (default 3600)."),
});

export const TENCENTCLOUD_ASSUME_ROLE = object("TencentcloudAssumeRole", "A Tencent Cloud CAM role to assume with " +
  "STS AssumeRole, on top of the other credentials configured (keys, a profile, the CVM role).", {
  roleArn: req(TENCENT_ROLE_ARN, "The ARN of the CAM role to assume."),
  sessionName: opt(TENCENT_SESSION_NAME, "The session name (default `pulumi-mediajobs`)."),
  sessionDuration: opt(TENCENT_DURATION, "How long each set of temporary credentials lives (default 7200)."),
  policy: opt(POLICY, "A policy (JSON) that narrows the role's permissions for this session."),
  externalId: opt(EXTERNAL_ID, "The external id the role's trust policy asks for."),
});

export const TENCENTCLOUD_ASSUME_ROLE_WITH_WEB_IDENTITY = object("TencentcloudAssumeRoleWithWebIdentity",
  "A Tencent Cloud CAM role assumed with STS AssumeRoleWithWebIdentity from an OIDC token in a file (TKE pod " +
  "OIDC, GitHub Actions): no keys at all.", {
  providerId: req(t.string({ pattern: /^[\w.-]{1,128}$/, form: "must be an identity provider name such as OIDC" }),
    "The name of the OIDC identity provider registered in CAM."),
  webIdentityTokenFile: req(t.string(), "The file holding the OIDC token (a JWT); read again at each renewal."),
  roleArn: req(TENCENT_ROLE_ARN, "The ARN of the CAM role to assume."),
  sessionName: opt(TENCENT_SESSION_NAME, "The session name (default `pulumi-mediajobs`)."),
  sessionDuration: opt(TENCENT_DURATION, "How long each set of temporary credentials lives (default 7200)."),
  region: opt(t.string({ pattern: /^[a-z]+(-[a-z]+)+(-\d+)?$/, form: "must be a region id such as ap-guangzhou" }),
    "The STS region to call (default ap-guangzhou)."),
});
