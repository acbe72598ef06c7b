/**
 * The plugin's gRPC methods given malformed requests (unknown tokens and URNs, wrong value kinds in the Structs,
 * missing fields, huge strings): each answers, or fails with a gRPC error whose message is the provider's own
 * sentence (no stack of an unexpected exception), Check with check failures; and the plugin keeps serving: a valid
 * Configure and a valid Check follow every malformed request. The clouds are a local server that refuses every
 * request (403), so nothing leaves the machine and nothing waits.
 */
import assert from "node:assert/strict";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import fc from "fast-check";
import { Settings } from "../../../provider/config/settings";
import { Interrupts } from "../../../provider/lifecycle/interrupt";
import { ProviderContext } from "../../../provider/lifecycle/provider-context";
import { Empty, grpc, provider as proto, providerService, Struct } from "../../../provider/plugin/rpc";
import { MediaJobsPlugin, serve } from "../../../provider/plugin/server";
import { VALID_INPUTS } from "./inputs";
import { holds, jsonish, oddString, runs } from "./property";

type Args = Record<string, unknown>;
type ServiceError = { code: number; details: string };
type Client = InstanceType<typeof providerService.ResourceProviderClient>;

const RESOURCES = ["CiMediaJob", "InventoryTriggerJob", "IProductionJob", "MediaPipeline"];
/** An input each resource requires: without it, a create is refused by check() before anything is sent. */
const REQUIRED: Record<string, string> = { CiMediaJob: "tag", InventoryTriggerJob: "bucket", IProductionJob: "functionName",
  MediaPipeline: "cloud" };
const urnOf = (type: string, name = "x") => `urn:pulumi:dev::proj::${type}::${name}`;
const VALID_URN = urnOf("mediajobs:index:CiMediaJob");
const KNOWN_URNS = new Set(RESOURCES.map((r) => urnOf(`mediajobs:index:${r}`)));

/** What the clouds answer here: every request refused, in each cloud's form. */
function refusingClouds(): Promise<Server> {
  // Headers as long as the huge ids and names make them: the refusal, not the size, is what the provider meets.
  const server = createServer({ maxHeaderSize: 16 * 1024 * 1024 }, (req, res) => {
    req.resume();
    req.on("end", () => {
      const mps = String(req.headers["content-type"]).includes("x-www-form-urlencoded");
      res.writeHead(403, { "content-type": mps ? "application/json" : "application/xml" });
      res.end(req.method === "HEAD" ? undefined : mps ? '{"RequestId":"r","Code":"Forbidden.RAM","Message":"denied"}'
        : "<Error><Code>AccessDenied</Code><Message>denied</Message><RequestId>r</RequestId></Error>");
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** A unary call's answer or its gRPC error. */
function call(client: Client, method: string, req: unknown): Promise<{ res?: any; err?: ServiceError }> {
  return new Promise((resolve) => {
    (client as any)[method](req, new grpc.Metadata(), { deadline: Date.now() + 10_000 },
      (err: ServiceError | null, res: unknown) => resolve(err ? { err } : { res }));
  });
}

const struct = (value: Args) => Struct.fromJavaScript(value as any);

/** URNs the engine would not send: of no type of this package, malformed, huge, or none. */
const urn = fc.oneof(
  fc.constantFrom(...RESOURCES).map((r) => urnOf(`mediajobs:index:${r}`)),
  fc.constantFrom("", "urn", "urn:pulumi:", "urn:pulumi:dev::proj::mediajobs:index:Nope::x",
    urnOf("mediajobs:index:__proto__"), urnOf("mediajobs:index:constructor"), urnOf("aws:s3:Bucket"),
    urnOf("mediajobs:index:CiMediaJob$"), "urn:pulumi:dev::proj::::x"),
  oddString.map((s) => urnOf(`mediajobs:index:${s}`)),
  fc.constant(urnOf("mediajobs:index:CiMediaJob", "x".repeat(1_000_000))),
);

/** Property values of any kind, by the names the resources use, or a valid input changed anywhere. */
const props: fc.Arbitrary<Args> = fc.oneof(
  fc.constant({}),
  fc.array(fc.tuple(fc.constantFrom("bucket", "region", "tag", "operation", "cloud", "name", "functionName", "input",
    "output", "jobId", "pipelineId", "original", "outputObjects", "deleteOutputsOnDestroy", "__proto__", "constructor"),
  jsonish(["object", "queueName", "state"])), { maxLength: 6 }).map((entries) => Object.fromEntries(entries)),
  fc.constantFrom(...RESOURCES).chain((r) => fc.constantFrom(...VALID_INPUTS[r]!)),
  fc.constant({ bucket: "b".repeat(1_000_000) }),
);
const id = fc.oneof(fc.constantFrom("", "j1", "p1", "ap-guangzhou/b-1250000000/q1"), oddString,
  fc.constant("i".repeat(1_000_000)));

/** A malformed request of each method, with the method's name. */
const request: fc.Arbitrary<{ method: string; req: unknown }> = fc.oneof(
  fc.record({ news: props }).map(({ news }) => ({ method: "checkConfig",
    req: new proto.CheckRequest().setUrn(urnOf("pulumi:providers:mediajobs")).setNews(struct(news)) })),
  fc.array(fc.tuple(fc.oneof(oddString, fc.constantFrom("mediajobs:config:ciEndpoint", "mediajobs:config:maxRequestsPerSecond",
    "mediajobs:config:endpointCaFile")), fc.oneof(oddString, fc.constantFrom("ftp://x", "-1", "/nonexistent"))),
  { maxLength: 4 }).map((vars) => {
    const req = new proto.ConfigureRequest();
    for (const [k, v] of vars) req.getVariablesMap().set(k, v);
    return { method: "configure", req };
  }),
  fc.record({ urn, news: props }).map(({ urn, news }) => ({ method: "check",
    req: new proto.CheckRequest().setUrn(urn).setNews(struct(news)) })),
  fc.record({ urn, id, olds: props, news: props }).map(({ urn, id, olds, news }) => ({ method: "diff",
    req: new proto.DiffRequest().setUrn(urn).setId(id).setOlds(struct(olds)).setNews(struct(news)) })),
  fc.record({ urn, props, preview: fc.boolean(), timeout: fc.constantFrom(0, -1, 1e9, NaN) })
    .map(({ urn, props, preview, timeout }) => {
      // A create that is not a preview goes without an input its resource requires: it is refused, never sent.
      const properties = preview ? props : Object.fromEntries(Object.entries(props)
        .filter(([k]) => !Object.values(REQUIRED).includes(k)));
      return { method: "create", req: new proto.CreateRequest().setUrn(urn).setProperties(struct(properties))
        .setPreview(preview).setTimeout(timeout) };
    }),
  fc.record({ urn, id, props }).map(({ urn, id, props }) => ({ method: "read",
    req: new proto.ReadRequest().setUrn(urn).setId(id).setProperties(struct(props)) })),
  fc.record({ urn, id, olds: props, news: props, preview: fc.boolean() }).map(({ urn, id, olds, news, preview }) => ({
    method: "update", req: new proto.UpdateRequest().setUrn(urn).setId(id).setOlds(struct(olds)).setNews(struct(news))
      .setPreview(preview) })),
  fc.record({ urn, id, props }).map(({ urn, id, props }) => ({ method: "delete",
    req: new proto.DeleteRequest().setUrn(urn).setId(id).setProperties(struct(props)) })),
  fc.record({ tok: fc.oneof(oddString, fc.constant("mediajobs:index:getJob")), args: props }).map(({ tok, args }) => ({
    method: "invoke", req: new proto.InvokeRequest().setTok(tok).setArgs(struct(args)) })),
  fc.integer({ min: -1, max: 3 }).map((version) => ({ method: "getSchema",
    req: new proto.GetSchemaRequest().setVersion(version) })),
  fc.constant({ method: "cancel", req: new Empty() }),
  // Requests with no fields set at all.
  fc.constantFrom("check", "diff", "create", "read", "update", "delete", "checkConfig").map((method) => ({ method,
    req: new ({ check: proto.CheckRequest, checkConfig: proto.CheckRequest, diff: proto.DiffRequest,
      create: proto.CreateRequest, read: proto.ReadRequest, update: proto.UpdateRequest,
      delete: proto.DeleteRequest } as Record<string, new () => unknown>)[method]!() })),
);

describe("property: plugin gRPC methods", function () {
  this.timeout(120_000);
  let clouds: Server;
  let plugin: Awaited<ReturnType<typeof serve>>;
  let client: Client;
  let validConfigure: InstanceType<typeof proto.ConfigureRequest>;

  before(async () => {
    clouds = await refusingClouds();
    const endpoint = `http://127.0.0.1:${(clouds.address() as AddressInfo).port}`;
    // Settings read from this environment only: the endpoints are the refusing clouds, whatever Configure says.
    const settings = new Settings({ MEDIAJOBS_CI_ENDPOINT: endpoint, MEDIAJOBS_MPS_ENDPOINT: endpoint,
      TENCENTCLOUD_SECRET_ID: "fuzz-test-secret-id", TENCENTCLOUD_SECRET_KEY: "fuzz", TENCENTCLOUD_REGION: "ap-guangzhou",
      ALICLOUD_ACCESS_KEY: "fuzz", ALICLOUD_SECRET_KEY: "fuzz", ALICLOUD_REGION: "cn-shanghai" });
    plugin = await serve(new MediaJobsPlugin({ version: "0.0.0-fuzz",
      context: new ProviderContext({ settings, interrupts: new Interrupts(false) }) }));
    client = new providerService.ResourceProviderClient(`127.0.0.1:${plugin.port}`, grpc.credentials.createInsecure(),
      { "grpc.max_receive_message_length": 64 * 1024 * 1024 });
    validConfigure = new proto.ConfigureRequest();
    validConfigure.getVariablesMap().set("mediajobs:config:ciEndpoint", endpoint);
    validConfigure.getVariablesMap().set("mediajobs:config:mpsEndpoint", endpoint);
  });

  after(async () => {
    client?.close();
    await new Promise<void>((resolve) => plugin ? plugin.server.tryShutdown(() => resolve()) : resolve());
    await new Promise<void>((resolve) => clouds ? clouds.close(() => resolve()) : resolve());
  });

  /** The plugin still serves: a valid Configure, and a valid Check answering the inputs and no failures. */
  async function assertServing(after: string): Promise<void> {
    const configured = await call(client, "configure", validConfigure);
    assert.equal(configured.err, undefined, `Configure after ${after}: ${configured.err?.details}`);
    const checked = await call(client, "check", new proto.CheckRequest().setUrn(VALID_URN)
      .setNews(struct(VALID_INPUTS.CiMediaJob![0]!)));
    assert.equal(checked.err, undefined, `Check after ${after}: ${checked.err?.details}`);
    assert.deepEqual(checked.res.getFailuresList().map((f: any) => f.getReason()), [], `Check after ${after}`);
  }

  const cases = runs(250);
  it(`every method given a malformed request answers, or fails with the provider's own message, and the plugin ` +
    `keeps serving (${cases} cases)`, async () => {
    await assertServing("start");
    await holds("plugin requests", fc.asyncProperty(request, async ({ method, req }) => {
      const { err } = await call(client, method, req);
      // Check of a resource of the package, and CheckConfig, answer whatever the values: failures, never an error.
      const known = method === "check" && KNOWN_URNS.has((req as InstanceType<typeof proto.CheckRequest>).getUrn());
      if (known || method === "checkConfig") assert.equal(err, undefined, `${method} answers: ${err?.details}`);
      if (err) {
        assert.notEqual(err.code, grpc.status.DEADLINE_EXCEEDED, `${method} answered in time`);
        assert.ok(err.details.length > 0, `${method} says why`);
        assert.ok(!/\n\s+at /.test(err.details), `${method} fails with a sentence, not a stack: ${err.details.slice(0, 2000)}`);
        assert.ok(err.details.length <= 4000, `${method}'s message is cut (${err.details.length} chars)`);
      }
      await assertServing(method);
    }), cases);
  });
});
