import assert from "node:assert/strict";
import { waitFor } from "../../provider/wait";

/** A fake clock: sleeping advances it, so the test is exact and instant. */
function fakeClock() {
  let t = 0;
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms: number) => { sleeps.push(ms); t += ms; }, sleeps };
}

describe("waitFor", () => {
  it("polls with a growing interval until done", async () => {
    const clock = fakeClock();
    const states = ["Submitted", "Running", "Running", "Success"];
    const result = await waitFor({
      poll: async () => states.shift()!, isDone: (s) => s === "Success", deadline: 60_000,
      schedule: { minDelayMs: 100, maxDelayMs: 200, factor: 1.5 }, now: clock.now, sleep: clock.sleep,
    });
    assert.deepEqual(result, { value: "Success" });
    assert.deepEqual(clock.sleeps, [100, 150, 200]);
  });

  it("stops at the deadline with the last value", async () => {
    const clock = fakeClock();
    let polls = 0;
    const { value, stoppedBy } = await waitFor({
      poll: async () => `Running ${++polls}`, isDone: () => false, deadline: 1000,
      schedule: { minDelayMs: 300, maxDelayMs: 300, factor: 1 }, now: clock.now, sleep: clock.sleep,
    });
    assert.equal(stoppedBy, "deadline");
    assert.equal(value, "Running 5");
    assert.deepEqual(clock.sleeps, [300, 300, 300, 100], "the last sleep is cut to the deadline");
  });

  it("stops at once when its signal is aborted, even in the middle of a long pause", async () => {
    const controller = new AbortController();
    let polls = 0;
    const started = Date.now();
    setTimeout(() => controller.abort("SIGTERM"), 50);
    const { value, stoppedBy } = await waitFor({
      poll: async () => `Running ${++polls}`, isDone: () => false, deadline: Date.now() + 60_000,
      schedule: { minDelayMs: 30_000, maxDelayMs: 30_000, factor: 1 }, signal: controller.signal,
    });
    assert.equal(stoppedBy, "interrupt");
    assert.equal(value, "Running 1");
    assert.ok(Date.now() - started < 5000, "the 30 s pause was cut short");
  });
});
