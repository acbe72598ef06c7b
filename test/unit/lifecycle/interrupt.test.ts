import assert from "node:assert/strict";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { callsInFlight, tracked } from "../../../provider/lifecycle/interrupt";

describe("calls in flight", () => {
  it("are counted while create/read/update/delete run, so a signal can end the process once they answer", async () => {
    let release!: () => void;
    const provider = tracked<dynamic.ResourceProvider>({
      create: () => new Promise<{ id: string }>((r) => { release = () => r({ id: "x" }); }),
      delete: async () => { throw new Error("boom"); },
      check: async (_olds, news) => ({ inputs: news }),
    });
    const before = callsInFlight();
    const created = provider.create!({});
    assert.equal(callsInFlight(), before + 1);
    await provider.check!({}, {});
    assert.equal(callsInFlight(), before + 1, "check is not an operation that records anything");
    release();
    assert.deepEqual(await created, { id: "x" });
    assert.equal(callsInFlight(), before);
    await assert.rejects(provider.delete!("x", {}), /boom/);
    assert.equal(callsInFlight(), before, "a failed call is no longer in flight");
  });
});
