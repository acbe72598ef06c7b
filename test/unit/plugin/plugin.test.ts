/** The plugin's own pieces: its config checks and diff, property values off the wire, URNs and arguments. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UNKNOWN } from "../../../provider/check/checker";
import { changedSettings, checkConfig, configSource } from "../../../provider/plugin/config";
import { engineAddressOf } from "../../../provider/resource/engine-log";
import { typeOfUrn } from "../../../provider/resource/identity";
import { fromStruct, plain, toStruct } from "../../../provider/plugin/values";
import { provider as proto, Struct } from "../../../provider/plugin/rpc";
import { MediaJobsPlugin } from "../../../provider/plugin/server";
import { ProviderContext } from "../../../provider/lifecycle/provider-context";
import { SETTING_LIST, Settings } from "../../../provider/config/settings";

const SECRET = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

describe("plugin: CheckConfig", () => {
  it("accepts the settings it can use", () => {
    assert.deepEqual(checkConfig({ ciEndpoint: "http://127.0.0.1:9700", maxRequestsPerSecond: 5,
      tencentcloudSecretId: "id", tencentcloudSecretKey: "k", tencentcloudRegion: "ap-guangzhou", version: "0.1.0" }, {}),
    []);
  });

  it("refuses half a key pair by the missing half, a malformed region, and a role ARN by its field", () => {
    const failures = checkConfig({ tencentcloudSecretId: "id", alicloudRegion: "shanghai",
      alicloudAssumeRoleWithOidc: { roleArn: "arn:aws:iam::1:role/x", oidcProviderArn: "acs:ram::1:oidc-provider/gh",
        oidcTokenFile: "/nonexistent/token" } }, {});
    const reasons = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
    assert.deepEqual(Object.keys(reasons).sort(), ["alicloudAssumeRoleWithOidc", "alicloudRegion", "tencentcloudSecretKey"]);
    assert.match(reasons.tencentcloudSecretKey!, /SecretKey \(provider config `mediajobs:tencentcloudSecretKey`/);
    assert.match(reasons.alicloudRegion!, /mediajobs:alicloudRegion must be a region id such as cn-shanghai/);
    assert.match(reasons.alicloudAssumeRoleWithOidc!,
      /mediajobs:alicloudAssumeRoleWithOidc\.roleArn must be a RAM role ARN such as acs:ram::/);
  });

  it("refuses an OIDC token file that cannot be read, and two base sources at once", () => {
    const oidc = { roleArn: "acs:ram::1234:role/deployer", oidcProviderArn: "acs:ram::1234:oidc-provider/gh",
      oidcTokenFile: "/nonexistent/token" };
    const [unreadable] = checkConfig({ alicloudAssumeRoleWithOidc: oidc }, {});
    assert.match(unreadable!.reason, /`mediajobs:alicloudAssumeRoleWithOidc\.oidcTokenFile`.*"\/nonexistent\/token", which cannot be read/);
    const [twice] = checkConfig({ alicloudAssumeRoleWithOidc: { ...oidc, oidcTokenFile: __filename },
      alicloudAccessKey: "id", alicloudSecretKey: "secret" }, {});
    assert.match(twice!.reason, /configured twice: `mediajobs:alicloudAccessKey` and `mediajobs:alicloudAssumeRoleWithOidc`/);
    assert.ok(!twice!.reason.includes("secret\b"));
  });

  it("refuses each unusable setting by its key, with the rule", () => {
    const failures = checkConfig({ ciEndpoint: "http://example.com", mpsEndpoint: "ftp://x", maxRequestsPerSecond: 0,
      endpointCaFile: "/nonexistent/ca.pem", tencentcloudSecretKy: "typo" }, {});
    assert.deepEqual(failures.map((f) => f.property).sort(),
      ["ciEndpoint", "endpointCaFile", "maxRequestsPerSecond", "mpsEndpoint", "tencentcloudSecretKy"]);
    const reason = (key: string) => failures.find((f) => f.property === key)!.reason;
    assert.match(reason("ciEndpoint"), /plain http:\/\/ to example\.com, which is not a loopback address/);
    assert.match(reason("maxRequestsPerSecond"), /provider config `mediajobs:maxRequestsPerSecond`.*positive number/);
    assert.match(reason("endpointCaFile"), /cannot be read/);
    assert.match(reason("tencentcloudSecretKy"), /not a setting of the mediajobs provider/);
  });

  it("leaves unknown values to `up`", () => {
    assert.deepEqual(checkConfig({ ciEndpoint: UNKNOWN }, {}), []);
  });
});

describe("plugin: DiffConfig", () => {
  it("names the settings that changed, an unknown value among them", () => {
    const olds = { ciEndpoint: "http://127.0.0.1:1", tencentcloudSecretKey: "a", maxRequestsPerSecond: "5" };
    assert.deepEqual(changedSettings(olds, { ...olds, maxRequestsPerSecond: 5 }), []);
    assert.deepEqual(changedSettings(olds, { ...olds, tencentcloudSecretKey: "b", tencentcloudRegion: UNKNOWN })
      .map((s) => s.providerKey), ["tencentcloudSecretKey", "tencentcloudRegion"]);
  });
});

describe("plugin: Configure's variables", () => {
  it("are read by the provider keys", () => {
    const source = configSource(new Map([["mediajobs:config:ciEndpoint", "http://127.0.0.1:9"]]));
    assert.equal(source.get("mediajobs:ciEndpoint"), "http://127.0.0.1:9");
    assert.equal(source.get("mediajobs:mpsEndpoint"), undefined);
  });
});

describe("plugin: property values", () => {
  it("unwraps secrets at any depth, drops nulls and keeps the unknown placeholder", () => {
    assert.deepEqual(plain({ a: SECRET("s"), b: [SECRET({ c: 1 })], d: null, e: UNKNOWN }),
      { a: "s", b: [{ c: 1 }], e: UNKNOWN });
  });

  it("round-trip through a Struct, undefined members left out", () => {
    assert.deepEqual(fromStruct(toStruct({ a: 1, b: undefined, c: { d: ["x"] } })), { a: 1, c: { d: ["x"] } });
    assert.deepEqual(fromStruct(undefined), {});
  });
});

describe("plugin: URNs and arguments", () => {
  it("reads the resource type of a URN, parent types before it", () => {
    assert.equal(typeOfUrn("urn:pulumi:dev::proj::mediajobs:index:CiMediaJob::cover"), "mediajobs:index:CiMediaJob");
    assert.equal(typeOfUrn("urn:pulumi:dev::proj::my:Component$mediajobs:index:MediaPipeline::q"),
      "mediajobs:index:MediaPipeline");
  });

  it("finds the engine's address among the engine's flags", () => {
    assert.equal(engineAddressOf(["--logtostderr", "-v=9", "--tracing", "http://t", "127.0.0.1:4000"]), "127.0.0.1:4000");
    assert.equal(engineAddressOf([]), undefined);
  });
});

describe("plugin: the README's table of provider config keys", () => {
  it("has every setting the provider reads, with its environment variables", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "..", "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### The plugin"), readme.indexOf("**Import.**"));
    const rows = [...section.matchAll(/^\| (`mediajobs:.*) \| (.*) \|$/gm)];
    const keys = rows.flatMap((r) => [...r[1]!.matchAll(/`mediajobs:(\w+)`/g)].map((m) => m[1]!));
    assert.deepEqual(keys.sort(), SETTING_LIST.map((s) => s.providerKey).sort());
    const envs = rows.flatMap((r) => [...r[2]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!));
    assert.deepEqual(envs.sort(), SETTING_LIST.flatMap((s) => [...s.env, ...Object.values(s.fieldEnv ?? {}).flat()]).sort());
  });
});

describe("plugin: start-up", () => {
  it("loads no HTTP client until the first request (undici takes ~120 ms to load; a preview sends none)", () => {
    const dist = join(__dirname, "..", "..", "..");
    // In a process of its own: this one may have loaded undici already. Both forms' entries, and a transport made.
    const loaded = execFileSync(process.execPath, ["-e", `
      require(${JSON.stringify(join(dist, "provider", "plugin", "server.js"))});
      require(${JSON.stringify(join(dist, "provider", "entry", "ci-media-job.js"))});
      const { HttpTransport } = require(${JSON.stringify(join(dist, "provider", "http", "transport.js"))});
      new HttpTransport();
      console.log(Object.keys(require.cache).filter((f) => f.includes("/node_modules/undici/")).length);`],
    { encoding: "utf8" });
    assert.equal(loaded.trim(), "0");
  });
});

describe("plugin: a preview of create", () => {
  it("answers the inputs its check gave, as they came and with no id", async () => {
    const ctx = new ProviderContext({ settings: new Settings({ HOME: "/nonexistent", TENCENTCLOUD_SECRET_ID: "id",
      TENCENTCLOUD_SECRET_KEY: "k" }) });
    const handlers = new MediaJobsPlugin({ version: "0.0.0", context: ctx }).handlers();
    const call = <T>(method: string, request: unknown) => new Promise<T>((resolve, reject) =>
      handlers[method]!({ request }, (err, res) => err ? reject(new Error(err.details)) : resolve(res as T)));
    const urn = "urn:pulumi:dev::p::mediajobs:index:CiMediaJob::job";
    const news = { bucket: "examplebucket-1250000000", region: "ap-guangzhou", tag: "MediaInfo",
      input: { object: UNKNOWN }, operation: { userData: "u" }, timeoutSeconds: "1800" };
    const checked = await call<proto.CheckResponse>("check", new proto.CheckRequest().setUrn(urn)
      .setNews(Struct.fromJavaScript(news)));
    assert.deepEqual(checked.getFailuresList(), []);
    const inputs = checked.getInputs()!;
    assert.equal(inputs.toJavaScript().timeoutSeconds, 1800, "check normalised the number");
    const created = await call<proto.CreateResponse>("create", new proto.CreateRequest().setUrn(urn)
      .setProperties(inputs).setPreview(true));
    assert.equal(created.getId(), "");
    assert.deepEqual(created.getProperties()!.toJavaScript(), inputs.toJavaScript());
    assert.equal(created.getProperties(), inputs, "the Struct it was sent, not a conversion of it");
    await ctx.close();
  });
});
