/**
 * Fuzzing: the response parsers get random and malformed data (check() has its properties in check.property.test.ts).
 * The parsers must answer a body or a CloudApiError (never another
 * exception, never a hang), whatever arrives: truncated XML/JSON, HTML pages from proxies, HTTP 200 whose body is
 * an error, huge or binary bodies.
 */
import assert from "node:assert/strict";
import { parseMpsResponse } from "../../../provider/clients/alibaba/mps-client";
import { parseResponse } from "../../../provider/clients/tencent/ci-client";
import { readMediaJob } from "../../../provider/clients/tencent/media-jobs";
import { CloudApiError } from "../../../provider/errors";
import { parseResult } from "../../../provider/iproduction-job/result";

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
