import assert from "node:assert/strict";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { Interrupts } from "../../../provider/lifecycle/interrupt";

describe("interrupts", () => {
  it("count create/read/update/delete in flight, so a signal can end the process once they answer", async () => {
    const interrupts = new Interrupts();
    let release!: () => void;
    const provider = interrupts.track<dynamic.ResourceProvider>({
      create: () => new Promise<{ id: string }>((r) => { release = () => r({ id: "x" }); }),
      delete: async () => { throw new Error("boom"); },
      check: async (_olds: unknown, news: Record<string, unknown>) => ({ inputs: news }),
    });
    const created = provider.create!({});
    assert.equal(interrupts.inFlight, 1);
    await provider.check!({}, {});
    assert.equal(interrupts.inFlight, 1, "check is not an operation that records anything");
    release();
    assert.deepEqual(await created, { id: "x" });
    assert.equal(interrupts.inFlight, 0);
    await assert.rejects(provider.delete!("x", {}), /boom/);
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
