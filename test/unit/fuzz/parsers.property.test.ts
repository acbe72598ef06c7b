/**
 * The answer parsers, as the clients run them: every CI, MPS and object API call of the clients, over a transport
 * that answers a generated body (truncated, garbled, huge, binary, an HTML page, JSON or XML of the wrong types)
 * with any status and content type, resolves or rejects with a CloudApiError (InvalidResponseError among them):
 * never a TypeError, never a hang. A single attempt each: the answer is judged, not the retry schedule.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { buildXml, parseXml, XmlNode } from "../../../provider/clients/xml";
import { MpsClient, parseMpsResponse } from "../../../provider/clients/alibaba/mps-client";
import { queryIProductionJob, submitIProductionJob } from "../../../provider/clients/alibaba/iproduction-jobs";
import {
  addPipeline, deletePipeline, queryPipelineList, updatePipeline,
} from "../../../provider/clients/alibaba/pipelines";
import { OssObjects } from "../../../provider/clients/alibaba/oss-objects";
import { CiClient, parseResponse } from "../../../provider/clients/tencent/ci-client";
import {
  cancelMediaJob, describeMediaJobs, listAllMediaJobs, readMediaJob, submitMediaJob,
} from "../../../provider/clients/tencent/media-jobs";
import {
  cancelBatchJob, describeBatchJob, listBatchChildren, listBatchJobs, submitBatchJob,
} from "../../../provider/clients/tencent/batch-jobs";
import { listQueues, updateQueue } from "../../../provider/clients/tencent/queues";
import { CosObjects } from "../../../provider/clients/tencent/cos-objects";
import { CloudApiError } from "../../../provider/errors";
import type { HttpRequest, HttpResponse, Transport } from "../../../provider/http/transport";
import { outputsOfStatus } from "../../../provider/iproduction-job/wire";
import type { IProductionJobInputs } from "../../../provider/iproduction-job/shape";
import { parseResult } from "../../../provider/iproduction-job/result";
import { EMULATOR_CI_KEY, EMULATOR_MPS_KEY } from "../../helpers/clients";
import { mutatedTree } from "./inputs";
import { holds, jsonish, oddString, ownObject, runs } from "./property";

/** The longest one answer may take to be judged. */
const CASE_LIMIT_MS = 2_000;
const ONE_ATTEMPT = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 };

/** A transport answering one response to every request (bytes too, when asked for). */
class Answering implements Transport {
  constructor(private readonly res: HttpResponse) {}
  async send(req: HttpRequest): Promise<HttpResponse> {
    return req.bytes ? { ...this.res, bytes: Buffer.from(this.res.body, "latin1") } : this.res;
  }
}

const CI_NAMES = ["Response", "Error", "Code", "Message", "RequestId", "JobsDetail", "JobId", "State", "Tag",
  "Operation", "MediaResult", "OutputFile", "ObjectName", "Md5Info", "Md5", "Bucket", "Region", "SpriteOutputFile",
  "MediaInfo", "Stream", "Video", "Audio", "Format", "Input", "Object", "UserData", "CreationTime", "EndTime",
  "NonExistJobIds", "NextToken", "QueueList", "QueueId", "Name", "Category", "NotifyConfig", "MaxSize",
  "MaxConcurrent", "Queue", "NonExistPIDs", "Progress", "Type"];
const MPS_NAMES = ["RequestId", "Code", "Message", "HostId", "Recommend", "JobId", "State", "Result", "PipelineId",
  "Pipeline", "PipelineList", "NonExistPids", "Id", "Name", "Speed", "SpeedLevel", "QuotaAllocate", "Role",
  "NotifyConfig", "String", "Data", "Score", "Time", "Url", "result", "file"];

const CI_DOC = "<Response><RequestId>r</RequestId><JobsDetail><JobId>j1</JobId><State>Success</State><Tag>Snapshot</Tag>" +
  "<CreationTime>2022-06-27T15:23:10+0800</CreationTime><EndTime>-</EndTime><Operation><UserData>m</UserData>" +
  "<MediaResult><OutputFile><Bucket>b</Bucket><Region>ap-guangzhou</Region><ObjectName>a</ObjectName><Md5Info>" +
  "<ObjectName>a</ObjectName><Md5>00</Md5></Md5Info></OutputFile></MediaResult><MediaInfo><Stream><Video><Width>1" +
  "</Width></Video></Stream></MediaInfo></Operation></JobsDetail><NonExistJobIds>x</NonExistJobIds><QueueList>" +
  "<QueueId>q</QueueId><NotifyConfig><Url>u</Url></NotifyConfig><MaxSize>10</MaxSize></QueueList><Queue><QueueId>q" +
  "</QueueId></Queue><NextToken></NextToken></Response>";
const MPS_DOC = JSON.stringify({ RequestId: "r", JobId: "j", State: "Success", PipelineId: "p",
  Result: JSON.stringify({ Code: "0", Data: JSON.stringify({ result: [{ file: "a" }] }) }),
  Pipeline: { Id: "p", Name: "n", SpeedLevel: "1", NotifyConfig: { Topic: "t" } },
  PipelineList: { Pipeline: [{ Id: "p" }] }, NonExistPids: { String: ["x"] } });

/** XML of CI's element names nested any way, leaves of any text: documents of the wrong shape. */
const ciTree: fc.Arbitrary<XmlNode> = fc.letrec<{ node: XmlNode; value: unknown }>((tie) => ({
  node: fc.array(fc.tuple(fc.constantFrom(...CI_NAMES), tie("value")), { maxLength: 5 })
    .map((entries) => ownObject(entries) as XmlNode),
  value: fc.oneof({ depthSize: "small" }, oddString, tie("node"), fc.array(tie("value"), { maxLength: 3 })),
})).node;

/** A valid document broken: cut short, a character changed, text spliced in. */
function broken(doc: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat(doc.length).map((n) => doc.slice(0, n)),
    fc.tuple(fc.nat(doc.length), fc.integer({ min: 0, max: 0xffff })).map(([n, ch]) =>
      doc.slice(0, n) + String.fromCharCode(ch) + doc.slice(n + 1)),
    fc.tuple(fc.nat(doc.length), oddString).map(([n, s]) => doc.slice(0, n) + s + doc.slice(n)),
  );
}

/** Bodies a proxy, a truncation, a broken server or the wrong API might deliver. */
const body: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "null", "[]", "{}", "0", "\"x\"", "true", "<html><body><h1>502 Bad Gateway</h1></body></html>",
    "<!DOCTYPE html><html><head><title>Error</title></head></html>", "<?xml version='1.0'?>", "<Error/>",
    "<Error><Code>InternalError</Code></Error>", "<Response/>", "<Response><JobsDetail/></Response>",
    "<Response><JobsDetail></JobsDetail><QueueList></QueueList></Response>", '{"Code":"Throttling.User"}',
    '{"Code":42}', '{"Code":null,"JobId":{}}', "\u0000\u0001\u0002binary", "<a><b></a>", "<<<<", "}{",
    "<Response><Response>x</Response></Response>", "<!--", "<![CDATA[", "&unknown;", "<Response>&#0;</Response>"),
  broken(CI_DOC), broken(MPS_DOC),
  // Valid documents with values of the wrong types anywhere: text for a node, a node for text, lists, nulls.
  { weight: 5, arbitrary: mutatedTree(parseXml(CI_DOC).body, CI_NAMES,
    fc.oneof(oddString, ciTree, fc.array(ciTree, { maxLength: 2 }))).map((tree) => buildXml("Response", tree as XmlNode)) },
  { weight: 5, arbitrary: mutatedTree(JSON.parse(MPS_DOC) as Record<string, unknown>, MPS_NAMES,
    fc.oneof(fc.constant(null), jsonish(MPS_NAMES))).map((doc) => JSON.stringify(doc)) },
  ciTree.map((tree) => buildXml(Object.keys(tree)[0] === "Error" ? "Error" : "Response", tree)),
  fc.array(fc.tuple(fc.constantFrom(...MPS_NAMES), jsonish(MPS_NAMES)), { maxLength: 8 })
    .map((entries) => JSON.stringify(ownObject(entries))),
  jsonish(MPS_NAMES).map((v) => JSON.stringify(v) ?? ""),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  // Huge: a big body, and documents of many elements (a few hundred: fast-xml-parser reads repeated elements in
  // time that grows faster than their number, which the properties need not measure).
  fc.constantFrom("x".repeat(300_000), `<Response>${"<JobsDetail><JobId>j</JobId></JobsDetail>".repeat(300)}</Response>`,
    `{"PipelineList":{"Pipeline":[${'{"Id":"p"},'.repeat(20000)}{}]}}`, "<a>".repeat(2000)),
);

const answer: fc.Arbitrary<HttpResponse> = fc.record({
  status: fc.oneof({ weight: 3, arbitrary: fc.constant(200) },
    fc.constantFrom(204, 301, 400, 403, 404, 429, 500, 502, 503), fc.integer({ min: 100, max: 599 })),
  headers: fc.record({
    "content-type": fc.constantFrom("application/xml", "application/json", "text/html", "application/octet-stream", ""),
    "x-ci-request-id": fc.constantFrom("ci-1", ""),
    "x-acs-request-id": fc.constantFrom("acs-1", ""),
    "retry-after": fc.constantFrom("1", "x", "-1", "1e400"),
  }, { requiredKeys: [] }),
  body,
});

const options = (res: HttpResponse) => ({ transport: new Answering(res), retry: ONE_ATTEMPT });
const ciClient = (res: HttpResponse) => new CiClient({ bucket: "examplebucket-1250000000", region: "ap-guangzhou",
  credentials: () => EMULATOR_CI_KEY, ...options(res) });
const mpsClient = (res: HttpResponse) => new MpsClient({ region: "cn-shanghai", credentials: () => EMULATOR_MPS_KEY,
  ...options(res) });
const objects = (res: HttpResponse) => [CosObjects, OssObjects].map((Client) => new Client({ bucket: "b-1250000000",
  region: "ap-guangzhou", credentials: () => EMULATOR_CI_KEY, ...options(res) }));

const INPUTS = { functionName: "Cover", output: "oss://b.oss-cn-shanghai.aliyuncs.com/o/{sequenceId}.jpg" } as
  IProductionJobInputs;

/** Every call of the clients whose answer is read, each reading the generated answer. */
const CALLS: Record<string, (res: HttpResponse) => Promise<unknown>> = {
  CreateMediaJob: (res) => submitMediaJob(ciClient(res), { Tag: "Snapshot" }),
  DescribeMediaJob: (res) => describeMediaJobs(ciClient(res), ["j1", "j2"]),
  DescribeMediaJobs: (res) => listAllMediaJobs(ciClient(res), { tag: "Snapshot" }, 2),
  CancelMediaJob: (res) => cancelMediaJob(ciClient(res), "j1"),
  CreateInventoryTriggerJob: (res) => submitBatchJob(ciClient(res), { Name: "n" }),
  DescribeInventoryTriggerJob: (res) => describeBatchJob(ciClient(res), "j1"),
  DescribeInventoryTriggerJobs: (res) => listBatchJobs(ciClient(res), { name: "n", type: "Job" }),
  CancelInventoryTriggerJob: (res) => cancelBatchJob(ciClient(res), "j1"),
  BatchChildren: (res) => listBatchChildren(ciClient(res), { tag: "Snapshot", batchId: "b1" }),
  DescribeMediaQueues: (res) => listQueues(ciClient(res), { queueIds: ["q1"] }),
  UpdateMediaQueue: (res) => updateQueue(ciClient(res), "q1", { name: "n", state: "Active", notifyConfig: {} }),
  SubmitIProductionJob: (res) => submitIProductionJob(mpsClient(res), { FunctionName: "Cover" }),
  QueryIProductionJob: async (res) => {
    const status = await queryIProductionJob(mpsClient(res), "j1");
    return status && outputsOfStatus(status, INPUTS);
  },
  AddPipeline: (res) => addPipeline(mpsClient(res), { name: "n", notifyConfig: { topic: "t" } }),
  UpdatePipeline: (res) => updatePipeline(mpsClient(res), { pipelineId: "p", name: "n", state: "Active" }),
  QueryPipelineList: (res) => queryPipelineList(mpsClient(res), ["p"]),
  DeletePipeline: (res) => deletePipeline(mpsClient(res), "p"),
  ObjectExists: (res) => Promise.all(objects(res).map((o) => o.exists("a/b.mp4"))),
  ObjectDelete: (res) => Promise.all(objects(res).map((o) => o.delete("a/b.mp4"))),
  ObjectGet: (res) => Promise.all(objects(res).map((o) => o.get("a/b.mp4"))),
};

/** What a call ends with, or `"hang"` past the limit. */
async function outcome(call: () => Promise<unknown>): Promise<{ value?: unknown; error?: unknown } | "hang"> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<"hang">((resolve) => { timer = setTimeout(() => resolve("hang"), CASE_LIMIT_MS); });
  try {
    return await Promise.race([call().then((value) => ({ value }), (error: unknown) => ({ error })), limit]);
  } finally {
    clearTimeout(timer);
  }
}

function assertCloudError(error: unknown, what: string): void {
  assert.ok(error instanceof CloudApiError, `${what}: ${(error as Error)?.stack ?? String(error)}`);
  assert.ok(error.message.length < 1000, "no body echoed into the message");
}

describe("property: answer parsers", function () {
  this.timeout(60_000);
  const cases = runs(400);

  it(`every client call reads any answer as a result or a CloudApiError, never another exception or a hang ` +
    `(${cases} cases × ${Object.keys(CALLS).length} calls)`, async () => {
    await holds("parse answers", fc.asyncProperty(answer, async (res) => {
      for (const [action, call] of Object.entries(CALLS)) {
        const ended = await outcome(() => call(res));
        assert.notEqual(ended, "hang", `${action} answered within ${CASE_LIMIT_MS} ms`);
        if (ended !== "hang" && "error" in ended) assertCloudError(ended.error, action);
      }
    }), cases);
  });

  it(`CI parseResponse and MPS parseMpsResponse answer a document or a CloudApiError (${cases} cases)`, async () => {
    await holds("parse documents", fc.property(answer, (res) => {
      try {
        readMediaJob(parseResponse("Fuzz", res));
      } catch (e) {
        assertCloudError(e, "CI");
      }
      try {
        const doc = parseMpsResponse("Fuzz", res);
        assert.equal(res.status < 400, true, "an error status is an error");
        assert.ok(doc.Code === undefined || doc.Code === null, "a body with a Code is an error");
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        assertCloudError(e, "MPS");
      }
    }), cases);
  });

  it(`IProduction Result parsing reads any Result string (${cases} cases)`, async () => {
    const functions = ["Cover", "MusicSegmentDetect", "CaptionExtraction", "ImageCartoonize", "VideoH2V", "toString"];
    await holds("parse Result", fc.property(fc.oneof(body, broken(JSON.parse(MPS_DOC).Result as string)),
      fc.constantFrom(...functions), fc.option(oddString, { nil: undefined }), (raw, fn, output) => {
        const { outputFiles } = parseResult(fn, raw, output);
        assert.ok(Array.isArray(outputFiles) && outputFiles.every((f) => typeof f === "string"));
      }), cases);
  });
});
