import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ConfigurationError } from "../../../provider/errors";
import { readAlibabaProfile, readTencentProfile } from "../../../provider/credentials/profile-files";

/** The fixtures are not compiled: they are read from the source tree, beside dist/. */
const FIXTURES = join(__dirname, "..", "..", "..", "..", "test", "fixtures", "credential-files");

/** Values that stand for secrets in the files below: no message may contain one. */
const SECRETS = ["S3cretAlibaba", "S3cretToken", "S3cretTencent", "S3cretLine"];

let home: string;
let etc: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "profile-files-"));
  etc = join(home, "etc-tencentcloud-credentials");
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function write(relative: string, text: string): string {
  const path = join(home, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const cliConfig = (current: string | undefined, ...profiles: object[]): string => JSON.stringify({ current, profiles });
const ak = (name: string) => ({ name, mode: "AK", access_key_id: `id-${name}`, access_key_secret: "S3cretAlibaba" });

/** Asserts a ConfigurationError whose message says every fragment and holds no secret. */
function refuses(read: () => unknown, ...fragments: string[]): void {
  assert.throws(read, (e: Error) => {
    assert.ok(e instanceof ConfigurationError, `${e.name}: ${e.message}`);
    for (const f of fragments) assert.ok(e.message.includes(f), `"${f}" is not in: ${e.message}`);
    for (const s of SECRETS) assert.ok(!e.message.includes(s), `a secret is in: ${e.message}`);
    return true;
  });
}

const alibaba = (env: Record<string, string> = {}, more: { profile?: string; file?: string } = {}) =>
  readAlibabaProfile({ env, home, ...more });
const tencent = (env: Record<string, string> = {}, more: { profile?: string; file?: string } = {}) =>
  readTencentProfile({ env, home, systemFile: etc, ...more });

describe("readAlibabaProfile", () => {
  it("finds nothing, and says where it looked, when neither file exists", () => {
    assert.deepEqual(alibaba(), { found: undefined, tried: [
      `${join(home, ".aliyun", "config.json")} (absent)`, `${join(home, ".alibabacloud", "credentials")} (absent)`] });
  });

  it("reads the aliyun CLI config's current profile first, before the INI file", () => {
    const cli = write(".aliyun/config.json", cliConfig("main", ak("other"), ak("main")));
    write(".alibabacloud/credentials", "[default]\ntype = access_key\naccess_key_id = ini\naccess_key_secret = x\n");
    assert.deepEqual(alibaba(), { found: { origin: `${cli} [profile main]`, credential: { type: "static",
      accessKeyId: "id-main", accessKeySecret: "S3cretAlibaba" } }, tried: [`${cli} (profile "main")`] });
  });

  it("takes the profile from the argument, then $ALIBABA_CLOUD_PROFILE, then the file's current", () => {
    write(".aliyun/config.json", cliConfig("main", ak("main"), ak("env"), ak("arg")));
    const id = (env: Record<string, string>, profile?: string) =>
      (alibaba(env, { profile }).found?.credential as { accessKeyId: string }).accessKeyId;
    assert.equal(id({}), "id-main");
    assert.equal(id({ ALIBABA_CLOUD_PROFILE: "env" }), "id-env");
    assert.equal(id({ ALIBABA_CLOUD_PROFILE: "env" }, "arg"), "id-arg");
  });

  it("goes on to the INI file when the CLI config lacks the profile, and says so", () => {
    const cli = write(".aliyun/config.json", cliConfig("main", ak("main")));
    const ini = write(".alibabacloud/credentials", "[ci]\ntype = ecs_ram_role\nrole_name = Builder\n");
    assert.deepEqual(alibaba({}, { profile: "ci" }), { found: { origin: `${ini} [profile ci]`,
      credential: { type: "ecsRamRole", roleName: "Builder" } }, tried: [`${cli} (no profile "ci")`, `${ini} (profile "ci")`] });
    assert.deepEqual(alibaba({}, { profile: "nowhere" }).found, undefined);
    assert.deepEqual(alibaba({}, { profile: "nowhere" }).tried, [`${cli} (no profile "nowhere")`,
      `${ini} (no profile "nowhere")`]);
  });

  it("goes on to the INI file when the CLI config names no current profile and none is asked for", () => {
    const cli = write(".aliyun/config.json", cliConfig(undefined, ak("main")));
    assert.deepEqual(alibaba().tried, [`${cli} (no "current" profile)`,
      `${join(home, ".alibabacloud", "credentials")} (absent)`]);
  });

  it("skips the CLI config when ALIBABA_CLOUD_CLI_PROFILE_DISABLED is true, as the vendors do", () => {
    const cli = write(".aliyun/config.json", cliConfig("default", ak("default")));
    const ini = write(".alibabacloud/credentials", "[default]\ntype = access_key\naccess_key_id = ini\n" +
      "access_key_secret = S3cretAlibaba\n");
    const r = alibaba({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "TRUE" });
    assert.equal(r.found?.origin, `${ini} [profile default]`);
    assert.equal(r.tried[0], `${cli} (skipped: ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true)`);
  });

  it("reads the files the vendors' variables name, and refuses them absent or without the profile", () => {
    const cli = write("elsewhere/cli.json", cliConfig("p", ak("p")));
    const ini = write("elsewhere/creds", "[p]\ntype = access_key\naccess_key_id = i\naccess_key_secret = S3cretAlibaba\n");
    assert.equal(alibaba({ ALIBABA_CLOUD_CONFIG_FILE: cli }).found?.origin, `${cli} [profile p]`);
    assert.equal(alibaba({ ALIBABA_CLOUD_CREDENTIALS_FILE: ini, ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" },
      { profile: "p" }).found?.origin, `${ini} [profile p]`);
    refuses(() => alibaba({ ALIBABA_CLOUD_CONFIG_FILE: join(home, "missing.json") }), "$ALIBABA_CLOUD_CONFIG_FILE",
      "missing.json", "does not exist");
    refuses(() => alibaba({ ALIBABA_CLOUD_CONFIG_FILE: cli }, { profile: "q" }), "$ALIBABA_CLOUD_CONFIG_FILE", cli,
      'no profile "q"');
    refuses(() => alibaba({ ALIBABA_CLOUD_CREDENTIALS_FILE: ini }, { profile: "q" }), "$ALIBABA_CLOUD_CREDENTIALS_FILE");
  });

  it("reads only the file our config names, JSON or INI by its content, and refuses it absent", () => {
    const json = write("named", `  \n${cliConfig("p", ak("p"))}`);
    write(".aliyun/config.json", cliConfig("p", ak("p")));
    assert.deepEqual(alibaba({}, { file: json }).tried, [`${json} (profile "p")`], "not the CLI config at its place");
    const ini = write("named.ini", "[default]\ntype = ram_role_arn\naccess_key_id = i\naccess_key_secret = S3cretAlibaba\n" +
      "role_arn = acs:ram::1:role/r\n");
    assert.deepEqual(alibaba({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" }, { file: ini }), {
      found: { origin: `${ini} [profile default]`, credential: { type: "ramRoleArn", roleArn: "acs:ram::1:role/r",
        base: { type: "static", accessKeyId: "i", accessKeySecret: "S3cretAlibaba" } } }, tried: [`${ini} (profile "default")`] });
    refuses(() => readAlibabaProfile({ env: {}, home, file: join(home, "nope"), fileSetting: "alicloud:sharedCredentialsFile" }),
      'alicloud:sharedCredentialsFile names "', "nope", "does not exist");
    refuses(() => alibaba({}, { file: ini, profile: "prod" }), "the sharedCredentialsFile setting", 'no profile "prod"');
  });

  it("reads every mode of the CLI config", () => {
    const cli = write(".aliyun/config.json", cliConfig("AK", ak("AK"),
      { name: "Sts", mode: "StsToken", access_key_id: "i", access_key_secret: "S3cretAlibaba", sts_token: "S3cretToken" },
      { name: "Role", mode: "RamRoleArn", access_key_id: "i", access_key_secret: "S3cretAlibaba", ram_role_arn: "arn:r",
        ram_session_name: "s", expired_seconds: 900, policy: "{}", external_id: "x", sts_region: "cn-beijing",
        enable_vpc: true, region_id: "cn-beijing" },
      { name: "Ecs", mode: "EcsRamRole" },
      { name: "Oidc", mode: "OIDC", ram_role_arn: "arn:r", oidc_provider_arn: "arn:p", oidc_token_file: "/t",
        expired_seconds: 0, enable_vpc: false },
      { name: "Chain", mode: "ChainableRamRoleArn", source_profile: "Sts", ram_role_arn: "arn:c" }));
    const credential = (profile: string) => alibaba({}, { profile }).found?.credential;
    const sts = { type: "static", accessKeyId: "i", accessKeySecret: "S3cretAlibaba", securityToken: "S3cretToken" };
    assert.deepEqual(credential("Sts"), sts);
    assert.deepEqual(credential("Role"), { type: "ramRoleArn", roleArn: "arn:r", roleSessionName: "s",
      durationSeconds: 900, policy: "{}", externalId: "x", stsRegion: "cn-beijing", enableVpc: true,
      base: { type: "static", accessKeyId: "i", accessKeySecret: "S3cretAlibaba" } });
    assert.deepEqual(credential("Ecs"), { type: "ecsRamRole" });
    assert.deepEqual(credential("Oidc"), { type: "oidc", roleArn: "arn:r", oidcProviderArn: "arn:p",
      oidcTokenFile: "/t" });
    assert.deepEqual(alibaba({}, { profile: "Chain" }).found, { origin: `${cli} [profile Chain]`,
      credential: { type: "ramRoleArn", roleArn: "arn:c", base: sts } });
  });

  it("follows ChainableRamRoleArn through roles, and refuses a cycle or a missing source", () => {
    write(".aliyun/config.json", cliConfig("a", ak("root"),
      { name: "a", mode: "ChainableRamRoleArn", source_profile: "b", ram_role_arn: "arn:a" },
      { name: "b", mode: "ChainableRamRoleArn", source_profile: "root", ram_role_arn: "arn:b" },
      { name: "x", mode: "ChainableRamRoleArn", source_profile: "y", ram_role_arn: "arn:x" },
      { name: "y", mode: "ChainableRamRoleArn", source_profile: "x", ram_role_arn: "arn:y" },
      { name: "self", mode: "ChainableRamRoleArn", source_profile: "self", ram_role_arn: "arn:s" },
      { name: "lost", mode: "ChainableRamRoleArn", source_profile: "gone", ram_role_arn: "arn:l" }));
    assert.deepEqual(alibaba().found?.credential, { type: "ramRoleArn", roleArn: "arn:a", base: { type: "ramRoleArn",
      roleArn: "arn:b", base: { type: "static", accessKeyId: "id-root", accessKeySecret: "S3cretAlibaba" } } });
    refuses(() => alibaba({}, { profile: "x" }), "cycle", '"x" → "y" → "x"');
    refuses(() => alibaba({}, { profile: "self" }), "cycle", '"self" → "self"');
    refuses(() => alibaba({}, { profile: "lost" }), 'Profile "lost"', 'source_profile "gone"');
  });

  it("refuses the modes and types it does not support, naming the file, the profile and what is supported", () => {
    const cli = write(".aliyun/config.json", cliConfig("sso", { name: "sso", mode: "CloudSSO", access_token: "S3cretToken" }));
    refuses(() => alibaba(), cli, 'Profile "sso"', 'mode "CloudSSO"', "AK, StsToken, RamRoleArn, EcsRamRole, OIDC, " +
      "ChainableRamRoleArn", "ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true");
    const ini = write(".alibabacloud/credentials", "[rsa]\ntype = rsa_key_pair\npublic_key_id = k\nprivate_key_file = f\n");
    refuses(() => alibaba({}, { profile: "rsa", file: ini }), ini, 'Profile "rsa"', 'type "rsa_key_pair"',
      "access_key, ecs_ram_role, ram_role_arn, oidc_role_arn");
  });

  it("refuses a malformed file, naming it and the missing key, never quoting a value", () => {
    const cli = write(".aliyun/config.json", '{"current": "p", "profiles": [{"name": "p", "access_key_secret": S3cretLine}]}');
    refuses(() => alibaba(), cli, "not valid JSON");
    write(".aliyun/config.json", JSON.stringify({ current: "p" }));
    refuses(() => alibaba(), cli, '"profiles"');
    write(".aliyun/config.json", cliConfig("p", { name: "p", mode: "AK", access_key_secret: "S3cretAlibaba" }));
    refuses(() => alibaba(), cli, 'Profile "p"', "access_key_id", "mode AK");
    write(".aliyun/config.json", cliConfig("p", { name: "p", access_key_secret: "S3cretAlibaba" }));
    refuses(() => alibaba(), "has no mode");
    write(".aliyun/config.json", cliConfig("p", { ...ak("p"), access_key_id: 42 }));
    refuses(() => alibaba(), "access_key_id", "not a single string");
    write(".aliyun/config.json", cliConfig("p", { name: "p", mode: "OIDC", ram_role_arn: "a", oidc_provider_arn: "p",
      oidc_token_file: "f", expired_seconds: "3600" }));
    refuses(() => alibaba(), "expired_seconds");
    rmSync(cli);
    const ini = write(".alibabacloud/credentials", "[default]\ntype = access_key\naccess_key_id = i\nS3cretLine\n");
    refuses(() => alibaba(), ini, "not an INI file", "line 4");
    write(".alibabacloud/credentials", "[default\ntype = access_key\n");
    refuses(() => alibaba(), "line 1");
    write(".alibabacloud/credentials", "[default]\naccess_key_id = i\naccess_key_secret = S3cretAlibaba\n");
    refuses(() => alibaba(), ini, 'Profile "default"', "has no type");
  });

  it("reads credentials-java's INI oidc_role_arn type", () => {
    write(".alibabacloud/credentials", "[default]\ntype = oidc_role_arn\nrole_arn = acs:ram::1:role/r\n" +
      "oidc_provider_arn = acs:ram::1:oidc-provider/p\noidc_token_file_path = /var/run/token\nrole_session_name = ci\n");
    assert.deepEqual(alibaba().found?.credential, { type: "oidc", roleArn: "acs:ram::1:role/r",
      oidcProviderArn: "acs:ram::1:oidc-provider/p", oidcTokenFile: "/var/run/token", roleSessionName: "ci" });
    write(".alibabacloud/credentials", "[default]\ntype = oidc_role_arn\nrole_arn = r\noidc_provider_arn = p\n");
    refuses(() => alibaba(), "has no oidc_token_file_path (type oidc_role_arn needs it)");
  });

  it("skips an INI section that says enable = false (credentials-java reads only enabled ones)", () => {
    const ini = write(".alibabacloud/credentials", "[default]\nenable = false\ntype = ecs_ram_role\n");
    assert.deepEqual(alibaba().found, undefined);
    assert.equal(alibaba().tried[1], `${ini} (profile "default" with enable = false)`);
    write(".alibabacloud/credentials", "[default]\nenable = true\ntype = ecs_ram_role\n");
    assert.deepEqual(alibaba().found?.credential, { type: "ecsRamRole" });
  });

  it("finds a dotted INI section name, which the parser nests", () => {
    write(".alibabacloud/credentials", "[team.prod]\ntype = ecs_ram_role\n");
    assert.deepEqual(alibaba({}, { profile: "team.prod" }).found?.credential, { type: "ecsRamRole" });
  });

  describe("the vendors' own example files", () => {
    const goIni = join(FIXTURES, "alibaba-go-credentials.ini");
    const goCli = join(FIXTURES, "alibaba-go-cli-config.json");
    const read = (file: string, profile: string) => alibaba({}, { file, profile }).found?.credential;

    it("credentials-go's INI file: each type, and the sections its tests expect to fail", () => {
      assert.deepEqual(read(goIni, "default"), { type: "static", accessKeyId: "foo", accessKeySecret: "bar" });
      assert.deepEqual(read(goIni, "ecs"), { type: "ecsRamRole", roleName: "EcsRamRoleTest" });
      assert.deepEqual(read(goIni, "noecs"), { type: "ecsRamRole" });
      assert.deepEqual(read(goIni, "emptyecs"), { type: "ecsRamRole" });
      assert.deepEqual(read(goIni, "ram"), { type: "ramRoleArn", roleArn: "role_arn", roleSessionName: "session_name",
        base: { type: "static", accessKeyId: "foo", accessKeySecret: "bar" } });
      for (const section of ["noak", "emptyak", "noram", "emptyram"]) refuses(() => read(goIni, section), "access_key_id");
      refuses(() => read(goIni, "notype"), "has no type");
      for (const section of ["rsa", "norsa", "error_type"]) refuses(() => read(goIni, section), "does not support");
    });

    it("credentials-go's aliyun CLI config: each mode", () => {
      assert.equal(alibaba({}, { file: goCli }).found?.origin, `${goCli} [profile AK]`, "its current profile");
      assert.deepEqual(read(goCli, "StsToken"), { type: "static", accessKeyId: "accessKeyId",
        accessKeySecret: "accessKeySecret", securityToken: "stsToken" });
      const role = { type: "ramRoleArn", roleArn: "arn", stsRegion: "cn-hangzhou", enableVpc: true, policy: "policy",
        externalId: "id", base: { type: "static", accessKeyId: "akid", accessKeySecret: "secret" } };
      assert.deepEqual(read(goCli, "RamRoleArn"), role);
      assert.deepEqual(read(goCli, "EcsRamRole"), { type: "ecsRamRole", roleName: "rolename" });
      assert.deepEqual(read(goCli, "OIDC"), { type: "oidc", roleArn: "role_arn", oidcTokenFile: "path/to/oidc/file",
        oidcProviderArn: "provider_arn", stsRegion: "cn-hangzhou", enableVpc: true, policy: "policy" });
      assert.deepEqual(read(goCli, "ChainableRamRoleArn"), { type: "ramRoleArn", roleArn: "arn", base: role });
      refuses(() => read(goCli, "ChainableRamRoleArn1"), "ram_role_arn");
      refuses(() => read(goCli, "ChainableRamRoleArn2"), 'source_profile "InvalidSource"');
      refuses(() => read(goCli, "Unsupported"), 'mode "Unsupported"');
      assert.throws(() => read(goCli, "CloudSSO"), (e: Error) => e.message.includes('mode "CloudSSO"') &&
        !e.message.includes("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"), "a file we were told to read cannot be skipped");
    });

    it("credentials-nodejs's INI file", () => {
      const file = join(FIXTURES, "alibaba-nodejs-credentials.ini");
      assert.deepEqual(read(file, "demo"), { type: "ramRoleArn", roleArn: "acs:ram::demo:role/demo",
        roleSessionName: "demo", base: { type: "static", accessKeyId: "access-key-id-03",
          accessKeySecret: "access-key-secret-03" } });
      assert.deepEqual(read(file, "demo6"), { type: "static", accessKeyId: "access-key-id-06",
        accessKeySecret: "access-key-secret-06" });
      refuses(() => read(file, "demo1"), 'profile "demo1" with enable = false');
    });
  });
});

describe("readTencentProfile", () => {
  const home2 = () => join(home, ".tencentcloud", "credentials");

  it("finds nothing, and says where it looked, when neither file exists", () => {
    assert.deepEqual(tencent(), { found: undefined, tried: [`${home2()} (absent)`, `${etc} (absent)`] });
  });

  it("reads the default section's key and token, or a role to assume with it", () => {
    write(".tencentcloud/credentials", "[default]\nsecret_id = PROFILE-ID-X\nsecret_key = S3cretTencent\ntoken = S3cretToken\n" +
      "[deploy]\nsecret_id = PROFILE-ID-Y\nsecret_key = S3cretTencent\nrole_arn = qcs::cam::uin/1:roleName/r\n" +
      "role_session_name = pulumi\n");
    assert.deepEqual(tencent(), { found: { origin: `${home2()} [profile default]`, credential: { type: "static",
      secretId: "PROFILE-ID-X", secretKey: "S3cretTencent", securityToken: "S3cretToken" } }, tried: [`${home2()} (profile "default")`] });
    assert.deepEqual(tencent({}, { profile: "deploy" }).found?.credential, { type: "assumeRole",
      roleArn: "qcs::cam::uin/1:roleName/r", roleSessionName: "pulumi",
      base: { type: "static", secretId: "PROFILE-ID-Y", secretKey: "S3cretTencent" } });
    assert.equal(tencent({ TENCENTCLOUD_PROFILE: "deploy" }).found?.origin, `${home2()} [profile deploy]`);
    assert.equal(tencent({ TENCENTCLOUD_PROFILE: "deploy" }, { profile: "default" }).found?.origin,
      `${home2()} [profile default]`, "the argument wins");
  });

  it("falls back to the system file only when the home file does not exist", () => {
    writeFileSync(etc, "[default]\nsecret_id = ETC-ID\nsecret_key = S3cretTencent\n");
    assert.deepEqual(tencent(), { found: { origin: `${etc} [profile default]`, credential: { type: "static",
      secretId: "ETC-ID", secretKey: "S3cretTencent" } }, tried: [`${home2()} (absent)`, `${etc} (profile "default")`] });
    write(".tencentcloud/credentials", "[other]\nsecret_id = PROFILE-ID-O\nsecret_key = S3cretTencent\n");
    assert.deepEqual(tencent(), { found: undefined, tried: [`${home2()} (no profile "default")`] });
  });

  it("reads only the file named by our config or $TENCENTCLOUD_CREDENTIALS_FILE, which must exist", () => {
    const ours = write("ours", "[default]\nsecret_id = PROFILE-ID-OURS\nsecret_key = S3cretTencent\n");
    const theirs = write("theirs", "[default]\nsecret_id = PROFILE-ID-THEIRS\nsecret_key = S3cretTencent\n");
    write(".tencentcloud/credentials", "[default]\nsecret_id = PROFILE-ID-HOME\nsecret_key = S3cretTencent\n");
    const env = { TENCENTCLOUD_CREDENTIALS_FILE: theirs };
    assert.equal(tencent(env).found?.origin, `${theirs} [profile default]`);
    assert.equal(tencent(env, { file: ours }).found?.origin, `${ours} [profile default]`);
    refuses(() => tencent({ TENCENTCLOUD_CREDENTIALS_FILE: join(home, "gone") }), "$TENCENTCLOUD_CREDENTIALS_FILE",
      "does not exist");
    refuses(() => tencent({}, { file: ours, profile: "prod" }), 'no profile "prod"');
  });

  it("refuses a profile without both halves of the key, naming the file and key only", () => {
    const file = write(".tencentcloud/credentials", "[default]\nsecret_id = PROFILE-ID-X\ntoken = S3cretToken\n");
    refuses(() => tencent(), file, 'Profile "default"', "has no secret_key");
    write(".tencentcloud/credentials", "[default]\nsecret_key = S3cretTencent\n");
    refuses(() => tencent(), "has no secret_id");
    write(".tencentcloud/credentials", "[default]\nS3cretLine\n");
    refuses(() => tencent(), "not an INI file", "line 2");
  });

  it("reads the format the Python SDK's README documents (CRLF line endings and all)", () => {
    const file = join(FIXTURES, "tencent-python-readme.ini");
    assert.deepEqual(tencent({}, { file }).found?.credential, { type: "static", secretId: "xxxxx", secretKey: "xxxxx" });
  });
});
