/**
 * Every vendor-written fixture in test/fixtures/vendor (see SOURCES.md there: strings from the vendors' own SDKs,
 * tests and API docs) runs through the client function that reads that answer, over a transport that answers with
 * the fixture, or through the serializer whose request the vendor's test wants. A fixture added without a test here
 * fails the first test.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { MpsClient } from "../../../provider/clients/alibaba/mps-client";
import { queryIProductionJob } from "../../../provider/clients/alibaba/iproduction-jobs";
import { queryPipelineList, updatePipeline } from "../../../provider/clients/alibaba/pipelines";
import { CiClient } from "../../../provider/clients/tencent/ci-client";
import { CosObjects } from "../../../provider/clients/tencent/cos-objects";
import { describeMediaJobs, readMediaJob, submitMediaJob } from "../../../provider/clients/tencent/media-jobs";
import { listQueues, updateQueue } from "../../../provider/clients/tencent/queues";
import { buildXml, parseXml, XmlNode, XmlValue } from "../../../provider/clients/xml";
import { toCreateRequest } from "../../../provider/ci-media-job/wire";
import type { CiMediaJobInputs } from "../../../provider/ci-media-job/shape";
import { pascalKey } from "../../../provider/clients/case";
import { toBatchRequest } from "../../../provider/inventory-trigger-job/wire";
import type { InventoryTriggerJobInputs } from "../../../provider/inventory-trigger-job/shape";
import { parseResult } from "../../../provider/iproduction-job/result";
import { CloudApiError, InvalidResponseError } from "../../../provider/errors";
import type { HttpRequest, HttpResponse } from "../../../provider/http/transport";

const VENDOR = join(__dirname, "..", "..", "..", "..", "test", "fixtures", "vendor");
const fixture = (path: string) => readFileSync(join(VENDOR, path), "utf8");
const schema = JSON.parse(fixture("vendor-schema.json")) as {
  tencent: { request: Record<string, { go: SchemaTree; java?: string[] }> };
};
type SchemaTree = { [name: string]: SchemaTree | null };

/** The fixtures a test reads, by path; the first test holds this to the directory's files. */
const TESTED = new Set<string>();

/** A test of one fixture: it is given the fixture's text. */
function fixtureTest(path: string, title: string, run: (text: string) => unknown): void {
  TESTED.add(path);
  it(`${path}: ${title}`, async () => {
    await run(fixture(path));
  });
}

/** A transport that answers every request with one answer, and keeps the requests sent. */
function answering(status: number, body: string, contentType: string) {
  const sent: HttpRequest[] = [];
  const transport = {
    async send(req: HttpRequest): Promise<HttpResponse> {
      sent.push(req);
      return { status, body, headers: { "content-type": contentType, "x-ci-request-id": "rid-header" } };
    },
  };
  return { sent, transport };
}

const KEY = () => ({ keyId: "id", secret: "secret" });
const ci = (status: number, body: string, contentType = "application/xml") => {
  const answer = answering(status, body, contentType);
  return { client: new CiClient({ bucket: "test-1234567890", region: "ap-chongqing", credentials: KEY,
    transport: answer.transport }), sent: answer.sent };
};
const cos = (status: number, body: string, contentType: string) => new CosObjects({ bucket: "test-1234567890",
  region: "ap-chongqing", credentials: KEY, transport: answering(status, body, contentType).transport });
const mps = (status: number, body: string) => new MpsClient({ region: "cn-shanghai", credentials: KEY,
  transport: answering(status, body, "application/json;charset=utf-8").transport });

async function rejection(promise: Promise<unknown>): Promise<CloudApiError> {
  const e = await promise.then(() => undefined, (err: unknown) => err);
  assert.ok(e instanceof CloudApiError, String(e));
  return e;
}

/** A JobsDetail answer's job through the describe call (a callback body holds the same JobsDetail). */
async function describedJob(text: string, jobId: string) {
  const { jobs, missing } = await describeMediaJobs(ci(200, text).client, [jobId]);
  assert.deepEqual(missing, []);
  assert.equal(jobs.length, 1);
  return jobs[0]!;
}

/** `A/B/C` for every element of a request body, leaves and branches. */
function elementPaths(node: XmlNode, prefix = ""): string[] {
  return Object.entries(node).flatMap(([name, value]) => {
    const path = prefix ? `${prefix}/${name}` : name;
    const items: XmlValue[] = Array.isArray(value) ? value : [value];
    return [path, ...items.flatMap((v) => (typeof v === "object" && !Array.isArray(v) ? elementPaths(v, path) : []))];
  });
}

/** Whether the vendor's SDKs send an element at `path` in the operation's request body. */
function vendorSends(operation: string, path: string): boolean {
  const { go, java } = schema.tencent.request[operation]!;
  let tree: SchemaTree | null | undefined = go;
  for (const name of path.split("/")) tree = tree ? tree[name] : undefined;
  return tree !== undefined || (java ?? []).includes(path);
}

function assertVendorSends(operation: string, request: XmlNode) {
  const unknown = elementPaths(request).filter((p) => !vendorSends(operation, p));
  assert.deepEqual(unknown, [], `elements no vendor SDK sends in ${operation}`);
}

/** A Pulumi schema property: a type of ours by reference, directly or as list items. */
interface SchemaProperty { $ref?: string; items?: { $ref?: string } }
type Properties = Record<string, SchemaProperty>;

/** Every element path the declared inputs can put in the request (PascalCase, as sent), from our package schema. */
function declaredPaths(properties: Properties, types: Record<string, { properties?: Properties }>, prefix = "",
  seen: ReadonlySet<string> = new Set()): string[] {
  return Object.entries(properties).flatMap(([name, p]) => {
    const path = prefix ? `${prefix}/${pascalKey(name)}` : pascalKey(name);
    const ref = (p.$ref ?? p.items?.$ref)?.replace("#/types/", "");
    const type = ref ? types[ref] : undefined;
    return type && !seen.has(ref!)
      ? [path, ...declaredPaths(type.properties ?? {}, types, path, new Set([...seen, ref!]))] : [path];
  });
}

describe("vendor-written fixtures (test/fixtures/vendor)", () => {
  it("gives each file a test that reads it, and SOURCES.md names each fixture", () => {
    const files = listFiles(VENDOR);
    const tested = new Set([...TESTED, "SOURCES.md", "vendor-schema.json"]);
    assert.deepEqual(files.filter((f) => !tested.has(f)), [], "add a test for each of these fixtures");
    const sources = fixture("SOURCES.md");
    for (const f of files.filter((x) => x !== "SOURCES.md" && x !== "vendor-schema.json")) {
      assert.ok(sources.includes(`\`${f}\``), `SOURCES.md names ${f}`);
    }
  });

  describe("Tencent: job answers", () => {
    fixtureTest("tencent/java-test-submitted.xml", "a submission's answer (cos-java-sdk-v5 Test.java)",
      async (text) => {
      const { client } = ci(200, text);
      const job = await submitMediaJob(client, { Tag: "Transcode" });
      assert.equal(job.jobId, "j8d121820f5e411ec926ef19d53ba9c6f");
      assert.deepEqual([job.state, job.code, job.message, job.tag], ["Submitted", "Success", "", "Transcode"]);
      assert.equal(job.queueId, "p2242ab62c7c94486915508540933a2c6");
      assert.equal(job.inputObject, "input/demo.mp4");
      assert.equal(job.userData, "This is my data.");
      assert.equal(job.creationTime, "2022-06-27T15:23:10+0800");
      assert.equal(job.createdAt, Date.parse("2022-06-27T07:23:10Z"));
      assert.deepEqual([job.startTime, job.endTime], ["-", "-"]);
      assert.ok(Number.isNaN(job.endedAt), "not ended");
      assert.deepEqual(job.outputObjects, []);
      assert.equal(job.mediaInfo, undefined);
    });

    fixtureTest("tencent/go-example-jobs-notify-superresolution.xml", "a finished job with MD5, MediaInfo and workflow",
      async (text) => {
      const job = await describedJob(text, "j06668dc0f86811ecb90d0b03267ce0e5");
      assert.deepEqual([job.state, job.code, job.tag], ["Success", "Success", "SuperResolution"]);
      assert.equal(job.queueId, "p2242ab62c7c94486915508540933a2c6");
      assert.equal(job.endedAt, Date.parse("2022-06-30T11:31:56Z"));
      assert.equal(job.userData, "This is my SuperResolution job.");
      assert.deepEqual(job.outputObjects, [{ bucket: "test-123456789", region: "ap-chongqing",
        object: "output/super_resolution.mp4", md5: "852883012a6ba726e6ed8d9b984edfdf" }]);
      assert.deepEqual(job.spriteObjects, []);
      const info = job.mediaInfo!;
      assert.equal(info.format!.duration, "13.654000");
      assert.equal(info.format!.numStream, "2");
      assert.equal(info.stream!.audio![0]!.codecName, "aac");
      assert.equal(info.stream!.audio![0]!.channelLayout, "stereo");
      assert.deepEqual([info.stream!.video![0]!.codecName, info.stream!.video![0]!.width,
        info.stream!.video![0]!.height], ["hevc", "1088", "1920"]);
      assert.deepEqual(info.stream!.subtitle, []);
    });

    fixtureTest("tencent/go-example-notify-2021-09.xml", "a Transcode job whose buckets CI left empty",
      async (text) => {
      const job = await describedJob(text, "j7123e78c152611ec9e8c1ba6632b91a8");
      assert.deepEqual([job.state, job.tag, job.inputObject], ["Success", "Transcode", "e28ef88b61ed41b7a6ea76a8147f4f9e"]);
      assert.deepEqual(job.outputObjects, [{ bucket: "", region: "ap-guangzhou",
        object: "f89f22f7a8be4f478434da58eb11d7da.mp4" }]);
      const video = job.mediaInfo!.stream!.video![0]!;
      assert.deepEqual([video.avgFps, video.dar, video.sar, video.numFrames], ["25/1", "9:16", "2559:2560", "3592"]);
      assert.equal(job.mediaInfo!.stream!.audio!.length, 1);
    });

    fixtureTest("tencent/go-example-notify-2022-02-sprite.xml", "media without audio (<Audio/>) and an empty sprite node",
      async (text) => {
      const job = await describedJob(text, "jf6717076895711ecafdd594be6cca70c");
      assert.deepEqual(job.mediaInfo!.stream!.audio, [], "no audio track is an empty list, not [\"\"]");
      assert.deepEqual(job.mediaInfo!.stream!.subtitle, []);
      assert.equal(job.mediaInfo!.format!.numStream, "1");
      assert.deepEqual(job.mediaInfo!.stream!.video!.map((v) => v.width), ["710"]);
      for (const list of [job.mediaInfo!.stream!.video!, job.mediaInfo!.stream!.audio!]) {
        assert.ok(list.every((s) => typeof s === "object" && s !== null), "streams are maps, as declared");
      }
      assert.deepEqual(job.outputObjects, [{ bucket: "wwj-cq-1253960454", region: "ap-chongqing",
        object: "output/go_117374C.mp4", md5: "38f0b40c78562f819421137541043f09" }]);
      assert.deepEqual(job.spriteObjects, [], "a SpriteOutputFile of empty fields names no sprite");
    });

    fixtureTest("tencent/go-test-getmediainfo.xml", "the MediaInfo node a MediaInfo job carries", (text) => {
      const { root, body } = parseXml(text);
      assert.equal(root, "Response");
      const job = readMediaJob({ JobId: "j1", Operation: body });
      const info = job.mediaInfo!;
      assert.deepEqual(info.format, { bitrate: "1014.950000", duration: "10.125000", formatLongName: "QuickTime / MOV",
        formatName: "mov,mp4,m4a,3gp,3g2,mj2", numProgram: "0", numStream: "2", size: "1284547",
        startTime: "0.000000" });
      assert.deepEqual([info.stream!.audio![0]!.channel, info.stream!.audio![0]!.sampleRate], ["1", "44100"]);
      assert.deepEqual([info.stream!.video![0]!.width, info.stream!.video![0]!.height, info.stream!.video![0]!.dar],
        ["966", "1280", "40:53"]);
      assert.deepEqual(info.stream!.subtitle, []);
    });
  });

  describe("Tencent: queue answers", () => {
    const queue = {
      queueId: "QueueId", name: "QueueName", state: "Active", category: "DocProcess", maxSize: 10000,
      maxConcurrent: 10, notifyConfig: { url: "url", event: "Event", type: "Type", state: "Off" },
    };

    fixtureTest("tencent/cpp-test-describe-queues.xml", "the queue list, and NonExistPIDs in the nested form",
      async (text) => {
      const { client, sent } = ci(200, text);
      const { queues, missing } = await listQueues(client, { queueIds: ["QueueId", "3"] });
      assert.deepEqual(queues, [queue]);
      assert.deepEqual(missing, ["3"]);
      assert.match(sent[0]!.pathAndQuery, /^\/queue\?/);
    });

    fixtureTest("tencent/cpp-test-update-queue.xml", "the queue an update answers", async (text) => {
      const { client } = ci(200, text);
      assert.deepEqual(await updateQueue(client, "QueueId", { name: "QueueName", state: "Active",
        notifyConfig: { state: "Off" } }), queue);
    });
  });

  describe("Tencent: error answers", () => {
    fixtureTest("tencent/go-test-error-404.xml", "NoSuchKey, from the CI client and the COS object client",
      async (text) => {
      const body = text;
      const e = await rejection(describeMediaJobs(ci(404, body).client, ["j1"]));
      assert.deepEqual([e.status, e.vendorCode, e.vendorMessage, e.requestId],
        [404, "NoSuchKey", "The specified key does not exist.", "NjA3OGY4NGFfNjJkMmMwYl8***"]);
      const o = await rejection(cos(404, body, "application/xml").get("test_404"));
      assert.deepEqual([o.vendorCode, o.requestId], ["NoSuchKey", "NjA3OGY4NGFfNjJkMmMwYl8***"]);
    });

    fixtureTest("tencent/go-test-error-409.xml", "BucketAlreadyExists", async (text) => {
      const e = await rejection(describeMediaJobs(ci(409, text).client, ["j1"]));
      assert.deepEqual([e.status, e.vendorCode, e.vendorMessage, e.requestId, e.retryable],
        [409, "BucketAlreadyExists", "The requested bucket name is not available.",
          "NTk0NTRjZjZfNTViMjM1XzlkMV9hZTZh", false]);
    });

    fixtureTest("tencent/go-test-error-json-404.json", "code, message and request_id of a JSON error body",
      async (text) => {
      const body = text;
      for (const client of [ci(404, body, "application/json").client, ci(404, body, "text/plain").client]) {
        const e = await rejection(describeMediaJobs(client, ["j1"]));
        assert.ok(!(e instanceof InvalidResponseError), "read as the cloud's error, not as an unreadable answer");
        assert.deepEqual([e.status, e.vendorCode, e.vendorMessage, e.requestId], [404, "404", "404 NotFound",
          "requestid"]);
      }
      const o = await rejection(cos(404, body, "application/json").get("missing"));
      assert.deepEqual([o.vendorCode, o.vendorMessage, o.requestId], ["404", "404 NotFound", "requestid"]);
    });
  });

  describe("Tencent: request bodies the vendor's tests want", () => {
    /** The structure of a `<Request>` document: element names and values, as our parser reads it. */
    const structure = (xml: string) => {
      const { root, body } = parseXml(xml);
      assert.equal(root, "Request");
      return body;
    };

    fixtureTest("tencent/go-test-want-createmediajobs.xml", "POST /jobs from the equivalent CiMediaJob inputs",
      async (text) => {
      const want = structure(text);
      const inputs = { bucket: "abc-1250000000", region: "ap-beijing", tag: "Animation",
        input: { object: "test.mp4" }, queueId: "p893bcda225bf4945a378da6662e81a89",
        callBack: "https://www.callback.com", operation: { templateId: "t1460606b9752148c4ab182f55163ba7cd",
          output: { region: "ap-beijing", bucket: "abc-1250000000", object: "test-trans.gif" } },
      } as CiMediaJobInputs;
      const { client, sent } = ci(200, fixture("tencent/java-test-submitted.xml"));
      await submitMediaJob(client, toCreateRequest(inputs));
      const body = structure(String(sent[0]!.body));
      assert.deepEqual(body, want);
      assertVendorSends("CreateMediaJobs", body);
      // The elements of the rest of the inputs are ones the vendor's SDKs send too.
      assertVendorSends("CreateMediaJobs", toCreateRequest({ ...inputs, queueType: "SpeedTranscoding",
        callBackFormat: "JSON", callBackType: "TDMQ", callBackMqConfig: { mqMode: "Queue", mqRegion: "bj",
          mqName: "q" },
        operation: { ...inputs.operation, userData: "u", jobLevel: 1,
          smartCover: { format: "jpg", width: 128, height: 128, count: 3, deleteDuplicates: true } } } as
        CiMediaJobInputs, "marker"));
    });

    fixtureTest("tencent/go-test-want-createinventorytriggerjob.xml", "POST /inventorytriggerjob from the equivalent inputs",
      (text) => {
      const want = structure(text);
      const inputs = { bucket: "test-1234567890", region: "ap-chongqing", name: "demo", type: "Job",
        input: { prefix: "input" },
        operation: { timeInterval: { start: "2022-02-01T12:00:00+0800", end: "2022-05-01T12:00:00+0800" },
          queueId: "p893bcda225bf4945a378da6662e81a89", userData: "this is my inventorytriggerjob", jobLevel: 1,
          callBack: "https://www.callback.com", tag: "Transcode",
          jobParam: { templateId: "t1460606b9752148c4ab182f55163ba7cd" },
          output: { region: "ap-chongqing", bucket: "test-1234567890", object: "output/${InventoryTriggerJobId}/out.mp4" } },
      } as unknown as InventoryTriggerJobInputs;
      const body = structure(buildXml("Request", toBatchRequest(inputs, "marker")));
      assert.deepEqual(body, want);
      assertVendorSends("CreateInventoryTriggerJob", body);
    });

    fixtureTest("tencent/go-test-want-updatemediaprocessqueue.xml", "PUT /queue/<id> from the equivalent settings",
      async (text) => {
      const want = structure(text);
      const { client, sent } = ci(200, fixture("tencent/cpp-test-update-queue.xml"));
      await updateQueue(client, "p8eb46b8cc1a94bc09512d16c5c4f4d3a", { name: "QueueName", state: "Active",
        notifyConfig: { url: "test.com", state: "On", type: "Url", event: "TransCodingFinish" } });
      assert.equal(sent[0]!.pathAndQuery, "/queue/p8eb46b8cc1a94bc09512d16c5c4f4d3a");
      const body = structure(String(sent[0]!.body));
      assert.deepEqual(body, want);
      assertVendorSends("UpdateMediaProcessQueue", body);
    });
  });

  describe("Tencent: every element our inputs can send, against vendor-schema.json", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "..", "schema.json"), "utf8")) as {
      resources: Record<string, { inputProperties: Properties }>; types: Record<string, { properties?: Properties }>;
    };
    /** Inputs that are no element of the request: where it is sent, and the knobs of every job. */
    const NOT_SENT = new Set(["Bucket", "Region", "Triggers", "TimeoutSeconds", "SkipAwait", "DeleteOutputsOnDestroy"]);
    /**
     * Elements we send that no vendor SDK's request type has, each for a reason: CI itself echoes IgnoreError in a
     * DigitalWatermark node (tencent/go-example-jobs-notify-superresolution.xml), and a batch's JobParam takes
     * the parameters of the tag it runs (cos-go-sdk-v5's CreateMediaJobs Operation has both; its JobParam lags).
     */
    const KNOWN_EXTRA: Record<string, string[]> = {
      CreateMediaJobs: ["Operation/DigitalWatermark/IgnoreError"],
      CreateInventoryTriggerJob: ["Operation/JobParam/DigitalWatermark/IgnoreError",
        "Operation/JobParam/RemoveWatermark", "Operation/JobParam/SpeechRecognition"],
    };

    for (const [resource, operation] of [["CiMediaJob", "CreateMediaJobs"],
      ["InventoryTriggerJob", "CreateInventoryTriggerJob"]] as const) {
      it(`${resource}: each element path is one the vendor's SDKs send in ${operation}`, () => {
        const paths = declaredPaths(pkg.resources[`mediajobs:index:${resource}`]!.inputProperties, pkg.types)
          .filter((p) => !NOT_SENT.has(p.split("/")[0]!));
        assert.ok(paths.length > 50, `${paths.length} paths`);
        assert.deepEqual(paths.filter((p) => !vendorSends(operation, p)), KNOWN_EXTRA[operation]);
      });
    }
  });

  describe("Alibaba: MPS answers", () => {
    fixtureTest("alibaba/docs-querypipelinelist.json", "QueryPipelineList's documented answer", async (text) => {
      const { pipelines, missing } = await queryPipelineList(mps(200, text),
        ["31fa3c9ca8134f9cec2b4b0b0f787830"]);
      assert.deepEqual(pipelines, [{ pipelineId: "31fa3c9ca8134f9cec2b4b0b0f787830", name: "example-pipeline",
        state: "Active", speed: "Standard", notifyConfig: { topic: "mts-topic-1" }, role: "AliyunMTSDefaultRole" }]);
      assert.deepEqual(missing, []);
    });

    fixtureTest("alibaba/docs-updatepipeline.json", "UpdatePipeline's documented answer", async (text) => {
      const pipeline = await updatePipeline(mps(200, text),
        { pipelineId: "31fa3c9ca8134f9cec2b4b0b0f787830", name: "qupai-pipeline", state: "Active" });
      assert.deepEqual(pipeline, { pipelineId: "31fa3c9ca8134f9cec2b4b0b0f787830", name: "qupai-pipeline",
        state: "Active", speed: "Standard", notifyConfig: { topic: "mts-topic-1" }, role: "AliyunMTSDefaultRole" });
    });

    fixtureTest("alibaba/popcore-test-error.json", "pop-core's error body, at 400 and at 200", async (text) => {
      for (const status of [400, 200]) {
        const e = await rejection(queryPipelineList(mps(status, text), ["p"]));
        assert.deepEqual([e.status, e.vendorCode, e.vendorMessage], [status, "400", "error message"]);
      }
    });

    /** A documented Result through QueryIProductionJob and the Result parser. */
    async function result(raw: string, functionName: string) {
      const status = await queryIProductionJob(mps(200, JSON.stringify({ RequestId: "r", JobId: "j1",
        State: "Success", FunctionName: functionName, Result: raw })), "j1");
      assert.equal(status!.result, raw);
      return parseResult(functionName, status!.result, "oss://bucket.oss-cn-shanghai.aliyuncs.com/out/");
    }

    fixtureTest("alibaba/docs-result-CaptionExtraction.txt", "the file list (the doc writes a full-width colon after a key)",
      async (text) => {
      const { result: r, outputFiles } = await result(text, "CaptionExtraction");
      assert.deepEqual([r!.code, r!.message], ["Success", "Successful."]);
      assert.deepEqual(r!.data, { files: [{ file: "captionextraction/b48d02b58e9b6a0d1c13271bcf9aa6d7-161121379****.srt" }] });
      assert.deepEqual(outputFiles, ["oss://bucket.oss-cn-shanghai.aliyuncs.com/captionextraction/" +
        "b48d02b58e9b6a0d1c13271bcf9aa6d7-161121379****.srt"]);
    });

    fixtureTest("alibaba/docs-result-MusicSegmentDetect.txt", "typed segments", async (text) => {
      const { result: r, outputFiles } = await result(text, "MusicSegmentDetect");
      assert.equal(r!.code, "Success");
      assert.deepEqual(r!.data, [{ start: 39.32, end: 63.85, title: "副歌" }, { start: 86.69, end: 114.45, title: "副歌" },
        { start: 135.75, end: 160.27, title: "副歌" }]);
      assert.deepEqual(outputFiles, []);
    });

    fixtureTest("alibaba/docs-result-VideoGreenScreenMatting.txt", "the matted video's file", async (text) => {
      const { result: r, outputFiles } = await result(text, "VideoGreenScreenMatting");
      assert.equal(r!.message, "Successful.");
      assert.deepEqual(outputFiles, ["oss://bucket.oss-cn-shanghai.aliyuncs.com/videogreenscreenmatting/" +
        "16e6bc5ca802e12429d082010164dba3-160275535****_matting.mp4"]);
    });

    fixtureTest("alibaba/docs-result-VideoH2V.txt", "code and message, no Data", async (text) => {
      const { result: r, outputFiles } = await result(text, "VideoH2V");
      assert.deepEqual([r!.code, r!.message, r!.data], ["Success", "success", undefined]);
      assert.deepEqual(outputFiles, []);
    });
  });
});

/** Every file under `dir`, as `/`-separated paths relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path).map((f) => `${name}/${f}`) : [relative(dir, path)];
  }).sort();
}
