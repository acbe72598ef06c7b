import assert from "node:assert/strict";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { EMULATOR_ALIBABA_CREDENTIALS as CREDS, Emulator, startEmulator } from "../../emulator";
import { queryPipelineList } from "../../provider/clients/alibaba/pipelines";
import { createIProductionJobProvider } from "../../provider";
import { CloudApiError, JobFailedError } from "../../provider/errors";
import { EMULATOR_MPS_KEY, mpsClient } from "../helpers/clients";
import { mpsEmulatorEnv, withEnv } from "../helpers/env";

const OSS = "oss://example-bucket.oss-cn-shanghai.aliyuncs.com";
const cover = (input = `${OSS}/in/keynote.mp4`): Record<string, unknown> => ({
  region: "cn-shanghai", functionName: "Cover", input, output: `${OSS}/covers/{source}-{sequenceId}.jpg`,
  jobParams: { Model: "" }, timeoutSeconds: 30,
});

describe("IProductionJob provider against the emulator", function () {
  this.timeout(20_000);
  let emulator: Emulator;
  let restoreEnv: () => void;
  let provider: dynamic.ResourceProvider;
  const logs: string[] = [];
  const statuses: string[] = [];

  before(async () => {
    emulator = await startEmulator({ alibaba: { timeline: { analysingAfterMs: 100, finishedAfterMs: 300 } } });
    restoreEnv = mpsEmulatorEnv(emulator.url);
    provider = createIProductionJobProvider({ poll: { minDelayMs: 20, maxDelayMs: 100, ageFraction: 0.1 },
      log: (l) => logs.push(l), status: (l) => statuses.push(l) });
  });
  after(async () => {
    restoreEnv();
    await emulator.close();
  });

  it("runs a Cover job and returns the typed result with full oss:// URLs", async () => {
    const inputs = cover();
    const { id, outs } = await provider.create!(inputs);
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.equal(outs.state, "Success");
    assert.equal(outs.code, "0");
    assert.equal(outs.result.data.length, 3);
    assert.equal(typeof outs.result.data[0].score, "number");
    assert.deepEqual(outs.outputFiles, [0, 1, 2].map((i) => `${OSS}/covers/keynote-${i}.jpg`));
    for (const [k, v] of Object.entries(inputs)) assert.deepEqual(outs[k], v, `input ${k} is kept`);
    // JobParams went over the wire as a JSON string.
    const job = emulator.mps.jobs().find((j) => j.jobId === id)!;
    assert.equal(job.params.JobParams, '{"Model":""}');
    assert.ok(statuses.some((l) => l.includes(`${id} (Cover of `) && /: Analysing \(\d+s\)$/.test(l)),
      statuses.join("\n"));
    assert.ok(logs.some((l) => l.includes(`${id} (Cover of `) && /: Success after \d+s$/.test(l)), logs.join("\n"));
  });

  it("runs an ImageCartoonize job and names its file as a full URL", async () => {
    const { outs } = await provider.create!({ region: "cn-shanghai", functionName: "ImageCartoonize",
      input: `${OSS}/photos/me.jpg`, output: `${OSS}/cartoons/{source}.jpg` });
    assert.deepEqual(outs.outputFiles, [`${OSS}/cartoons/me.jpg`]);
    assert.deepEqual(outs.result.data, { files: [{ file: "cartoons/me.jpg" }] });
  });

  it("fails a job MPS reports Fail with JobId, Code, Message and RequestId, and records nothing", async () => {
    const err = await provider.create!(cover(`${OSS}/in/fail-corrupt.mp4`)).then(() => undefined, (e) => e);
    assert.ok(err instanceof JobFailedError, String(err));
    assert.equal(err.state, "Fail");
    assert.equal(err.jobCode, "InvalidParameter.ResourceContentBad");
    assert.match(err.message, /^Job [0-9a-f]{32} ended in state Fail: InvalidParameter\.ResourceContentBad: The input media cannot be decoded.*\(RequestId [0-9a-f]+\)/);
    assert.equal("id" in err, false);
  });

  it("retries throttling and submits exactly once", async () => {
    const before = emulator.mps.submissions();
    emulator.faults.script(["throttle", "throttle"]);
    const { outs } = await provider.create!(cover());
    assert.equal(outs.state, "Success");
    assert.equal(emulator.mps.submissions(), before + 1);
    const throttled = emulator.requests.filter((r) => r.host.startsWith("mts.") && r.status === 400);
    assert.ok(throttled.length >= 2);
  });

  it("refreshes a queued job, and forgets it on delete (MPS cannot cancel) with a line saying so", async () => {
    const slow = await startEmulator({ alibaba: { timeline: { analysingAfterMs: 60_000, finishedAfterMs: 120_000 } } });
    const restore = withEnv({ MEDIAJOBS_MPS_ENDPOINT: slow.url });
    try {
      const { id, outs } = await provider.create!({ ...cover(), skipAwait: true });
      const read = await provider.read!(id, outs);
      assert.equal(read.id, id);
      assert.equal(read.props!.state, "Queuing");
      assert.equal(read.props!.functionName, "Cover", "inputs stay in the refreshed state");
      const requestsBefore = slow.requests.length;
      const linesBefore = logs.length;
      await provider.delete!(id, read.props!);
      assert.deepEqual(slow.requests.slice(requestsBefore).map((r) => [r.method, r.status]), [["POST", 200]],
        "delete only looks the job up");
      assert.deepEqual(logs.slice(linesBefore), [`IProductionJob ${id} is still Queuing: the cloud has no API to ` +
        "cancel it, so it is forgotten, not stopped."]);
      assert.equal(slow.mps.jobs().length, 1, "the job goes on in MPS");
    } finally {
      restore();
      await slow.close();
    }
  });

  it("forgets a finished job on delete without a word", async () => {
    const { id, outs } = await provider.create!(cover());
    assert.equal(outs.state, "Success");
    const linesBefore = logs.length;
    await provider.delete!(id, outs);
    assert.deepEqual(logs.slice(linesBefore), []);
  });

  it("reports a job MPS no longer knows as gone on refresh", async () => {
    assert.deepEqual(await provider.read!("0".repeat(32), cover()), { id: "", props: {} });
  });

  it("keeps a finished job MPS forgot (job history expired) while its output files are there, else removes it",
    async () => {
      const forgetful = await startEmulator({ jobHistorySeconds: 0.2,
        alibaba: { timeline: { analysingAfterMs: 50, finishedAfterMs: 100 } } });
      const restore = withEnv({ MEDIAJOBS_MPS_ENDPOINT: forgetful.url });
      try {
        const { id, outs } = await provider.create!(cover());
        await new Promise((r) => setTimeout(r, 300));
        assert.deepEqual(forgetful.mps.jobs(), [], "the emulator forgot the job");
        // The synthetic job wrote nothing: its result is gone with it.
        assert.deepEqual(await provider.read!(id, outs), { id: "", props: {} });
        for (const i of [0, 1, 2]) forgetful.objects.put("oss", "example-bucket", `covers/keynote-${i}.jpg`, Buffer.from("x"));
        logs.length = 0;
        assert.deepEqual(await provider.read!(id, outs), { id, props: outs });
        assert.deepEqual(logs, [`IProductionJob ${id} (Success) is no longer listed by the cloud (its job history ` +
          "has expired): its recorded outputs are kept (3 output locations, all still there)."]);
      } finally {
        restore();
        await forgetful.close();
      }
    });

  it("fails before any request when the secret is missing, naming config key and env vars", async () => {
    const restore = withEnv({ ALICLOUD_SECRET_KEY: undefined, ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined });
    const count = emulator.requests.length;
    try {
      await assert.rejects(provider.create!(cover()),
        /alicloud:secretKey.*ALICLOUD_SECRET_KEY.*ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
      assert.equal(emulator.requests.length, count);
    } finally {
      restore();
    }
  });
});

describe("MPS signature verification by the emulator", () => {
  let emulator: Emulator;
  before(async () => { emulator = await startEmulator(); });
  after(async () => { await emulator.close(); });

  const client = (over: Partial<{ secret: string; now: () => number; nonce: () => string }> = {}) => mpsClient({
    region: "cn-shanghai", endpointOverride: emulator.url,
    credentials: () => ({ ...EMULATOR_MPS_KEY, secret: over.secret ?? EMULATOR_MPS_KEY.secret }),
    ...(over.now ? { now: over.now } : {}), ...(over.nonce ? { nonce: over.nonce } : {}),
  });

  it("refuses a wrong secret with SignatureDoesNotMatch, masking the AccessKeyId", async () => {
    const err = await queryPipelineList(client({ secret: "wrong" }), ["x"]).then(() => undefined, (e) => e);
    assert.ok(err instanceof CloudApiError);
    assert.equal(err.vendorCode, "SignatureDoesNotMatch");
    assert.equal(err.retryable, false);
    assert.doesNotMatch(err.message, new RegExp(CREDS.accessKeyId));
    assert.match(err.message, /server string to sign is:POST&%2F&AccessKeyId%3D\*\*\*/);
  });

  it("refuses a reused nonce", async () => {
    const c = client({ nonce: () => "fixed-nonce-for-test" });
    await queryPipelineList(c, ["x"]);
    await assert.rejects(queryPipelineList(c, ["x"]), (e: CloudApiError) => e.vendorCode === "SignatureNonceUsed");
  });

  it("refuses a stale timestamp with advice about the clock", async () => {
    await assert.rejects(queryPipelineList(client({ now: () => Date.now() - 20 * 60_000 }), ["x"]),
      (e: CloudApiError) => e.vendorCode === "InvalidTimeStamp.Expired");
  });

  it("signs every attempt afresh: a retried request is not refused as a reused nonce", async () => {
    emulator.faults.script(["throttle"]);
    assert.deepEqual((await queryPipelineList(client(), ["x"])).missing, ["x"]);
  });
});
