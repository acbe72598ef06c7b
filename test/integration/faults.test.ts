/**
 * Failure modes, proven by fault injection: nothing submitted is lost from view, nothing is submitted twice.
 */
import assert from "node:assert/strict";
import { Emulator, startEmulator } from "../../emulator";
import {
  createCiMediaJobProvider, createInventoryTriggerJobProvider, createIProductionJobProvider,
} from "../../provider";
import { toCreateRequest } from "../../provider/ci-media-job/wire";
import { CiMediaJobInputs } from "../../provider/ci-media-job/shape";
import { submitMediaJob } from "../../provider/clients/tencent/media-jobs";
import { AmbiguousSubmissionError } from "../../provider/errors";
import { FaultCounts } from "../../emulator";
import { ProviderContext } from "../../provider/lifecycle/provider-context";
import { submissionMarker } from "../../provider/lifecycle/submission";
import { ciEmulatorEnv, mpsEmulatorEnv } from "../helpers/env";

const BUCKET = "examplebucket-1250000000";
const REGION = "ap-guangzhou";
const POLL = { minDelayMs: 20, maxDelayMs: 100, ageFraction: 0.1 };

describe("failure modes under injected faults", function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let restoreEnv: () => void;
  const logs: string[] = [];
  const ci = createCiMediaJobProvider({ poll: POLL, log: (l) => logs.push(l) });
  const mediaInfo = (object: string) => ({ bucket: BUCKET, region: REGION, tag: "MediaInfo", input: { object },
    operation: {} });
  const jobsOf = (object: string) => emulator.ci.jobs().filter((j) => j.object === object);
  const duplicates = () => [...emulator.submissionsByUserData()].filter(([, n]) => n > 1);
  /** The faults that fired, without the request count. */
  const fired = (): Omit<FaultCounts, "requests"> => {
    const { requests: _requests, ...counts } = emulator.faults.counts();
    return counts;
  };
  const none = { throttled: 0, serverErrors: 0, resets: 0, lostAnswers: 0, delayed: 0 };

  beforeEach(async () => {
    logs.length = 0;
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 50, finishedAfterMs: 200 } },
      alibaba: { timeline: { analysingAfterMs: 50, finishedAfterMs: 200 } } });
    const restoreCi = ciEmulatorEnv(emulator.url);
    const restoreMps = mpsEmulatorEnv(emulator.url);
    restoreEnv = () => { restoreMps(); restoreCi(); };
  });
  afterEach(async () => {
    restoreEnv();
    await emulator.close();
  });

  it("CI: a submission whose answer is lost is found by its marker and adopted, not resubmitted", async () => {
    emulator.faults.script(["lostAnswer"]);
    const { id, outs } = await ci.create!(mediaInfo("lost/a.mp4"));
    assert.equal(outs.state, "Success");
    assert.deepEqual(jobsOf("lost/a.mp4").map((j) => j.jobId), [id], "exactly one job, and it is ours");
    assert.deepEqual(fired(), { ...none, lostAnswers: 1 });
    assert.deepEqual(duplicates(), []);
    assert.ok(logs.some((l) => /answer to a submission was lost .* found and adopted/.test(l)), logs.join("\n"));
  });

  it("CI: a 5xx on submission is looked up first, then submitted again when no job exists", async () => {
    emulator.faults.script(["serverError"]);
    const { id } = await ci.create!(mediaInfo("5xx/a.mp4"));
    assert.deepEqual(fired(), { ...none, serverErrors: 1 });
    assert.deepEqual(jobsOf("5xx/a.mp4").map((j) => j.jobId), [id]);
    assert.ok(logs.some((l) => /no job was created: submitting again/.test(l)));
  });

  it("CI: a connection reset on submission is handled the same way", async () => {
    emulator.faults.script(["reset"]);
    const { id } = await ci.create!(mediaInfo("reset/a.mp4"));
    assert.deepEqual(fired(), { ...none, resets: 1 });
    assert.deepEqual(jobsOf("reset/a.mp4").map((j) => j.jobId), [id]);
    assert.ok(logs.some((l) => /no job was created: submitting again/.test(l)), "looked up before submitting again");
  });

  it("CI: throttled submissions are retried (the cloud refused them) without a lookup", async () => {
    emulator.faults.script(["throttle", "throttle"]);
    const { id } = await ci.create!(mediaInfo("throttle/a.mp4"));
    assert.deepEqual(fired(), { ...none, throttled: 2 });
    assert.deepEqual(jobsOf("throttle/a.mp4").map((j) => j.jobId), [id]);
    assert.equal(emulator.requests.filter((r) => r.path === "/jobs" && r.method === "GET").length, 0, "no lookup");
  });

  it("CI: faults while waiting (describe) are retried and the job still completes", async () => {
    emulator.faults.script(["ok", "throttle", "serverError", "reset", "throttle"]);
    const { outs } = await ci.create!(mediaInfo("wait/a.mp4"));
    assert.equal(outs.state, "Success");
    assert.deepEqual(fired(), { ...none, throttled: 2, serverErrors: 1, resets: 1 });
    assert.equal(jobsOf("wait/a.mp4").length, 1, "the faults hit the status queries, not the submission");
  });

  it("MPS: a lost answer fails with the marker to look for, and nothing is resubmitted", async () => {
    const mps = createIProductionJobProvider({ poll: POLL, log: () => {} });
    emulator.faults.script(["lostAnswer"]);
    const err = await mps.create!({ region: "cn-shanghai", functionName: "ImageCartoonize",
      input: "oss://example-media.oss-cn-shanghai.aliyuncs.com/in/a.jpg",
      output: "oss://example-media.oss-cn-shanghai.aliyuncs.com/out/{source}.jpg" }).then(() => undefined, (e) => e);
    assert.ok(err instanceof AmbiguousSubmissionError, String(err));
    assert.match(err.message, /SubmitIProductionJob got no answer .* may have created the job; it was not submitted again/);
    assert.match(err.message, /UserData is "mediajobs-[0-9a-f]{24}"/);
    const jobs = emulator.mps.jobs();
    assert.equal(jobs.length, 1, "the job the lost answer was about exists, once");
    assert.equal(jobs[0]!.params.UserData, err.marker);
    assert.equal(emulator.mps.submissions(), 1);
    assert.deepEqual(fired(), { ...none, lostAnswers: 1 });
  });

  it("CI batch: a lost answer is found by name and marker and adopted", async () => {
    const batches = createInventoryTriggerJobProvider({ poll: POLL, log: () => {} });
    const queueId = emulator.ci.queues(BUCKET).find((q) => q.Category === "Transcoding")!.QueueId;
    emulator.faults.script(["lostAnswer"]);
    const { id, outs } = await batches.create!({ bucket: BUCKET, region: REGION, name: "lost-batch",
      input: { prefix: "up/" }, operation: { tag: "MediaInfo", queueId } });
    assert.equal(outs.state, "Success");
    assert.deepEqual(emulator.ci.batches().map((b) => b.jobId), [id]);
    assert.deepEqual(fired(), { ...none, lostAnswers: 1 });
  });

  it("20 concurrent jobs under 20% throttling, 5% 5xx, 2% resets and 5% lost answers: all succeed, none twice", async () => {
    emulator.faults.set({ throttle: 0.2, serverError: 0.05, reset: 0.02, lostAnswer: 0.05, seed: 7 });
    // The first submissions meet one fault of each kind for certain; the random mix follows.
    emulator.faults.script(["lostAnswer", "serverError", "reset", "throttle"]);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => ci.create!(mediaInfo(`mix/${i}.mp4`))));
    const failed = results.filter((r) => r.status === "rejected");
    assert.deepEqual(failed.map((f) => String((f as PromiseRejectedResult).reason)), []);
    for (let i = 0; i < 20; i++) assert.equal(jobsOf(`mix/${i}.mp4`).length, 1, `mix/${i}.mp4`);
    assert.deepEqual(duplicates(), []);
    const c = fired();
    for (const kind of ["throttled", "serverErrors", "resets", "lostAnswers"] as const) {
      assert.ok(c[kind] > 0, `${kind} fired: ${JSON.stringify(c)}`);
    }
  });
});

describe("jobs submitted by an earlier, interrupted run", function () {
  this.timeout(30_000);
  let emulator: Emulator;
  let restoreEnv: () => void;
  const logs: string[] = [];
  const contexts: ProviderContext[] = [];
  const props = (object: string, who: string, extra: Record<string, unknown> = {}) => ({ bucket: BUCKET, region: REGION,
    tag: "MediaInfo", input: { object }, operation: {}, __identity: `proj/stack/CiMediaJob/${who}`, ...extra });
  const identityOf = (p: Record<string, unknown>) => p.__identity as string;
  /** A provider process of its own, as each `pulumi up` has. */
  const run = (laterByMs = 0) => {
    const context = new ProviderContext({ now: () => Date.now() + laterByMs });
    contexts.push(context);
    return { context, ci: createCiMediaJobProvider({ context, poll: POLL, log: (l) => logs.push(l) }) };
  };
  /** What an earlier run did before it was cut off: submit with the resource's marker. */
  const submittedEarlier = async (p: Record<string, unknown>) => {
    const { __identity: _identity, ...jobInputs } = p;
    const inputs = jobInputs as unknown as CiMediaJobInputs;
    const request = toCreateRequest(inputs, submissionMarker(identityOf(p), jobInputs, inputs.operation.userData).marker);
    return (await submitMediaJob(run().context.ciClient(inputs), request)).jobId;
  };
  /** The next `pulumi up`, a minute later: the earlier run's jobs predate its process. */
  const nextRun = () => run(60_000).ci;

  beforeEach(async () => {
    logs.length = 0;
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 100, finishedAfterMs: 1500 } } });
    restoreEnv = ciEmulatorEnv(emulator.url);
  });
  afterEach(async () => {
    restoreEnv();
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await emulator.close();
  });

  it("adopts a job of the same resource still in progress instead of submitting again", async () => {
    const p = props("intr/a.mp4", "a");
    const earlier = await submittedEarlier(p);
    const { id, outs } = await nextRun().create!(p);
    assert.equal(id, earlier);
    assert.equal(outs.state, "Success");
    assert.equal(emulator.ci.jobs().length, 1);
    assert.ok(logs.some((l) => /submitted by an earlier, interrupted run was found: adopting/.test(l)));
  });

  it("never adopts by a user-set operation.userData: it is the same across runs whose triggers differ", async () => {
    const p = props("intr/b.mp4", "b", { operation: { userData: "campaign=launch" } });
    const earlier = await submittedEarlier(p);
    assert.notEqual((await nextRun().create!({ ...p, skipAwait: true })).id, earlier);
  });

  it("gives each of two resources with identical inputs its own job", async () => {
    const a = props("intr/c.mp4", "c1");
    const b = props("intr/c.mp4", "c2");
    const [ea, eb] = [await submittedEarlier(a), await submittedEarlier(b)];
    const ci = nextRun();
    const [ra, rb] = await Promise.all([ci.create!({ ...a, skipAwait: true }), ci.create!({ ...b, skipAwait: true })]);
    assert.deepEqual([ra.id, rb.id].sort(), [ea, eb].sort());
  });

  it("never adopts a job of this run (a sibling's, submitted moments ago) nor a job of another resource", async () => {
    const p = props("intr/g.mp4", "g");
    const { ci } = run();
    const first = await ci.create!({ ...p, skipAwait: true });
    assert.notEqual((await ci.create!({ ...p, skipAwait: true })).id, first.id, "created in this run: not adopted");
    const others = await submittedEarlier(props("intr/e.mp4", "e-other"));
    assert.notEqual((await nextRun().create!({ ...props("intr/e.mp4", "e"), skipAwait: true })).id, others);
  });

  it("does not adopt a job that ended long before the next run started (destroy then up runs it again)", async () => {
    const p = props("intr/d.mp4", "d");
    const finished = await submittedEarlier(p);
    await new Promise((r) => setTimeout(r, 1600));
    // Ten minutes later: that run's job ended long before this process started.
    assert.notEqual((await run(600_000).ci.create!({ ...p, skipAwait: true })).id, finished);
  });

  it("adopts a job of an earlier run that ended while this run was starting", async () => {
    const p = props("intr/f.mp4", "f");
    const earlier = await submittedEarlier(p);
    await new Promise((r) => setTimeout(r, 1600));
    assert.equal((await nextRun().create!(p)).id, earlier, "a large up reaches some resources after their jobs ended");
  });
});
