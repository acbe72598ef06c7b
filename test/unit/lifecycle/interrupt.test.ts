import assert from "node:assert/strict";
import { Interrupts } from "../../../provider/lifecycle/interrupt";

describe("interrupts", () => {
  it("count the engine calls in flight, so a signal can end the process once they answer", async () => {
    const interrupts = new Interrupts();
    let release!: () => void;
    const created = interrupts.run(() => new Promise<string>((r) => { release = () => r("x"); }));
    assert.equal(interrupts.inFlight, 1);
    release();
    assert.equal(await created, "x");
    assert.equal(interrupts.inFlight, 0);
    await assert.rejects(interrupts.run(async () => { throw new Error("boom"); }), /boom/);
    assert.equal(interrupts.inFlight, 0, "a failed call is no longer in flight");
  });

  it("abort one signal that every wait listens on, with the reason given", () => {
    const interrupts = new Interrupts();
    const signal = interrupts.signal;
    assert.equal(signal.aborted, false);
    interrupts.interrupt("SIGTERM");
    assert.equal(signal.aborted, true);
    assert.equal(signal.reason, "SIGTERM");
  });

  it("install no process signal handlers unless asked to", () => {
    const before = process.listenerCount("SIGINT");
    void new Interrupts().signal;
    assert.equal(process.listenerCount("SIGINT"), before);
  });
});
