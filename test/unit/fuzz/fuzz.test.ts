/**
 * Fuzzing: check() and the response parsers get random and malformed data. check() must always answer with a list
 * of failures naming a field (never throw), and inputs that pass again unchanged; the parsers must answer a body or a CloudApiError (never another
 * exception, never a hang), whatever arrives: truncated XML/JSON, HTML pages from proxies, HTTP 200 whose body is
 * an error, huge or binary bodies.
 */
import assert from "node:assert/strict";
import { checkCiMediaJob } from "../../../provider/ci-media-job/check";
import { parseMpsResponse } from "../../../provider/clients/alibaba/mps-client";
import { parseResponse } from "../../../provider/clients/tencent/ci-client";
import { readMediaJob } from "../../../provider/clients/tencent/media-jobs";
import { CloudApiError } from "../../../provider/errors";
import { checkInventoryTriggerJob } from "../../../provider/inventory-trigger-job/check";
import { checkIProductionJob } from "../../../provider/iproduction-job/check";
import { parseResult } from "../../../provider/iproduction-job/result";
import { checkMediaPipeline } from "../../../provider/media-pipeline/check";
import { UNKNOWN } from "../../../provider/check/checker";

/** A seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELD_NAMES = ["bucket", "region", "tag", "input", "object", "operation", "output", "smartCover", "snapshot",
  "count", "width", "height", "format", "userData", "jobLevel", "templateId", "queueId", "callBack", "callBackType",
  "callBackMqConfig", "timeoutSeconds", "skipAwait", "triggers", "functionName", "jobParams", "notifyUrl", "name",
  "state", "cloud", "notifyConfig", "speedLevel", "type", "prefix", "jobParam", "timeInterval", "start", "end",
  "workflowIds", "spriteObject", "snapshotOutMode", "fps", "Logo", "mqMode", "url"];

function randomValue(r: () => number, depth: number): unknown {
  const pick = Math.floor(r() * 14);
  switch (pick) {
    case 0: return undefined;
    case 1: return null;
    case 2: return UNKNOWN;
    case 3: return Math.floor(r() * 10000) - 5000;
    case 4: return r() * 1e6;
    case 5: return r() < 0.5;
    case 6: return "";
    case 7: return "x".repeat(Math.floor(r() * 2000));
    case 8: return String.fromCharCode(...Array.from({ length: 12 }, () => Math.floor(r() * 0xffff)));
    case 9: return ["oss://b-x.oss-cn-shanghai.aliyuncs.com/o/{sequenceId}.jpg", "examplebucket-1250000000",
      "ap-guangzhou", "SmartCover", "${Number}", "Transcode", "alicloud", "tencentcloud", "TDMQ", "Job",
      "2024-01-01T00:00:00+0800"][Math.floor(r() * 11)];
    case 10: case 11: return depth > 3 ? "leaf" : randomObject(r, depth + 1);
    case 12: return depth > 3 ? [] : Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: return NaN;
  }
}

function randomObject(r: () => number, depth = 0): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const n = Math.floor(r() * 8);
  for (let i = 0; i < n; i++) obj[FIELD_NAMES[Math.floor(r() * FIELD_NAMES.length)]!] = randomValue(r, depth);
  return obj;
}

const CHECKS = { checkCiMediaJob, checkIProductionJob, checkInventoryTriggerJob, checkMediaPipeline };

describe("fuzz: check()", () => {
  for (const [name, check] of Object.entries(CHECKS)) {
    it(`${name} answers failures naming a field for 3000 random inputs, and never throws`, () => {
      const r = rng(name.length * 7919);
      for (let i = 0; i < 3000; i++) {
        const inputs = randomObject(r);
        let result;
        try {
          result = check(inputs);
        } catch (e) {
          assert.fail(`${name} threw ${String(e)} for ${JSON.stringify(inputs).slice(0, 300)}`);
        }
        const { failures } = result;
        assert.ok(Array.isArray(failures));
        // Normalised inputs are checked the same and come back unchanged: check() is idempotent.
        if (failures.length === 0) assert.deepEqual(check(result.inputs), { inputs: result.inputs, failures: [] });
        for (const f of failures) {
          assert.equal(typeof f.property, "string");
          assert.ok(f.property.length > 0);
          assert.ok(f.reason.includes(f.property.split(/[.[]/)[0]!), `"${f.reason}" names ${f.property}`);
          assert.ok(f.reason.length < 2000, "reasons quote values shortened");
        }
      }
    });
  }
});

/** Bodies a proxy, a truncation or a broken server might deliver. */
function malformedBodies(r: () => number): string[] {
  const ciDoc = "<Response><JobsDetail><JobId>j1</JobId><State>Success</State><Operation><MediaResult><OutputFile>" +
    "<ObjectName>a</ObjectName></OutputFile></MediaResult></Operation></JobsDetail></Response>";
  const mpsDoc = JSON.stringify({ RequestId: "r", JobId: "j", State: "Success",
    Result: JSON.stringify({ Code: "0", Data: JSON.stringify({ result: [{ file: "a" }] }) }) });
  const bodies = [
    "", " ", "null", "[]", "{}", "<html><body><h1>502 Bad Gateway</h1></body></html>", "<?xml version='1.0'?>",
    "<Error><Code>InternalError</Code></Error>", "<Error/>", "<Response/>", "<Response><JobsDetail/></Response>",
    '{"Code":"Throttling.User"}', '{"Code":42}', "\u0000\u0001\u0002binary", "<a><b></a>", "<<<<", "}{",
    "x".repeat(200_000), `<Response>${"<JobsDetail><JobId>j</JobId></JobsDetail>".repeat(2000)}</Response>`,
  ];
  for (let i = 0; i < 200; i++) {
    const doc = r() < 0.5 ? ciDoc : mpsDoc;
    bodies.push(doc.slice(0, Math.floor(r() * doc.length)));
    const cut = Math.floor(r() * doc.length);
    bodies.push(doc.slice(0, cut) + String.fromCharCode(Math.floor(r() * 128)) + doc.slice(cut + 1));
  }
  return bodies;
}

describe("fuzz: response parsers", () => {
  const r = rng(42);
  const bodies = malformedBodies(r);
  const statuses = [200, 200, 204, 301, 400, 403, 404, 429, 500, 502, 503];

  it(`CI parseResponse answers a body or a CloudApiError for ${bodies.length * statuses.length} answers`, () => {
    for (const body of bodies) {
      for (const status of statuses) {
        try {
          const parsed = parseResponse("Fuzz", { status, body, headers: { "content-type": "text/html" } });
          assert.equal(typeof parsed, "object");
          // Whatever a parsed body holds, reading it as a job never throws either.
          readMediaJob(parsed);
        } catch (e) {
          assert.ok(e instanceof CloudApiError, `status ${status}, body ${JSON.stringify(body.slice(0, 80))}: ${String(e)}`);
          assert.ok(e.message.length < 1000, "no body echoed into the message");
        }
      }
    }
  });

  it(`MPS parseMpsResponse answers a body or a CloudApiError for ${bodies.length * statuses.length} answers`, () => {
    for (const body of bodies) {
      for (const status of statuses) {
        try {
          const parsed = parseMpsResponse("Fuzz", { status, body, headers: {} });
          assert.equal(typeof parsed, "object");
          if (status < 400) assert.equal(parsed.Code, undefined, "a body with a Code is an error");
        } catch (e) {
          assert.ok(e instanceof CloudApiError, `status ${status}, body ${JSON.stringify(body.slice(0, 80))}: ${String(e)}`);
        }
      }
    }
  });

  it("MPS parseResult reads any Result string without throwing", () => {
    for (const body of bodies) {
      for (const fn of ["Cover", "MusicSegmentDetect", "CaptionExtraction", "ImageCartoonize", "VideoH2V"]) {
        const { outputFiles } = parseResult(fn, body, "oss://b-x.oss-cn-shanghai.aliyuncs.com/o.jpg");
        assert.ok(Array.isArray(outputFiles));
      }
    }
  });
});
