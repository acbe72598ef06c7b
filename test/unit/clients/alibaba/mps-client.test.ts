import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MpsClient, parseMpsResponse } from "../../../../provider/clients/alibaba/mps-client";
import { queryIProductionJob, submitIProductionJob } from "../../../../provider/clients/alibaba/iproduction-jobs";
import {
  addPipeline, deletePipeline, queryPipelineList, updatePipeline,
} from "../../../../provider/clients/alibaba/pipelines";
import { toSubmitParams } from "../../../../provider/iproduction-job/wire";
import { unwrap } from "../../../../provider/clients/alibaba/pipelines";
import { CloudApiError, InvalidResponseError } from "../../../../provider/errors";

const res = (status: number, body: string, headers: Record<string, string> = {}) => ({ status, body, headers });

function errorOf(fn: () => unknown): CloudApiError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof CloudApiError, String(e));
    return e;
  }
  assert.fail("expected a CloudApiError");
}

describe("MPS response parsing", () => {
  it("returns a success body", () => {
    assert.deepEqual(parseMpsResponse("QueryIProductionJob", res(200, '{"RequestId":"r","JobId":"j"}')),
      { RequestId: "r", JobId: "j" });
  });

  it("keys errors on Code, not on status: a 200 with a Code is an error", () => {
    const e = errorOf(() => parseMpsResponse("SubmitIProductionJob", res(200,
      '{"RequestId":"r1","HostId":"mts.cn-shanghai.aliyuncs.com","Code":"InvalidParameter.Input","Message":"bad input","Recommend":"https://x"}')));
    assert.equal(e.vendorCode, "InvalidParameter.Input");
    assert.equal(e.requestId, "r1");
    assert.equal(e.hostId, "mts.cn-shanghai.aliyuncs.com");
    assert.equal(e.recommend, "https://x");
    assert.equal(e.retryable, false);
    assert.equal(e.code, "CloudApi");
    assert.match(e.message, /SubmitIProductionJob failed with HTTP 200: InvalidParameter\.Input: bad input\. \(RequestId r1\)/);
  });

  it("reads pop-core's error body, and takes the Codes pop-core calls success as success", () => {
    const e = errorOf(() => parseMpsResponse("QueryPipelineList", res(400, '{"Code":"400","Message":"error message"}',
      { "x-acs-request-id": "rid-h" })));
    assert.deepEqual([e.vendorCode, e.vendorMessage, e.requestId], ["400", "error message", "rid-h"]);
    for (const code of [200, "200", "OK", "Success", "success"]) {
      assert.deepEqual(parseMpsResponse("X", res(200, JSON.stringify({ Code: code, RequestId: "r" }))),
        { Code: code, RequestId: "r" }, String(code));
    }
    assert.equal(errorOf(() => parseMpsResponse("X", res(200, '{"Code":"Fail"}'))).vendorCode, "Fail");
  });

  it("marks throttling codes retryable on a 400 and keeps the server's retry-after hint", () => {
    for (const code of ["Throttling", "Throttling.User", "Throttling.Api", "Rejected.Throttling", "ServiceUnavailable",
      "InternalError"]) {
      const e = errorOf(() => parseMpsResponse("X", res(400, JSON.stringify({ Code: code }), { "x-acs-retry-after": "250" })));
      assert.equal(e.retryable, true, code);
      assert.equal(e.throttled, /Throttling/.test(code), code);
      assert.equal(e.retryAfterMs, 250);
    }
    for (const code of ["SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound", "InvalidTimeStamp.Expired",
      "SignatureNonceUsed", "InvalidParameter.X", "PermissionDenied.Y"]) {
      assert.equal(errorOf(() => parseMpsResponse("X", res(400, JSON.stringify({ Code: code })))).retryable, false, code);
    }
  });

  it("masks the AccessKeyId that SignatureDoesNotMatch echoes", () => {
    const e = errorOf(() => parseMpsResponse("X", res(400, JSON.stringify({ Code: "SignatureDoesNotMatch",
      Message: "server string to sign is:POST&%2F&AccessKeyId%3Dexampleaccesskeyid%26Action" })), ["exampleaccesskeyid", "secret"]));
    assert.doesNotMatch(e.message, /exampleaccesskeyid/);
    assert.match(e.message, /AccessKeyId%3D\*\*\*%26Action/);
  });

  it("reports a proxy's HTML page or a truncated body as an invalid answer", () => {
    const html = errorOf(() => parseMpsResponse("X", res(503, "<html>busy</html>", { "content-type": "text/html" })));
    assert.ok(html instanceof InvalidResponseError);
    assert.equal(html.code, "InvalidResponse");
    assert.equal(html.vendorCode, "", "no vendor code is invented");
    assert.equal(html.retryable, true);
    assert.doesNotMatch(html.message, /busy/);
    assert.match(html.message, /X failed with HTTP 503: the answer is not an MPS document \(text\/html, 17 bytes\)\./);
    assert.ok(errorOf(() => parseMpsResponse("X", res(200, '{"JobId":'))) instanceof InvalidResponseError);
    assert.ok(errorOf(() => parseMpsResponse("X", res(200, "[1,2]"))) instanceof InvalidResponseError);
  });
});

describe("MPS wrapped lists", () => {
  it("accepts the wrapped form the API answers and the flat form doc examples show", () => {
    assert.deepEqual(unwrap({ Pipeline: [{ Id: "a" }] }, "Pipeline"), [{ Id: "a" }]);
    assert.deepEqual(unwrap([{ Id: "a" }], "Pipeline"), [{ Id: "a" }]);
    assert.deepEqual(unwrap({ String: "p1" }, "String"), ["p1"]);
    assert.deepEqual(unwrap(undefined, "String"), []);
    assert.deepEqual(unwrap({ String: [] }, "String"), []);
  });
});

describe("MPS request parameters", () => {
  const schema = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "..", "..", "test", "fixtures", "vendor",
    "vendor-schema.json"), "utf8")).alibaba as { rpcCommonParams: { popCore: string[]; mtsDocs: string[] };
    actions: Record<string, { query: string[] }> };

  /** An MPS client whose transport keeps each request's parameters and answers `answer`. */
  function recording(answer: Record<string, unknown>, securityToken?: string) {
    const sent: Record<string, string>[] = [];
    const client = new MpsClient({ region: "cn-shanghai", nonce: () => "nonce-1", now: () => Date.UTC(2026, 0, 1),
      credentials: () => ({ keyId: "id", secret: "s", ...(securityToken ? { securityToken } : {}) }),
      transport: { async send(req) {
        sent.push(Object.fromEntries(new URLSearchParams(String(req.body))));
        return { status: 200, headers: {}, body: JSON.stringify({ RequestId: "r", ...answer }) };
      } } });
    return { client, sent };
  }

  async function sentParams(action: string, params: Record<string, string>, securityToken?: string):
    Promise<Record<string, string>> {
    const { client, sent } = recording({}, securityToken);
    await client.call(action, params, { idempotent: true });
    return sent[0]!;
  }

  it("of each action we call are ones the MTS client's request model has for that action", async () => {
    const pipeline = { Pipeline: { Id: "p1", Name: "n", State: "Active" } };
    const { client, sent } = recording({ JobId: "j1", ...pipeline, PipelineList: { Pipeline: [] } });
    await submitIProductionJob(client, toSubmitParams({ region: "cn-shanghai", functionName: "Cover",
      input: "oss://b.oss-cn-shanghai.aliyuncs.com/in.mp4", output: "oss://b.oss-cn-shanghai.aliyuncs.com/o/",
      jobParams: { Model: "" }, modelId: "m", pipelineId: "p1", notifyUrl: "https://n.example.com", userData: "u",
      scheduleParams: { Priority: 5 } } as never, "marker"));
    await queryIProductionJob(client, "j1");
    await addPipeline(client, { name: "n", speed: "Standard", speedLevel: 1, notifyConfig: { topic: "t" }, role: "r" });
    await updatePipeline(client, { pipelineId: "p1", name: "n", state: "Active", notifyConfig: {}, role: "" });
    await queryPipelineList(client, ["p1"]);
    await deletePipeline(client, "p1");
    assert.equal(sent.length, 6);
    for (const params of sent) {
      const action = params.Action!;
      const allowed = new Set([...schema.rpcCommonParams.popCore, "Signature", ...schema.actions[action]!.query]);
      assert.deepEqual(Object.keys(params).filter((k) => !allowed.has(k)), [], action);
    }
    assert.deepEqual(Object.keys(sent[0]!).filter((k) => schema.actions.SubmitIProductionJob!.query.includes(k)).sort(),
      ["FunctionName", "Input", "JobParams", "ModelId", "NotifyUrl", "Output", "PipelineId", "ScheduleParams",
        "UserData"]);
  });

  it("are the action's own and exactly the common parameters pop-core sends: no RegionId", async () => {
    const sent = await sentParams("QueryIProductionJob", { JobId: "j1" });
    const common = Object.keys(sent).filter((k) => !schema.actions.QueryIProductionJob!.query.includes(k)).sort();
    assert.deepEqual(common, schema.rpcCommonParams.popCore.filter((k) => k !== "SecurityToken").sort());
    assert.equal("RegionId" in sent, false);
    assert.ok(schema.rpcCommonParams.mtsDocs.every((k) => k in sent), "every parameter the doc requires is sent");
    const withToken = await sentParams("SearchPipeline", { State: "All" }, "tok");
    assert.equal(withToken.SecurityToken, "tok");
    assert.deepEqual(Object.keys(withToken).filter((k) => !schema.actions.SearchPipeline!.query.includes(k)).sort(),
      [...schema.rpcCommonParams.popCore].sort());
  });
});
