import assert from "node:assert/strict";
import { DEFAULT_POLL, PollGroup, PollSchedule, StatusPoller } from "../../../provider/lifecycle/poller";
import { fakeClock } from "../../helpers/fake-clock";

const SCHEDULE: PollSchedule = DEFAULT_POLL;

/** A group whose jobs end at given times; records every request. */
function jobsEndingAt(endsAt: Record<string, number>, now: () => number, key = "bucket-a", maxBatch = 50) {
  const requests: { at: number; ids: string[] }[] = [];
  const group: PollGroup<string> = {
    key, maxBatch,
    async fetch(ids) {
      requests.push({ at: now(), ids: [...ids] });
      return new Map(ids.filter((id) => id in endsAt).map((id) => [id, now() >= endsAt[id] ? "Success" : "Running"]));
    },
  };
  return { group, requests };
}

const done = (s: string) => s === "Success";

describe("StatusPoller", () => {
  it("polls one job on an adaptive schedule: 0.5 s plus 5 % of its age", async () => {
    const c = fakeClock();
    const poller = new StatusPoller(c.clock);
    const { group, requests } = jobsEndingAt({ j1: 10_000 }, c.now);
    const result = poller.watch({ group, id: "j1", initial: "Submitted", isDone: done, deadline: 60_000,
      schedule: SCHEDULE });
    await c.runUntil(20_000);
    assert.deepEqual(await result, { value: "Success" });
    const at = requests.map((r) => Math.round(r.at));
    assert.deepEqual(at.slice(0, 3), [500, 1025, 1576]);
    for (let i = 1; i < at.length; i++) {
      assert.ok(at[i]! - at[i - 1]! <= 500 + 0.05 * at[i - 1]! + 1, `interval ${i} within 0.5 s + 5 % of the age`);
    }
    assert.ok(at[at.length - 1]! - 10_000 <= 1000, "the end of a 10 s job is seen within 1 s");
    assert.equal(requests.length, 15, "fifteen polls for a lone 10 s job (batched, 200 jobs cost about one each)");
  });

  it("describes a group's jobs in shared requests of at most maxBatch ids", async () => {
    const c = fakeClock();
    const poller = new StatusPoller(c.clock);
    const ends: Record<string, number> = {};
    for (let i = 0; i < 120; i++) ends[`a${i}`] = 5000;
    const a = jobsEndingAt(ends, c.now, "bucket-a");
    const b = jobsEndingAt({ b0: 5000 }, c.now, "bucket-b");
    const waits = [
      ...Object.keys(ends).map((id) => poller.watch({ group: a.group, id, initial: "", isDone: done,
        deadline: 60_000, schedule: SCHEDULE })),
      poller.watch({ group: b.group, id: "b0", initial: "", isDone: done, deadline: 60_000, schedule: SCHEDULE }),
    ];
    await c.runUntil(20_000);
    assert.ok((await Promise.all(waits)).every((r) => r.value === "Success"));
    assert.deepEqual(a.requests.slice(0, 3).map((r) => r.ids.length), [50, 50, 20]);
    assert.ok(a.requests.every((r) => r.ids.every((id) => id.startsWith("a"))), "a group never mixes buckets");
    assert.equal(new Set(a.requests.flatMap((r) => r.ids)).size, 120);
    assert.equal(a.requests.length, 3 * b.requests.length, "120 jobs cost three requests a round");
    assert.equal(poller.size, 0);
  });

  it("lets a job due soon join a request that has room", async () => {
    const c = fakeClock();
    const poller = new StatusPoller(c.clock);
    const { group, requests } = jobsEndingAt({ early: 1000, late: 1000 }, c.now);
    const first = poller.watch({ group, id: "early", initial: "", isDone: done, deadline: 60_000, schedule: SCHEDULE });
    await c.runUntil(200);
    const second = poller.watch({ group, id: "late", initial: "", isDone: done, deadline: 60_000, schedule: SCHEDULE });
    await c.runUntil(10_000);
    await Promise.all([first, second]);
    assert.deepEqual(requests[0], { at: 500, ids: ["early", "late"] }, "late (due at 0.7 s) rides along at 0.5 s");
    assert.equal(requests.length, 2);
  });

  it("stops at the deadline after one last poll, with the last value", async () => {
    const c = fakeClock();
    const poller = new StatusPoller(c.clock);
    const { group, requests } = jobsEndingAt({ j1: 1e9 }, c.now);
    const result = poller.watch({ group, id: "j1", initial: "Submitted", isDone: done, deadline: 3000,
      schedule: SCHEDULE });
    await c.runUntil(10_000);
    assert.deepEqual(await result, { value: "Running", stoppedBy: "deadline" });
    assert.equal(requests[requests.length - 1].at, 3000);
  });

  it("stops every wait at once when the signal aborts", async () => {
    const c = fakeClock();
    const poller = new StatusPoller(c.clock);
    const { group, requests } = jobsEndingAt({ j1: 1e9, j2: 1e9 }, c.now);
    const controller = new AbortController();
    const waits = ["j1", "j2"].map((id) => poller.watch({ group, id, initial: "Submitted", isDone: done,
      deadline: 1e9, schedule: SCHEDULE, signal: controller.signal }));
    await c.runUntil(1000);
    controller.abort("SIGTERM");
    const results = await Promise.all(waits);
    assert.deepEqual(results, [{ value: "Running", stoppedBy: "interrupt" }, { value: "Running", stoppedBy: "interrupt" }]);
    assert.equal(requests.length, 1);
    assert.equal(poller.size, 0);
  });

  it("fails only the jobs of a failed request, and a job the answer does not know", async () => {
    const c = fakeClock();
    const poller = new StatusPoller(c.clock);
    const known = jobsEndingAt({ ok: 2000 }, c.now, "good");
    const broken: PollGroup<string> = { key: "bad", maxBatch: 50, fetch: async () => { throw new Error("503 for good"); } };
    const waits = [
      poller.watch({ group: known.group, id: "ok", initial: "", isDone: done, deadline: 1e9, schedule: SCHEDULE }),
      poller.watch({ group: known.group, id: "gone", initial: "", isDone: done, deadline: 1e9, schedule: SCHEDULE }),
      poller.watch({ group: broken, id: "x", initial: "", isDone: done, deadline: 1e9, schedule: SCHEDULE }),
    ];
    const settled = Promise.allSettled(waits);
    await c.runUntil(10_000);
    const [ok, gone, bad] = await settled;
    assert.deepEqual(ok, { status: "fulfilled", value: { value: "Success" } });
    assert.match(String((gone as PromiseRejectedResult).reason), /gone is missing/);
    assert.match(String((bad as PromiseRejectedResult).reason), /503 for good/);
  });
});
