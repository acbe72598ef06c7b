/** Every adopt / resubmit / fail decision of a submission, with scripted answers and no network. */
import assert from "node:assert/strict";
import { markerIdentityOf } from "../../../provider/resource/identity";
import { CloudApiError, InvalidResponseError, SubmissionConflictError, TransportError } from "../../../provider/errors";
import { classifyAnswer } from "../../../provider/http/retry";
import { EarlierRuns } from "../../../provider/lifecycle/earlier-runs";
import { submissionMarker, submitOnce, SubmitOnceOptions } from "../../../provider/lifecycle/submission";

interface Job {
  jobId: string;
}

const lostAnswer = () => new TransportError("ECONNRESET", "socket hang up", true);
const notSent = () => new TransportError("ECONNREFUSED", "refused", false);
const answer = (status: number, vendorCode: string) => new CloudApiError({ service: "ci", action: "CreateMediaJob",
  status, vendorCode, vendorMessage: "m", ...classifyAnswer(status, vendorCode) });

/** A scripted cloud: each submission takes the next outcome (a job id, or an error to throw). */
function scripted(outcomes: (string | Error)[], opts: { found?: (string | undefined)[]; earlier?: string } = {}) {
  const calls = { submits: 0, finds: 0, sleeps: 0 };
  const logs: string[] = [];
  const runs = new EarlierRuns(0);
  const found = [...(opts.found ?? [])];
  const options: SubmitOnceOptions<Job> = {
    submit: async () => {
      calls.submits++;
      const next = outcomes.shift();
      if (next === undefined) throw new Error("no more outcomes scripted");
      if (next instanceof Error) throw next;
      return { jobId: next };
    },
    idOf: (j) => j.jobId,
    runs,
    find: async () => {
      calls.finds++;
      const id = found.shift();
      return id === undefined ? undefined : { jobId: id };
    },
    findInProgress: opts.earlier === undefined ? undefined : async () => ({ jobId: opts.earlier! }),
    log: (l) => logs.push(l),
    sleep: async () => { calls.sleeps++; },
  };
  return { options, calls, logs, runs };
}

describe("submitOnce", () => {
  it("submits once when the answer arrives, and claims the job", async () => {
    const s = scripted(["j1"]);
    assert.deepEqual(await submitOnce(s.options), { jobId: "j1" });
    assert.deepEqual(s.calls, { submits: 1, finds: 0, sleeps: 0 });
    assert.equal(s.runs.fromEarlierRun("j1", -1e9), false, "claimed: never adopted as an earlier run's");
  });

  it("adopts an earlier run's job instead of submitting", async () => {
    const s = scripted([], { earlier: "j-old" });
    assert.deepEqual(await submitOnce(s.options), { jobId: "j-old" });
    assert.equal(s.calls.submits, 0);
    assert.match(s.logs[0]!, /earlier, interrupted run was found: adopting it/);
    assert.equal(s.runs.fromEarlierRun("j-old", -1e9), false, "claimed for this resource");
  });

  it("adopts the job a lost answer created, found by its marker, without submitting again", async () => {
    const s = scripted([lostAnswer()], { found: ["j-lost"] });
    assert.deepEqual(await submitOnce(s.options), { jobId: "j-lost" });
    assert.deepEqual(s.calls, { submits: 1, finds: 1, sleeps: 0 });
    assert.match(s.logs[0]!, /answer to a submission was lost .*socket hang up.*found and adopted/);
  });

  for (const [name, error] of [["a 5xx", answer(500, "InternalError")], ["a garbled 200", new InvalidResponseError({
    service: "ci", action: "CreateMediaJob", status: 200, problem: "no JobId", retryable: false })]] as const) {
    it(`after ${name}, looks up (three times, pausing) and submits again only when no job exists`, async () => {
      const s = scripted([error, "j2"]);
      assert.deepEqual(await submitOnce(s.options), { jobId: "j2" });
      assert.deepEqual(s.calls, { submits: 2, finds: 3, sleeps: 3 });
      assert.match(s.logs[0]!, /no job was created: submitting again/);
    });
  }

  it("finds the job on a later lookup (a new job takes a moment to be listed)", async () => {
    const s = scripted([lostAnswer()], { found: [undefined, "j3"] });
    assert.deepEqual(await submitOnce(s.options), { jobId: "j3" });
    assert.deepEqual(s.calls, { submits: 1, finds: 2, sleeps: 1 });
  });

  for (const [name, error] of [["a refusal", answer(400, "InvalidArgument")], ["a throttled refusal (its retries spent)",
    answer(503, "SlowDown")], ["a connection never made", notSent()], ["a bug", new TypeError("x")]] as const) {
    it(`fails at once after ${name}: the cloud cannot have created the job`, async () => {
      const s = scripted([error]);
      await assert.rejects(submitOnce(s.options), (e) => e === error);
      assert.deepEqual(s.calls, { submits: 1, finds: 0, sleeps: 0 });
    });
  }

  it("gives up after the last attempt, with the last error, never having submitted without a lookup", async () => {
    const errors = Array.from({ length: 6 }, lostAnswer);
    const s = scripted([...errors]);
    await assert.rejects(submitOnce(s.options), (e) => e === errors[5]);
    assert.equal(s.calls.submits, 6);
    assert.equal(s.calls.finds, 15, "three lookups after each of the first five failures");
  });

  it("fails when the lookup cannot tell which job is ours", async () => {
    const s = scripted([lostAnswer()]);
    s.options.find = async () => { throw new SubmissionConflictError("m", ["a", "b"], "two jobs carry it"); };
    await assert.rejects(submitOnce(s.options), SubmissionConflictError);
    assert.equal(s.calls.submits, 1);
  });
});

describe("submission markers", () => {
  const inputs = (extra: Record<string, unknown> = {}) => ({ bucket: "b-1250000000", tag: "MediaInfo",
    input: { object: "a.mp4" }, ...extra });
  const identity = "proj/stack/CiMediaJob/a";

  it("is the same for the same resource and job inputs, whatever the knobs that update in place", () => {
    const a = submissionMarker(identity, inputs(), undefined);
    assert.match(a.marker, /^mediajobs-[0-9a-f]{24}$/);
    assert.equal(a.adoptable, true);
    assert.equal(submissionMarker(identity, inputs({ timeoutSeconds: 5, skipAwait: true, deleteOutputsOnDestroy: true }),
      undefined).marker, a.marker);
  });

  it("is what 0.1 computed for the same resource and inputs: a job submitted before an upgrade is still adopted", () => {
    assert.equal(submissionMarker(identity, inputs(), undefined).marker, "mediajobs-2068bd07b3f0ed668ba43be9");
  });

  it("is the same in both forms: the dynamic URN, the plugin's URN and 0.1's identity name one resource", () => {
    const dynamicUrn = "urn:pulumi:stack::proj::pulumi-nodejs:dynamic/mediajobs:CiMediaJob::a";
    const pluginUrn = "urn:pulumi:stack::proj::mediajobs:index:CiMediaJob::a";
    for (const urn of [dynamicUrn, pluginUrn]) {
      assert.equal(submissionMarker(markerIdentityOf(urn), inputs(), undefined).marker,
        submissionMarker(identity, inputs(), undefined).marker, urn);
    }
    assert.equal(markerIdentityOf(identity), identity);
    const marker = (urn: string) => submissionMarker(markerIdentityOf(urn), inputs(), undefined).marker;
    assert.equal(marker("urn:pulumi:stack::proj::my:C$pulumi-nodejs:dynamic/mediajobs:CiMediaJob::a"),
      marker("urn:pulumi:stack::proj::my:C$mediajobs:index:CiMediaJob::a"), "under a component, too");
    assert.notEqual(marker("urn:pulumi:stack::proj::my:C$mediajobs:index:CiMediaJob::a"),
      marker("urn:pulumi:stack::proj::my:D$mediajobs:index:CiMediaJob::a"), "one name under two components: two jobs");
  });

  it("differs for another resource, another input or other triggers", () => {
    const a = submissionMarker(identity, inputs(), undefined).marker;
    assert.notEqual(submissionMarker("proj/stack/CiMediaJob/b", inputs(), undefined).marker, a);
    assert.notEqual(submissionMarker(identity, inputs({ input: { object: "b.mp4" } }), undefined).marker, a);
    assert.notEqual(submissionMarker(identity, inputs({ triggers: [2] }), undefined).marker, a);
  });

  it("is the user's UserData when set, and then cannot identify an earlier run's job", () => {
    assert.deepEqual(submissionMarker(identity, inputs(), "campaign=1"), { marker: "campaign=1", adoptable: false });
  });

  it("is random without an identity (providers driven directly), and not adoptable", () => {
    const a = submissionMarker(undefined, inputs(), undefined);
    assert.equal(a.adoptable, false);
    assert.notEqual(submissionMarker(undefined, inputs(), undefined).marker, a.marker);
  });
});
