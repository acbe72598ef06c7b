/**
 * The cases the property-based tests found, shrunk, each kept as it was found: the defect it showed is fixed at its
 * cause, and these keep it fixed whatever the properties' seed.
 */
import assert from "node:assert/strict";
import { checkEnv } from "../../helpers/check";
import { resourceOfToken } from "../../../provider/resources";
import { MpsClient } from "../../../provider/clients/alibaba/mps-client";
import { queryPipelineList } from "../../../provider/clients/alibaba/pipelines";
import { EMULATOR_MPS_KEY } from "../../helpers/clients";
import { Settings } from "../../../provider/config/settings";
import { Interrupts } from "../../../provider/lifecycle/interrupt";
import { ProviderContext } from "../../../provider/lifecycle/provider-context";
import { grpc, provider as proto, providerService } from "../../../provider/plugin/rpc";
import { MediaJobsPlugin, serve } from "../../../provider/plugin/server";

const ENV = checkEnv();
const check = (token: string, news: Record<string, unknown>) =>
  resourceOfToken(token).lifecycle.check({ news, env: ENV });

describe("property regressions: check()", () => {
  it("MediaPipeline cloud \"constructor\" is refused as no cloud, not looked up among Object's members", () => {
    const result = check("mediajobs:index:MediaPipeline", { cloud: "constructor", region: "cn-shanghai",
      name: "transcode-main", notifyConfig: { queueName: "mps-events" } });
    assert.deepEqual(result.failures, [{ property: "cloud",
      reason: "cloud must be one of alicloud, tencentcloud; got \"constructor\"." }]);
  });
});

describe("property regressions: serialisers", () => {
  const CI_JOB = { bucket: "examplebucket-1250000000", region: "ap-guangzhou", tag: "SmartCover",
    input: { object: "in/video.mp4" }, callBack: "http://callback.example.com", callBackFormat: "JSON" };
  const smartCover = { format: "jpg", width: 1280, height: 720, count: 3, deleteDuplicates: true };
  const output = { region: "ap-guangzhou", bucket: "examplebucket-1250000000", object: "covers/${Number}.jpg" };

  it("CiMediaJob refuses a field named \"\" in its operation (it was sent as `< >`, which broke the request's XML)", () => {
    const { failures } = check("mediajobs:index:CiMediaJob", { ...CI_JOB,
      operation: { smartCover, output, userData: "u", jobLevel: 0, "": "" } });
    assert.deepEqual(failures.map((f) => f.property), ["operation."]);
    assert.match(failures[0]!.reason, /operation holds the field "", which is no name CI's XML can carry/);
  });

  it("CiMediaJob refuses a carriage return or a NUL in a value (XML reads \\r\\n as \\n; NUL is no XML)", () => {
    const { failures } = check("mediajobs:index:CiMediaJob", { ...CI_JOB,
      operation: { smartCover, output, userData: "u", jobLevel: 0, A: "\u0000\r\n!" } });
    assert.deepEqual(failures.map((f) => f.property), ["operation.A"]);
    assert.match(failures[0]!.reason, /operation\.A holds the character U\+0000, which CI's XML cannot carry/);
  });

  it("InventoryTriggerJob refuses a field named \"\" in its input", () => {
    const { failures } = check("mediajobs:index:InventoryTriggerJob", { bucket: "examplebucket-1250000000",
      region: "ap-guangzhou", name: "nightly-720p", input: { prefix: "uploads/", "": "" },
      operation: { tag: "Transcode", queueId: "p0123456789abcdef0123456789abcdef",
        jobParam: { transcode: { container: { format: "mp4" } } },
        output: { region: "ap-guangzhou", bucket: "examplebucket-1250000000", object: "out.mp4" } } });
    assert.deepEqual(failures.map((f) => f.property), ["input."]);
  });

  it("MediaPipeline (tencentcloud) refuses a field named \"\" in notifyConfig", () => {
    const { failures } = check("mediajobs:index:MediaPipeline", { cloud: "tencentcloud",
      bucket: "examplebucket-1250000000", region: "ap-guangzhou", name: "q", state: "Active",
      notifyConfig: { state: "On", type: "Url", url: "http://n.example.com", event: "TaskFinish", "": "" } });
    assert.deepEqual(failures.map((f) => f.property), ["notifyConfig."]);
  });

  it("IProductionJob refuses half a surrogate pair in userData (percent-encoding it threw URIError at create)", () => {
    const { failures } = check("mediajobs:index:IProductionJob", { region: "cn-shanghai",
      functionName: "MusicSegmentDetect", input: "oss://example-bucket.oss-cn-shanghai.aliyuncs.com/in/a.mp3",
      userData: "\ud800" });
    assert.deepEqual(failures, [{ property: "userData",
      reason: "userData must be text; it holds half a UTF-16 surrogate pair." }]);
  });

  it("MediaPipeline (alicloud) refuses half a surrogate pair in name", () => {
    const { failures } = check("mediajobs:index:MediaPipeline", { cloud: "alicloud", region: "cn-shanghai",
      name: "\ud800", notifyConfig: { queueName: "mps-events" } });
    assert.deepEqual(failures.map((f) => f.property), ["name"]);
  });
});

describe("property regressions: answer parsers", () => {
  const answering = (body: string) => new MpsClient({ region: "cn-shanghai", credentials: () => EMULATOR_MPS_KEY,
    transport: { send: async () => ({ status: 200, headers: {}, body }) } });

  it("QueryPipelineList reads a null among the pipelines and missing ids as nothing (it threw a TypeError)", async () => {
    for (const body of ['{"RequestId":"r","PipelineList":[null],"NonExistPids":{"String":[null,3,"x"]}}',
      '{"RequestId":"r","PipelineList":{"Pipeline":[null,{"Id":"p"}]}}']) {
      const { pipelines, missing } = await queryPipelineList(answering(body), ["p"]);
      assert.deepEqual(pipelines.map((p) => p.pipelineId), body.includes('"Id":"p"') ? ["p"] : [], body);
      assert.deepEqual(missing, body.includes('"x"') ? ["x"] : [], body);
    }
  });
});

describe("property regressions: plugin gRPC methods", () => {
  let plugin: Awaited<ReturnType<typeof serve>>;
  let client: InstanceType<typeof providerService.ResourceProviderClient>;

  before(async () => {
    plugin = await serve(new MediaJobsPlugin({ version: "0.0.0-test",
      context: new ProviderContext({ settings: new Settings({}), interrupts: new Interrupts(false) }) }));
    client = new providerService.ResourceProviderClient(`127.0.0.1:${plugin.port}`, grpc.credentials.createInsecure());
  });

  after(async () => {
    client.close();
    await new Promise<void>((resolve) => plugin.server.tryShutdown(() => resolve()));
  });

  const failure = (method: "read" | "getSchema", req: unknown) => new Promise<{ code: number; details: string }>(
    (resolve, reject) => (client as any)[method](req, new grpc.Metadata(), { deadline: Date.now() + 5_000 },
      (err: { code: number; details: string } | null) => err ? resolve(err) : reject(new Error(`${method} answered`))));

  it("Read (import) of a CiMediaJob with an id of 1,000,000 characters fails at once, its message cut (the call " +
    "waited for its deadline: the message did not fit a gRPC trailer)", async () => {
    const err = await failure("read", new proto.ReadRequest().setId("i".repeat(1_000_000))
      .setUrn("urn:pulumi:dev::proj::mediajobs:index:CiMediaJob::x"));
    assert.notEqual(err.code, grpc.status.DEADLINE_EXCEEDED);
    assert.match(err.details, /^CiMediaJob i+…$/);
    assert.equal(err.details.length, 4000);
  });

  it("GetSchema of version 1 fails with a sentence, not a stack", async () => {
    const err = await failure("getSchema", new proto.GetSchemaRequest().setVersion(1));
    assert.equal(err.details, "the mediajobs provider serves schema version 0; the engine asked for version 1.");
  });
});
