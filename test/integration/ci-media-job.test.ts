import assert from "node:assert/strict";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { EMULATOR_TENCENT_CREDENTIALS as CREDS, Emulator, startEmulator } from "../../emulator";
import { request } from "undici";
import { authorization, keyTime } from "../../provider/clients/tencent/q-sign";
import { describeMediaJobs } from "../../provider/clients/tencent/media-jobs";
import { createCiMediaJobProvider } from "../../provider";
import { CloudApiError, JobFailedError } from "../../provider/errors";
import { ProviderContext } from "../../provider/lifecycle/provider-context";
import { ciClient, EMULATOR_CI_KEY } from "../helpers/clients";
import { ciEmulatorEnv, withEnv } from "../helpers/env";

const BUCKET = "examplebucket-1250000000";
const REGION = "ap-guangzhou";

const smartCover = (object = "in/video.mp4"): Record<string, unknown> => ({
  bucket: BUCKET, region: REGION, tag: "SmartCover", input: { object },
  operation: {
    smartCover: { format: "jpg", width: 640, height: 360, count: 2 },
    output: { region: REGION, bucket: BUCKET, object: "covers/${Number}.jpg" },
    userData: "it=1",
  },
  timeoutSeconds: 30,
});

/** Runs `fn` against a separate emulator whose jobs follow `timeline`, pointing the provider at it meanwhile. */
async function withTimeline(timeline: { runningAfterMs: number; finishedAfterMs: number },
  fn: (emulator: Emulator) => Promise<void>): Promise<void> {
  const emulator = await startEmulator({ tencent: { timeline } });
  const restore = withEnv({ MEDIAJOBS_CI_ENDPOINT: emulator.url });
  try {
    await fn(emulator);
  } finally {
    restore();
    await emulator.close();
  }
}

describe("CiMediaJob provider against the emulator", function () {
  this.timeout(20_000);
  let emulator: Emulator;
  let restoreEnv: () => void;
  let provider: dynamic.ResourceProvider;
  const context = new ProviderContext();
  const logs: string[] = [];
  const statuses: string[] = [];

  before(async () => {
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 150, finishedAfterMs: 400 } } });
    restoreEnv = ciEmulatorEnv(emulator.url);
    provider = createCiMediaJobProvider({ context, poll: { minDelayMs: 20, maxDelayMs: 100, ageFraction: 0.1 },
      log: (l) => logs.push(l), status: (l) => statuses.push(l) });
  });
  after(async () => {
    restoreEnv();
    await context.close();
    await emulator.close();
  });

  it("submits a SmartCover job, waits for Success and returns inputs plus results", async () => {
    const inputs = smartCover();
    const { id, outs } = await provider.create!(inputs);
    assert.match(id, /^j[0-9a-f]{32}$/);
    assert.equal(outs.jobId, id);
    assert.equal(outs.state, "Success");
    assert.equal(outs.code, "Success");
    assert.deepEqual(outs.outputObjects.map((o: { object: string }) => o.object), ["covers/0.jpg", "covers/1.jpg"]);
    for (const o of outs.outputObjects) assert.match(o.md5, /^[0-9a-f]{32}$/, `the MD5 CI reports for ${o.object}`);
    assert.match(outs.queueId, /^p[0-9a-f]{32}$/);
    assert.match(outs.endTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0800$/);
    for (const [k, v] of Object.entries(inputs)) assert.deepEqual(outs[k], v, `input ${k} is kept in the outputs`);
    // The job the cloud holds is the one we asked for, element for element.
    const job = emulator.ci.jobs().find((j) => j.jobId === id)!;
    assert.deepEqual(job.operation, {
      SmartCover: { Format: "jpg", Width: "640", Height: "360", Count: "2" },
      Output: { Region: REGION, Bucket: BUCKET, Object: "covers/${Number}.jpg" }, UserData: "it=1",
    });
    // Progress: the state while it waits as status lines, then one line that stays.
    assert.ok(statuses.some((l) => l.startsWith(`CiMediaJob ${id} (SmartCover of `) && /: Running \(\d+s\)$/.test(l)),
      statuses.join("\n"));
    assert.ok(logs.some((l) => new RegExp(`^CiMediaJob ${id} \\(SmartCover of .*\\): Success after \\d+s$`).test(l)),
      logs.join("\n"));
  });

  it("returns MediaInfo for a MediaInfo job", async () => {
    const { outs } = await provider.create!({ bucket: BUCKET, region: REGION, tag: "MediaInfo",
      input: { object: "in/clip.mov" }, operation: {} });
    assert.equal(outs.mediaInfo.format.formatName, "mov,mp4,m4a,3gp,3g2,mj2");
    assert.equal(outs.mediaInfo.stream.video[0].width, "1920");
    assert.equal(outs.mediaInfo.stream.audio[0].codecName, "aac");
    assert.deepEqual(outs.outputObjects, []);
  });

  it("fails a job that the cloud reports Failed with JobId, Code, Message and RequestId", async () => {
    const before = emulator.ci.jobs().length;
    const err = await provider.create!(smartCover("in/fail-corrupt.mp4")).then(() => undefined, (e) => e);
    assert.ok(err instanceof JobFailedError, String(err));
    assert.equal(err.state, "Failed");
    assert.equal(err.jobCode, "InvalidInput");
    assert.match(err.message, /^Job j[0-9a-f]{32} ended in state Failed: InvalidInput: The input media is damaged/);
    assert.match(err.message, /RequestId [0-9a-f]+/);
    assert.equal("id" in err, false, "a finished job is not recorded");
    assert.equal(emulator.ci.jobs().length, before + 1, "submitted exactly once");
  });

  it("returns right after submission with skipAwait, and update later waits for the end", async () => {
    const { id, outs } = await provider.create!({ ...smartCover(), skipAwait: true });
    assert.equal(outs.state, "Submitted");
    const { outs: after } = await provider.update!(id, outs, { ...smartCover(), skipAwait: false });
    assert.equal(after.state, "Success");
    assert.equal(after.skipAwait, false);
  });

  it("waits when skipAwait is the string \"false\" (stack config, other languages), using what check() returned", async () => {
    const { inputs, failures } = await provider.check!({}, { ...smartCover(), skipAwait: "false", timeoutSeconds: "30" });
    assert.deepEqual(failures, []);
    const { outs } = await provider.create!(inputs);
    assert.equal(outs.state, "Success", "the job was waited for, not left Submitted");
    assert.equal(outs.skipAwait, false);
    assert.equal(outs.timeoutSeconds, 30);
  });

  it("records a job still running at the deadline, and the next update resumes waiting on the same job", async () => {
    await withTimeline({ runningAfterMs: 100, finishedAfterMs: 2500 }, async (slow) => {
      const inputs = { ...smartCover(), timeoutSeconds: 1, __provider: "serialized" };
      const err = await provider.create!(inputs).then(() => undefined, (e) => e);
      assert.ok(err, "create must not succeed before the job ends");
      assert.match(err.message, /still (Submitted|Running): waiting stopped after 1s \(timeoutSeconds\).*next `pulumi up` resumes waiting/);
      assert.match(err.id, /^j[0-9a-f]{32}$/);
      assert.equal(err.properties.jobId, err.id);
      assert.equal(err.properties.__provider, "serialized", "the init-error properties carry __provider");
      assert.equal(err.properties.bucket, BUCKET);
      assert.deepEqual(err.reasons, [err.message]);
      const { outs } = await provider.update!(err.id, err.properties, { ...inputs, timeoutSeconds: 30 });
      assert.equal(outs.state, "Success");
      assert.equal(outs.jobId, err.id);
      assert.equal(slow.ci.jobs().length, 1, "no second job was submitted");
    });
  });

  it("cancels on delete a job that has not started running", async () => {
    await withTimeline({ runningAfterMs: 60_000, finishedAfterMs: 120_000 }, async (slow) => {
      const { id, outs } = await provider.create!({ ...smartCover(), skipAwait: true });
      await provider.delete!(id, outs);
      assert.notEqual(slow.ci.jobs()[0]!.cancelledAt, undefined, "the job was cancelled");
      assert.equal((await provider.read!(id, outs)).props!.state, "Cancel");
    });
  });

  it("forgets on delete a job that is already running, without failing", async () => {
    await withTimeline({ runningAfterMs: 0, finishedAfterMs: 60_000 }, async (slow) => {
      const { id, outs } = await provider.create!({ ...smartCover(), skipAwait: true });
      await provider.delete!(id, outs);
      assert.equal(slow.ci.jobs()[0]!.cancelledAt, undefined);
      assert.ok(slow.requests.every((r) => r.method !== "PUT"), "no cancel was attempted");
    });
  });

  it("refreshes a finished job, and removes a job that vanished from the cloud", async () => {
    const { id, outs } = await provider.create!(smartCover());
    const read = await provider.read!(id, outs);
    assert.equal(read.id, id);
    assert.equal(read.props!.state, "Success");
    assert.equal(read.props!.bucket, BUCKET, "inputs stay in the refreshed state");
    emulator.ci.forgetJob(id);
    // The synthetic job wrote nothing to the object store: its result is gone with it.
    assert.deepEqual(await provider.read!(id, outs), { id: "", props: {} });
    await provider.delete!(id, outs);
  });

  it("keeps a finished job the cloud forgot while its output objects are there (HEAD), and removes it once one is gone",
    async () => {
      const results = "results-1250000000";
      const job = smartCover();
      job.operation = { ...job.operation as object, output: { region: REGION, bucket: results, object: "kept/${Number}.jpg" } };
      const { id, outs } = await provider.create!(job);
      const written = (outs.outputObjects as { bucket: string; object: string }[]);
      assert.ok(written.length > 0 && written.every((o) => o.bucket === results), JSON.stringify(written));
      for (const o of written) emulator.objects.put("cos", results, o.object, Buffer.from("jpg"));
      emulator.ci.forgetJob(id);
      logs.length = 0;
      const heads = emulator.requests.length;
      assert.deepEqual(await provider.read!(id, outs), { id, props: outs }, "the recorded outputs are kept as they are");
      assert.equal(emulator.requests.slice(heads).filter((r) => r.method === "HEAD").length, written.length);
      assert.ok(logs.includes(`CiMediaJob ${id} (Success) is no longer listed by the cloud (its job history has ` +
        `expired): its recorded outputs are kept (${written.length} output locations, all still there).`), logs.join("\n"));

      emulator.objects.delete("cos", results, written[0]!.object);
      assert.deepEqual(await provider.read!(id, outs), { id: "", props: {} });
      assert.ok(logs.some((l) => l.includes(`and 1 of its ${written.length} output locations is gone ` +
        `(cos://${results}/${written[0]!.object}): it is removed from the stack, so the next \`pulumi up\` runs it again.`)),
      logs.join("\n"));
    });

  it("uses credentials from configure() before the environment", async () => {
    const restore = withEnv({ TENCENTCLOUD_SECRET_ID: "wrong-secret-id", TENCENTCLOUD_SECRET_KEY: "wrong" });
    try {
      await provider.configure!({ config: { get: (k: string) => ({ "tencentcloud:secretId": CREDS.secretId,
        "tencentcloud:secretKey": CREDS.secretKey } as Record<string, string>)[k], require: () => "" } });
      const { outs } = await provider.create!({ bucket: BUCKET, region: REGION, tag: "MediaInfo",
        input: { object: "in/a.mp4" }, operation: {} });
      assert.equal(outs.state, "Success");
    } finally {
      context.settings.useStackConfig(undefined);
      restore();
    }
  });

  it("fails before any request when credentials are missing", async () => {
    const restore = withEnv({ TENCENTCLOUD_SECRET_ID: undefined, TENCENTCLOUD_SECRET_KEY: undefined });
    const count = emulator.requests.length;
    try {
      await assert.rejects(provider.create!(smartCover()), /tencentcloud:secretId.*TENCENTCLOUD_SECRET_ID/);
      assert.equal(emulator.requests.length, count);
    } finally {
      restore();
    }
  });
});

describe("CI signature verification by the emulator", () => {
  let emulator: Emulator;
  before(async () => { emulator = await startEmulator(); });
  after(async () => { await emulator.close(); });

  const client = (opts: { secretKey?: string; now?: () => number; bucket?: string } = {}) => ciClient({
    bucket: opts.bucket ?? BUCKET, region: REGION, endpointOverride: emulator.url,
    credentials: () => ({ ...EMULATOR_CI_KEY, secret: opts.secretKey ?? EMULATOR_CI_KEY.secret }),
    ...(opts.now ? { now: opts.now } : {}),
  });

  it("accepts a correctly signed request", async () => {
    const { missing } = await describeMediaJobs(client(), ["jnope"]);
    assert.deepEqual(missing, ["jnope"], "unknown ids come back in NonExistJobIds");
  });

  it("refuses a wrong SecretKey with SignatureDoesNotMatch, and the error holds no key or signature", async () => {
    const err = await describeMediaJobs(client({ secretKey: "not-the-key" }), ["j1"]).then(() => undefined, (e) => e);
    assert.ok(err instanceof CloudApiError);
    assert.equal(err.status, 403);
    assert.equal(err.vendorCode, "SignatureDoesNotMatch");
    assert.match(err.message, /RequestId [0-9a-f]+/);
    assert.doesNotMatch(err.message, /not-the-key|q-signature|q-ak|AKID/);
  });

  it("reads Code, Message and RequestId from the emulator's JSON 404 for a route no API answers", async () => {
    const err = await client().call({ action: "DescribeNothing", method: "GET", path: "/nosuchroute",
      idempotent: true }).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof CloudApiError, String(err));
    assert.equal(err.code, "CloudApi", "a vendor error, not an unreadable answer");
    assert.deepEqual([err.status, err.vendorCode, err.vendorMessage], [404, "404", "404 NotFound"]);
    assert.match(err.requestId ?? "", /^[0-9a-f]{24}$/);
    assert.match(err.message, new RegExp(`DescribeNothing failed with HTTP 404: 404: 404 NotFound\\. \\(RequestId ` +
      `${err.requestId}\\)`));
  });

  it("refuses an expired KeyTime", async () => {
    const hourAgo = () => Date.now() - 3600_000;
    await assert.rejects(describeMediaJobs(client({ now: hourAgo }), ["j1"]),
      (e: CloudApiError) => e.vendorCode === "AccessDenied" && /expired/.test(e.vendorMessage));
  });

  /** Sends GET `path` with an Authorization signed for GET /jobs/j1 on `signedHost`. */
  async function replay(path: string, signedHost: string): Promise<{ status: number; body: string }> {
    const auth = authorization({ method: "GET", path: "/jobs/j1", query: {}, headers: { host: signedHost } }, EMULATOR_CI_KEY,
      keyTime(Math.floor(Date.now() / 1000), 600));
    const res = await request(`${emulator.url}${path}`, { headers: { host: client().host, authorization: auth } });
    return { status: res.statusCode, body: await res.body.text() };
  }

  it("refuses a signature made for another bucket (Host tampered)", async () => {
    const reply = await replay("/jobs/j1", client({ bucket: "otherbucket-1250000000" }).host);
    assert.equal(reply.status, 403);
    assert.match(reply.body, /SignatureDoesNotMatch/);
  });

  it("refuses a tampered path and an added query parameter", async () => {
    assert.equal((await replay("/jobs/j1", client().host)).status, 200, "the untampered request is accepted");
    for (const path of ["/jobs/j2", "/jobs/j1?size=10"]) {
      const reply = await replay(path, client().host);
      assert.equal(reply.status, 403, path);
      assert.match(reply.body, /SignatureDoesNotMatch/);
    }
  });
});
