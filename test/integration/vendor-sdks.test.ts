/**
 * The vendors' own Node SDKs against the emulator, pointed at it the way a user would (the vendor host names mapped
 * to the emulator, the SDK given `http` and the emulator's port): `cos-nodejs-sdk-v5` (its generic `request`, every
 * CI route), `@alicloud/pop-core` (RPC, signature v1, POST form and GET query) and `@alicloud/mts20140618` on
 * `@alicloud/openapi-core` (signature V3, ACS3-HMAC-SHA256, parameters in the query of an empty POST).
 */
import assert from "node:assert/strict";
import COS from "cos-nodejs-sdk-v5";
import RPCClient from "@alicloud/pop-core";
import Mts, * as $Mts from "@alicloud/mts20140618";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import {
  Emulator, EMULATOR_ALIBABA_CREDENTIALS as ALI, EMULATOR_TENCENT_CREDENTIALS as TC, startEmulator,
} from "../../emulator";
import { mapVendorHostsToLoopback } from "../helpers/vendor-hosts";
import { EMULATOR_MPS_KEY } from "../helpers/clients";
import { commonParams, rpcTimestamp, signedBody } from "../../provider/clients/alibaba/rpc-sign";
import { MPS_API_VERSION } from "../../provider/clients/alibaba/mps-client";
import { randomUUID } from "node:crypto";
import { request } from "undici";
import https from "node:https";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const BUCKET = "examplebucket-1250000000";
const REGION = "ap-guangzhou";
const MPS_REGION = "cn-shanghai";

type CosResult = Record<string, unknown> & { Response?: Record<string, unknown> };

describe("the vendors' SDKs against the emulator", function () {
  this.timeout(30_000);
  let emulator: Emulator;
  let port: string;
  let restoreHosts: () => void;

  before(async () => {
    restoreHosts = mapVendorHostsToLoopback();
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 2000, finishedAfterMs: 4000 } },
      alibaba: { timeline: { analysingAfterMs: 2000, finishedAfterMs: 4000 } } });
    port = new URL(emulator.url).port;
  });
  after(async () => {
    await emulator.close();
    restoreHosts();
  });

  describe("cos-nodejs-sdk-v5, generic request", () => {
    const cos = (secretKey: string = TC.secretKey) => new COS({ SecretId: TC.secretId, SecretKey: secretKey, Protocol: "http:" });
    const ci = (method: string, key: string, more: Record<string, unknown> = {}, client = cos()) =>
      new Promise<CosResult>((resolve, reject) => client.request({
        Bucket: BUCKET, Region: REGION, Method: method, Key: key,
        Url: `http://${BUCKET}.ci.${REGION}.myqcloud.com:${port}/${key}`, ...more,
      } as never, (err: unknown, data: unknown) => (err ? reject(err) : resolve(data as CosResult))));
    const xml = (request: Record<string, unknown>) => ({ Body: COS.util.json2xml({ Request: request }),
      ContentType: "application/xml" });

    let jobId = "";
    let batchId = "";
    let queueId = "";

    it("POST /jobs submits a job", async () => {
      const res = await ci("POST", "jobs", xml({ Tag: "MediaInfo", Input: { Object: "in/video.mp4" },
        Operation: { UserData: "cos-sdk" } }));
      const detail = res.Response!.JobsDetail as Record<string, string>;
      assert.equal(detail.State, "Submitted");
      jobId = detail.JobId;
      queueId = (detail as Record<string, string>).QueueId;
      assert.match(jobId, /^j/);
    });

    it("GET /jobs/<id> describes it", async () => {
      const res = await ci("GET", `jobs/${jobId}`);
      assert.equal((res.Response!.JobsDetail as Record<string, string>).JobId, jobId);
    });

    it("GET /jobs?… lists jobs (query parameters signed)", async () => {
      const res = await ci("GET", "jobs", { Query: { queueId, tag: "MediaInfo", size: "10", orderByTime: "Desc" } });
      assert.ok(JSON.stringify(res.Response).includes(jobId));
    });

    it("PUT /jobs/<id>?cancel cancels a job not yet running", async () => {
      await ci("PUT", `jobs/${jobId}`, { Action: "cancel" });
      const res = await ci("GET", `jobs/${jobId}`);
      assert.equal((res.Response!.JobsDetail as Record<string, string>).State, "Cancel");
    });

    it("POST /inventorytriggerjob submits a batch", async () => {
      const res = await ci("POST", "inventorytriggerjob", xml({ Name: "cos-sdk", Type: "Job",
        Input: { Prefix: "in/" }, Operation: { Tag: "MediaInfo", QueueId: queueId, JobParam: {} } }));
      batchId = (res.Response!.JobsDetail as Record<string, string>).JobId;
      assert.match(batchId, /^b/);
    });

    it("GET /inventorytriggerjob/<id> and GET /inventorytriggerjob?… describe and list it", async () => {
      const one = await ci("GET", `inventorytriggerjob/${batchId}`);
      assert.equal((one.Response!.JobsDetail as Record<string, string>).Name, "cos-sdk");
      const list = await ci("GET", "inventorytriggerjob", { Query: { type: "Job", name: "cos-sdk" } });
      assert.ok(JSON.stringify(list.Response).includes(batchId));
    });

    it("PUT /inventorytriggerjob/<id>?cancel cancels it", async () => {
      await ci("PUT", `inventorytriggerjob/${batchId}`, { Action: "cancel" });
      const res = await ci("GET", `inventorytriggerjob/${batchId}`);
      assert.equal((res.Response!.JobsDetail as Record<string, string>).State, "Cancel");
    });

    it("GET /queue and PUT /queue/<id> read and update a queue", async () => {
      const list = await ci("GET", "queue", { Query: { queueIds: queueId } });
      assert.ok(JSON.stringify(list.Response).includes(queueId));
      const res = await ci("PUT", `queue/${queueId}`, xml({ Name: "renamed", State: "Active",
        NotifyConfig: { State: "Off" } }));
      assert.equal((res.Response!.Queue as Record<string, string>).Name, "renamed");
    });

    it("an unknown queue id comes back in NonExistPIDs, nested as cos-cpp-sdk-v5 reads it", async () => {
      const gone = "p0123456789abcdef0123456789abcdef";
      const res = await ci("GET", "queue", { Query: { queueIds: `${queueId},${gone}` } });
      assert.deepEqual(res.Response!.NonExistPIDs, { QueueId: gone });
      assert.equal((res.Response!.QueueList as Record<string, string>).QueueId, queueId);
    });

    it("a route no API answers gets the JSON 404 COS answers, which the SDK reads", async () => {
      const err = await ci("GET", "nosuchroute").then(() => undefined, (e: unknown) => e) as Record<string, unknown>;
      assert.deepEqual([err.statusCode, err.code], [404, "404"]);
      assert.match(String((err.headers as Record<string, string>)["content-type"]), /^application\/json/);
    });

    it("a wrong key is refused with CI's error document", async () => {
      await assert.rejects(ci("GET", `jobs/${jobId}`, {}, cos("wrong-secret")),
        (e: unknown) => JSON.stringify(e).includes("SignatureDoesNotMatch"));
    });

    it("an unknown host answers an error document the SDK reads", async () => {
      const other = await new Promise<unknown>((resolve) => cos().request({ Bucket: BUCKET, Region: REGION,
        Method: "GET", Key: "jobs", Url: `http://${BUCKET}.cos-website.${REGION}.myqcloud.com:${port}/jobs` } as never,
      (err: unknown) => resolve(err)));
      assert.match(JSON.stringify(other), /NoSuchHost/);
    });
  });

  describe("@alicloud/pop-core (RPC, signature v1)", () => {
    const rpc = (secret: string = ALI.accessKeySecret) => new RPCClient({ accessKeyId: ALI.accessKeyId,
      accessKeySecret: secret, endpoint: `http://mts.${MPS_REGION}.aliyuncs.com:${port}`, apiVersion: "2014-06-18" });
    const call = (action: string, params: Record<string, unknown>, method = "POST") =>
      rpc().request<Record<string, unknown>>(action, params, { method });

    it("every pipeline action and both job actions, by POST form and GET query", async () => {
      const added = await call("AddPipeline", { Name: "pop-core" });
      const id = (added.Pipeline as Record<string, string>).Id;
      assert.match((added.Pipeline as Record<string, string>).CreationTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      await call("UpdatePipeline", { PipelineId: id, Name: "pop-core-2", State: "Paused" });
      const listed = await call("QueryPipelineList", { PipelineIds: id }, "GET");
      assert.equal(((listed.PipelineList as Record<string, unknown[]>).Pipeline[0] as Record<string, string>).Name,
        "pop-core-2");
      const searched = await call("SearchPipeline", { State: "Paused" }, "GET");
      assert.ok(JSON.stringify(searched).includes(id));
      const submitted = await call("SubmitIProductionJob", { FunctionName: "ImageCartoonize",
        Input: `oss://example-bucket.oss-${MPS_REGION}.aliyuncs.com/in.jpg`, JobParams: JSON.stringify({ Model: "gif" }),
        Output: `oss://example-bucket.oss-${MPS_REGION}.aliyuncs.com/out/{sequenceId}.jpg` });
      const queried = await call("QueryIProductionJob", { JobId: submitted.JobId }, "GET");
      assert.equal(queried.JobId, submitted.JobId);
      assert.match(String(queried.PipelineId), /^[0-9a-f]{32}$/, "the default pipeline");
      await call("DeletePipeline", { PipelineId: id });
    });

    it("a wrong secret is refused with SignatureDoesNotMatch", async () => {
      await assert.rejects(rpc("wrong").request("SearchPipeline", {}, { method: "POST" }),
        (e: { code?: string }) => e.code === "SignatureDoesNotMatch");
    });

    it("an unknown host answers an error document the SDK reads", async () => {
      const other = new RPCClient({ accessKeyId: ALI.accessKeyId, accessKeySecret: ALI.accessKeySecret,
        endpoint: `http://ecs.${MPS_REGION}.aliyuncs.com:${port}`, apiVersion: "2014-05-26" });
      await assert.rejects(other.request("DescribeRegions", {}, { method: "POST" }),
        (e: { code?: string }) => e.code === "NoSuchHost");
    });
  });

  describe("the MPS wire as the SDKs vary it (signature v1, our signer)", () => {
    const send = async (params: Record<string, string>, where: "query" | "body") => {
      const all = { ...commonParams({ action: "SearchPipeline", version: MPS_API_VERSION }, EMULATOR_MPS_KEY,
        rpcTimestamp(Date.now()), randomUUID()), ...params };
      const signed = signedBody("POST", all, EMULATOR_MPS_KEY.secret);
      const res = await request(`${emulator.url}/${where === "query" ? `?${signed}` : ""}`, { method: "POST",
        headers: { host: `mts.${MPS_REGION}.aliyuncs.com:${port}`,
          "content-type": "application/x-www-form-urlencoded" }, body: where === "body" ? signed : "" });
      return { status: res.statusCode, type: String(res.headers["content-type"]), body: await res.body.text() };
    };

    it("reads the parameters from the query string of a POST with an empty body", async () => {
      const res = await send({}, "query");
      assert.equal(res.status, 200, res.body);
      assert.ok(JSON.parse(res.body).PipelineList);
    });

    it("takes Format in any case, and answers XML when asked", async () => {
      assert.equal((await send({ Format: "json" }, "body")).status, 200);
      const xml = await send({ Format: "XML" }, "body");
      assert.equal(xml.status, 200, xml.body);
      assert.match(xml.type, /xml/);
      assert.match(xml.body, /^<SearchPipelineResponse><RequestId>[0-9a-f]+<\/RequestId>.*<\/SearchPipelineResponse>$/s);
      const bad = await send({ Format: "YAML" }, "body");
      assert.equal(bad.status, 400);
      assert.equal(JSON.parse(bad.body).Code, "InvalidParameter.Format");
    });
  });

  describe("@alicloud/mts20140618 (Tea client, signature V3)", () => {
    const mts = (secret: string = ALI.accessKeySecret) => new Mts(new $OpenApiUtil.Config({ accessKeyId: ALI.accessKeyId,
      accessKeySecret: secret, endpoint: `mts.${MPS_REGION}.aliyuncs.com:${port}`, protocol: "http",
      regionId: MPS_REGION }));

    it("every pipeline action and both job actions", async () => {
      const client = mts();
      const added = await client.addPipeline(new $Mts.AddPipelineRequest({ name: "tea" }));
      const id = added.body!.pipeline!.id!;
      await client.updatePipeline(new $Mts.UpdatePipelineRequest({ pipelineId: id, name: "tea-2", state: "Active" }));
      const listed = await client.queryPipelineList(new $Mts.QueryPipelineListRequest({ pipelineIds: id }));
      assert.equal(listed.body!.pipelineList!.pipeline![0]!.name, "tea-2");
      const searched = await client.searchPipeline(new $Mts.SearchPipelineRequest({ state: "All" }));
      assert.ok(searched.body!.pipelineList!.pipeline!.some((p) => p.id === id));
      const submitted = await client.submitIProductionJob(new $Mts.SubmitIProductionJobRequest({
        functionName: "Cover", pipelineId: id, jobParams: JSON.stringify({ Model: "" }),
        input: `oss://example-bucket.oss-${MPS_REGION}.aliyuncs.com/in.mp4`,
        output: `oss://example-bucket.oss-${MPS_REGION}.aliyuncs.com/covers/{sequenceId}.jpg` }));
      const jobId = submitted.body!.jobId!;
      const queried = await client.queryIProductionJob(new $Mts.QueryIProductionJobRequest({ jobId }));
      assert.equal(queried.body!.jobId, jobId);
      assert.equal(queried.body!.pipelineId, id);
      await client.deletePipeline(new $Mts.DeletePipelineRequest({ pipelineId: id }));
    });

    it("a wrong secret is refused with SignatureDoesNotMatch", async () => {
      await assert.rejects(mts("wrong").searchPipeline(new $Mts.SearchPipelineRequest({})),
        (e: { code?: string }) => e.code === "SignatureDoesNotMatch");
    });
  });

  describe("over HTTPS (the emulator's TLS, its certificate named as the CA as each SDK allows)", () => {
    let tlsEmulator: Emulator;
    let tlsPort: string;
    let ca: string;
    before(async () => {
      tlsEmulator = await startEmulator({ tls: { names: [`mts.${MPS_REGION}.aliyuncs.com`, `*.ci.${REGION}.myqcloud.com`] } });
      tlsPort = new URL(tlsEmulator.url).port;
      ca = tlsEmulator.certificate!.cert;
    });
    after(() => tlsEmulator.close());

    it("cos-nodejs-sdk-v5 over https (it takes no CA: NODE_EXTRA_CA_CERTS, in a process of its own)", async () => {
      // The SDK's HTTP layer makes its own agents from its own options, so the process's CA list is the one way in,
      // and Node reads NODE_EXTRA_CA_CERTS at start-up only: run the call in a child Node, as a user's program would.
      const caFile = join(mkdtempSync(join(tmpdir(), "mediajobs-cos-ca-")), "emulator.pem");
      writeFileSync(caFile, ca);
      const script = `require(${JSON.stringify(join(__dirname, "..", "helpers", "vendor-hosts"))}).mapVendorHostsToLoopback();
        const COS = require("cos-nodejs-sdk-v5");
        new COS({ SecretId: ${JSON.stringify(TC.secretId)}, SecretKey: ${JSON.stringify(TC.secretKey)}, Protocol: "https:" })
          .request({ Bucket: "${BUCKET}", Region: "${REGION}", Method: "GET", Key: "queue",
            Url: "https://${BUCKET}.ci.${REGION}.myqcloud.com:${tlsPort}/queue" },
          (err, data) => console.log(JSON.stringify(err ? { code: err.code } : { queues: data.Response.QueueList })));`;
      const run = (env: Record<string, string>) => new Promise<Record<string, unknown>>((resolve, reject) =>
        execFile(process.execPath, ["-e", script], { cwd: join(__dirname, "..", "..", ".."),
          env: { ...process.env, ...env } }, (err, stdout, stderr) => (err ? reject(new Error(stderr)) :
          resolve(JSON.parse(stdout) as Record<string, unknown>))));
      try {
        assert.deepEqual(await run({ NODE_EXTRA_CA_CERTS: "" }), { code: "DEPTH_ZERO_SELF_SIGNED_CERT" },
          "untrusted until named");
        const trusted = await run({ NODE_EXTRA_CA_CERTS: caFile });
        assert.ok(trusted.queues, JSON.stringify(trusted));
      } finally {
        rmSync(dirname(caFile), { recursive: true, force: true });
      }
    });

    it("@alicloud/pop-core over https (an https.Agent with the CA)", async () => {
      const client = new RPCClient({ accessKeyId: ALI.accessKeyId, accessKeySecret: ALI.accessKeySecret,
        endpoint: `https://mts.${MPS_REGION}.aliyuncs.com:${tlsPort}`, apiVersion: "2014-06-18" });
      await assert.rejects(client.request("SearchPipeline", {}, { method: "POST", agent: new https.Agent() }),
        /self-signed certificate/);
      const res = await client.request<Record<string, unknown>>("SearchPipeline", {},
        { method: "POST", agent: new https.Agent({ ca }) });
      assert.ok(res.PipelineList, JSON.stringify(res));
    });

    it("@alicloud/mts20140618 over https (the Config's ca)", async () => {
      const client = (trusted?: string) => new Mts(new $OpenApiUtil.Config({ accessKeyId: ALI.accessKeyId,
        accessKeySecret: ALI.accessKeySecret, endpoint: `mts.${MPS_REGION}.aliyuncs.com:${tlsPort}`, protocol: "https",
        regionId: MPS_REGION, ...(trusted ? { ca: trusted } : {}) }));
      await assert.rejects(client().searchPipeline(new $Mts.SearchPipelineRequest({})), /self-signed certificate/);
      const res = await client(ca).searchPipeline(new $Mts.SearchPipelineRequest({ state: "All" }));
      assert.ok(res.body!.pipelineList, JSON.stringify(res.body));
    });
  });
});
