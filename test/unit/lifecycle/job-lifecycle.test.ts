/**
 * The job lifecycle over a fake cloud and a fake clock: create, the deadline, interrupts, update resuming a recorded
 * job, read of a vanished job, delete per state. No network, no real time.
 */
import assert from "node:assert/strict";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { Checker } from "../../../provider/check/checker";
import {
  CloudApiError, JobFailedError, JobNotFoundError, NotInitializedError, ValidationError, WaitTimeoutError,
} from "../../../provider/errors";
import { JobComputed, jobResource, JobSpec } from "../../../provider/lifecycle/job-lifecycle";
import { IN_PLACE_KNOBS, JOB_KNOB_INPUTS } from "../../../provider/lifecycle/job-knobs";
import { StatusPoller } from "../../../provider/lifecycle/poller";
import { ProviderContext } from "../../../provider/lifecycle/provider-context";
import { dynamicProvider } from "../../../provider/resource/dynamic";
import { opt, req, resource, t } from "../../../provider/schema/declare";
import { fakeClock } from "../../helpers/fake-clock";

interface FakeJob extends JobComputed {
  /** Fake-clock ms at which the job ends, and how. */
  endsAt: number;
  endsAs: string;
}

const TERMINAL = new Set(["Success", "Failed", "Cancel"]);

/** The fake job resource's declaration: what it takes, what it reports, what updates in place. */
const FAKE_JOB = resource({
  name: "FakeJob", description: "A job of the fake cloud.",
  inputs: { object: opt(t.string(), "The object."), runsFor: opt(t.integer(), "How long it runs (ms)."),
    endsAs: opt(t.string(), "How it ends."), ...JOB_KNOB_INPUTS },
  outputs: { jobId: req(t.string(), "Id."), state: req(t.string(), "State."), code: req(t.string(), "Code."),
    message: req(t.string(), "Message.") },
  idOutput: "jobId",
  updatable: [...IN_PLACE_KNOBS],
});

/** A cloud of jobs that run until `endsAt` on the fake clock. */
function fakeCloud(now: () => number) {
  const jobs = new Map<string, FakeJob>();
  const calls = { submit: 0, describe: 0, cancel: 0 };
  let failDescribe: Error | undefined;
  const view = (j: FakeJob): JobComputed => {
    const state = TERMINAL.has(j.state) ? j.state : now() >= j.endsAt ? j.endsAs : now() > 0 ? "Running" : j.state;
    return { jobId: j.jobId, state, code: state === "Failed" ? "InvalidInput" : "", message: state === "Failed" ? "bad" : "" };
  };
  const spec = (cancellable: boolean): JobSpec<JobComputed> => ({
    declaration: FAKE_JOB,
    service: "ci",
    terminalStates: TERMINAL,
    successState: "Success",
    check: (inputs) => {
      const c = new Checker();
      c.boolean("skipAwait", inputs.skipAwait);
      return c.result(inputs);
    },
    async submit(inputs) {
      calls.submit++;
      const job: FakeJob = { jobId: `j${calls.submit}`, state: "Submitted", code: "", message: "",
        endsAt: now() + Number(inputs.runsFor ?? 1000), endsAs: String(inputs.endsAs ?? "Success") };
      jobs.set(job.jobId, job);
      return view(job);
    },
    async query(_inputs, jobId) {
      calls.describe++;
      if (failDescribe) throw failDescribe;
      const job = jobs.get(jobId);
      return job && { computed: view(job), requestId: `r${calls.describe}` };
    },
    outputObjects: async () => [],
    recordedResult: () => [],
    ...(cancellable ? {
      async cancel(_inputs: Record<string, unknown>, current: JobComputed) {
        calls.cancel++;
        jobs.get(current.jobId)!.state = "Cancel";
        return "cancelled";
      },
    } : {}),
    summary: (inputs) => String(inputs.object),
  });
  return { jobs, calls, spec, failNextDescribes: (e: Error | undefined) => { failDescribe = e; } };
}

function setup(opts: { cancellable?: boolean } = {}) {
  const clock = fakeClock();
  const cloud = fakeCloud(clock.now);
  const context = new ProviderContext({ now: clock.now, poller: new StatusPoller(clock.clock) });
  const logs: string[] = [];
  const statuses: string[] = [];
  const provider = dynamicProvider(jobResource("fake-job", cloud.spec(opts.cancellable ?? true)),
    { context, log: (l) => logs.push(l), status: (l) => statuses.push(l) });
  /** Runs an engine call while the fake clock advances to `until`. */
  async function during<T>(call: Promise<T>, until: number): Promise<T> {
    const settled = call.then((v) => ({ v }), (e: unknown) => ({ e }));
    await clock.runUntil(until);
    const r = await settled;
    if ("e" in r) throw r.e;
    return r.v;
  }
  return { clock, cloud, context, logs, statuses, provider, during };
}

const inputs = (extra: Record<string, unknown> = {}) => ({ object: "a.mp4", runsFor: 3000, timeoutSeconds: 60,
  __provider: "serialized", ...extra });

describe("job lifecycle", () => {
  describe("create", () => {
    it("submits once, waits until the job succeeds, and answers the inputs plus the job's outputs", async () => {
      const { provider, cloud, during } = setup();
      const { id, outs } = await during(provider.create!(inputs()), 10_000);
      assert.equal(id, "j1");
      assert.deepEqual(outs, { ...inputs(), jobId: "j1", state: "Success", code: "", message: "" });
      assert.equal(cloud.calls.submit, 1);
    });

    it("shows the job's state and the time waited as status lines while it waits, then one line that stays", async () => {
      const { provider, logs, statuses, during } = setup();
      await during(provider.create!(inputs()), 10_000);
      assert.equal(statuses[0], "FakeJob j1 (a.mp4): submitted");
      assert.ok(statuses.includes("FakeJob j1 (a.mp4): Running (1s)"), statuses.join("\n"));
      assert.ok(!statuses.some((l) => l.includes("Success")), "the end is said once, by the line that stays");
      assert.equal(statuses.filter((l) => l.includes(": Running (")).length, 1, "an unchanged state is not repeated at " +
        `every poll: ${statuses.join(", ")}`);
      assert.deepEqual(logs, ["FakeJob j1 (a.mp4): Success after 3s"]);
    });

    it("shows an unchanged state again now and then, with the time waited", async () => {
      const { provider, statuses, during } = setup();
      await during(provider.create!(inputs({ runsFor: 100_000, timeoutSeconds: 600 })), 200_000);
      const running = statuses.filter((l) => l.includes(": Running ("));
      assert.ok(running.length >= 3 && running.length <= 5, running.join("\n"));
      assert.ok(running.includes("FakeJob j1 (a.mp4): Running (1s)"), running.join("\n"));
    });

    it("returns right after submission with skipAwait, polling nothing", async () => {
      const { provider, cloud, during } = setup();
      const { outs } = await during(provider.create!(inputs({ skipAwait: true })), 10_000);
      assert.equal(outs.state, "Submitted");
      assert.equal(cloud.calls.describe, 0);
    });

    it("fails a job that ends Failed with its JobId, Code, Message and RequestId, recording nothing", async () => {
      const { provider, during } = setup();
      const err = await during(provider.create!(inputs({ endsAs: "Failed" })), 10_000).then(() => undefined, (e) => e);
      assert.ok(err instanceof JobFailedError, String(err));
      assert.equal(err.code, "JobFailed");
      assert.match(err.message, /^Job j1 ended in state Failed: InvalidInput: bad\. \(RequestId r\d+\)/);
      assert.equal("id" in err, false, "a finished job is not recorded");
    });

    it("records a job still running at the deadline, with its whole state", async () => {
      const { provider, cloud, during } = setup();
      const err = await during(provider.create!(inputs({ runsFor: 1e9, timeoutSeconds: 5 })), 60_000)
        .then(() => undefined, (e) => e);
      assert.ok(err instanceof NotInitializedError, String(err));
      assert.ok(err instanceof WaitTimeoutError, "the deprecated name still matches");
      assert.equal(err.code, "NotInitialized");
      assert.equal(err.reason, "deadline");
      assert.equal(err.id, "j1");
      assert.deepEqual(err.reasons, [err.message]);
      assert.match(err.message, /^Job j1 is still Running: waiting stopped after 5s \(timeoutSeconds\)\. It is recorded/);
      assert.deepEqual(err.properties, { ...inputs({ runsFor: 1e9, timeoutSeconds: 5 }), jobId: "j1", state: "Running",
        code: "", message: "" }, "the whole state, inputs and __provider included");
      assert.equal(Object.keys(err).includes("properties"), false, "the state is not printed when the error is logged");
      assert.equal(cloud.calls.submit, 1);
    });

    it("records every waiting job at once when interrupted", async () => {
      const { provider, context, clock } = setup();
      const waits = [provider.create!(inputs({ runsFor: 1e9 })), provider.create!(inputs({ runsFor: 1e9 }))]
        .map((p) => p.then(() => undefined, (e) => e));
      await clock.runUntil(2000);
      context.interrupts.interrupt("SIGTERM");
      const errors = await Promise.all(waits);
      for (const err of errors) {
        assert.ok(err instanceof NotInitializedError);
        assert.equal(err.reason, "interrupt");
        assert.match(err.message, /waiting was interrupted \(SIGTERM\)/);
      }
      assert.deepEqual(errors.map((e) => e.id).sort(), ["j1", "j2"]);
    });

    it("records the job when its status cannot be read, with the cloud's error as the cause", async () => {
      const { provider, cloud, during } = setup();
      const cause = new CloudApiError({ service: "ci", action: "Describe", status: 403, vendorCode: "AccessDenied",
        vendorMessage: "no", retryable: false });
      cloud.failNextDescribes(cause);
      const err = await during(provider.create!(inputs()), 10_000).then(() => undefined, (e) => e);
      assert.ok(err instanceof NotInitializedError);
      assert.equal(err.reason, "error");
      assert.equal(err.cause, cause);
      assert.match(err.message, /^FakeJob j1: its status could not be read: .*AccessDenied.* the next `pulumi up` resumes/);
    });

    it("records a job that vanished while waiting, saying to refresh", async () => {
      const { provider, cloud, clock } = setup();
      const created = provider.create!(inputs({ runsFor: 1e9 })).then(() => undefined, (e) => e);
      await clock.runUntil(1000);
      cloud.jobs.clear();
      await clock.runUntil(5000);
      const err = await created;
      assert.ok(err instanceof NotInitializedError);
      assert.ok(err.cause instanceof JobNotFoundError);
      assert.match(err.message, /no longer knows job j1\. Run `pulumi refresh`/);
    });
  });

  describe("update", () => {
    it("resumes waiting for a recorded unfinished job: the same job, never a new one", async () => {
      const { provider, cloud, during } = setup();
      const err = await during(provider.create!(inputs({ runsFor: 20_000, timeoutSeconds: 5 })), 10_000)
        .then(() => undefined, (e) => e) as NotInitializedError;
      const news = inputs({ runsFor: 20_000, timeoutSeconds: 60 });
      const { outs } = await during(provider.update!(err.id, err.properties, news), 60_000);
      assert.equal(outs!.jobId, "j1");
      assert.equal(outs!.state, "Success");
      assert.equal(outs!.timeoutSeconds, 60, "the new knob is kept");
      assert.equal(cloud.calls.submit, 1);
    });

    it("only takes the new knobs for a finished job, asking the cloud nothing", async () => {
      const { provider, cloud, during } = setup();
      const olds = { ...inputs(), jobId: "j9", state: "Success", code: "", message: "" };
      const { outs } = await during(provider.update!("j9", olds, inputs({ timeoutSeconds: 5 })), 1000);
      assert.deepEqual(outs, { ...inputs({ timeoutSeconds: 5 }), jobId: "j9", state: "Success", code: "", message: "" });
      assert.equal(cloud.calls.describe, 0);
    });

    it("does not wait when skipAwait is now true", async () => {
      const { provider, cloud, during } = setup();
      const olds = { ...inputs(), jobId: "j9", state: "Running", code: "", message: "" };
      const { outs } = await during(provider.update!("j9", olds, inputs({ skipAwait: true })), 1000);
      assert.equal(outs!.state, "Running");
      assert.equal(cloud.calls.describe, 0);
    });
  });

  describe("read", () => {
    it("answers the job as the cloud reports it, inputs kept", async () => {
      const { provider, during } = setup();
      const { id, outs } = await during(provider.create!(inputs()), 10_000);
      assert.deepEqual(await provider.read!(id, outs), { id, props: outs });
    });

    it("removes a job the cloud no longer knows from the stack while it had not ended", async () => {
      const { provider } = setup();
      assert.deepEqual(await provider.read!("j404", { ...inputs(), jobId: "j404", state: "Running" }),
        { id: "", props: {} });
      assert.deepEqual(await provider.read!("j404", inputs()), { id: "", props: {} });
    });

    it("keeps the recorded outputs of a finished job the cloud no longer lists, and says so", async () => {
      const { provider, cloud, during, logs } = setup();
      const { id, outs } = await during(provider.create!(inputs()), 10_000);
      cloud.jobs.delete(id);
      assert.deepEqual(await provider.read!(id, outs), { id, props: outs });
      assert.ok(logs.some((l) => l === `FakeJob ${id} (Success) is no longer listed by the cloud (its job history ` +
        "has expired): its recorded outputs are kept (the state names no output objects to look for)."),
      logs.join("\n"));
    });
  });

  describe("delete", () => {
    async function running(s: ReturnType<typeof setup>): Promise<dynamic.CreateResult> {
      return s.during(s.provider.create!(inputs({ runsFor: 1e9, skipAwait: true })), 100);
    }

    it("cancels a job that has not finished, where the cloud allows it", async () => {
      const s = setup();
      const { id, outs } = await running(s);
      await s.provider.delete!(id, outs);
      assert.equal(s.cloud.calls.cancel, 1);
      assert.equal(s.cloud.jobs.get(id)!.state, "Cancel");
      assert.ok(s.logs.includes(`FakeJob ${id}: cancelled`));
    });

    it("forgets a job that has not finished where the cloud cannot cancel, saying so", async () => {
      const s = setup({ cancellable: false });
      const { id, outs } = await running(s);
      await s.provider.delete!(id, outs);
      assert.ok(s.logs.includes(`FakeJob ${id} is still Running: the cloud has no API to cancel it, so it is ` +
        "forgotten, not stopped."), s.logs.join("\n"));
    });

    it("does nothing for a finished job or one the cloud no longer knows", async () => {
      const s = setup();
      const { id, outs } = await s.during(s.provider.create!(inputs()), 10_000);
      const lines = s.logs.length;
      await s.provider.delete!(id, outs);
      await s.provider.delete!("j404", inputs());
      assert.equal(s.cloud.calls.cancel, 0);
      assert.equal(s.logs.length, lines);
    });
  });

  it("counts every engine operation in flight on the context's interrupts", async () => {
    const { provider, context, clock } = setup();
    const created = provider.create!(inputs());
    assert.equal(context.interrupts.inFlight, 1);
    await provider.check!({}, inputs());
    await provider.diff!("j1", inputs(), inputs());
    assert.equal(context.interrupts.inFlight, 1, "check and diff record nothing: not counted");
    await clock.runUntil(10_000);
    await created;
    assert.equal(context.interrupts.inFlight, 0);
  });

  it("refuses, without submitting, inputs that break a rule when driven without check() (users' own tests)", async () => {
    const { provider, cloud, during } = setup();
    const err = await during(provider.create!(inputs({ skipAwait: "maybe" })), 1000).then(() => undefined, (e) => e);
    assert.ok(err instanceof ValidationError, String(err));
    assert.equal(err.code, "Validation");
    assert.deepEqual(err.failures.map((f) => f.property), ["skipAwait"]);
    assert.match(err.message, /^The FakeJob inputs break a rule: skipAwait must be true or false; got "maybe"\.$/);
    assert.equal(cloud.calls.submit, 0);
  });

  it("checks and uses what check() returned", async () => {
    const { provider, during } = setup();
    const { inputs: checked, failures } = await provider.check!({}, inputs({ skipAwait: "false" }));
    assert.deepEqual(failures, []);
    const { outs } = await during(provider.create!(checked), 10_000);
    assert.equal(outs.state, "Success", "\"false\" waited");
  });
});
