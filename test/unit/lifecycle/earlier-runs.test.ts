import assert from "node:assert/strict";
import { EarlierRuns } from "../../../provider/lifecycle/earlier-runs";

describe("earlier runs", () => {
  const startedAt = 1_000_000;

  it("count as an earlier run's only jobs created before this process started, less the skew margin", () => {
    const runs = new EarlierRuns(startedAt, 2000);
    assert.equal(runs.cutoff, startedAt - 2000);
    assert.equal(runs.fromEarlierRun("j", startedAt - 2001), true);
    assert.equal(runs.fromEarlierRun("j", startedAt - 2000), false);
    assert.equal(runs.fromEarlierRun("j", startedAt), false);
    assert.equal(runs.fromEarlierRun("j", NaN), false, "an unreadable time is never an earlier run's");
  });

  it("never count a job claimed by a resource of this run", () => {
    const runs = new EarlierRuns(startedAt);
    runs.claim("j");
    assert.equal(runs.fromEarlierRun("j", 0), false);
    assert.equal(runs.fromEarlierRun("k", 0), true);
  });

  it("leave an earlier run's job unfinished while it runs, or if it ended at most two minutes before we started", () => {
    const runs = new EarlierRuns(startedAt);
    assert.equal(runs.stillUnfinished(false, NaN), true, "in progress");
    assert.equal(runs.stillUnfinished(true, startedAt + 5), true, "ended while this run started");
    assert.equal(runs.stillUnfinished(true, startedAt - 120_000), true);
    assert.equal(runs.stillUnfinished(true, startedAt - 120_001), false, "ended long before: run it again");
    assert.equal(runs.stillUnfinished(true, NaN), false);
  });

  it("list once per key for the whole process, and try again after a failed listing", async () => {
    const runs = new EarlierRuns(startedAt);
    let calls = 0;
    const list = async () => { calls++; if (calls === 1) throw new Error("503"); return calls; };
    await assert.rejects(runs.listOnce("k", list), /503/);
    assert.equal(await runs.listOnce("k", list), 2);
    assert.equal(await runs.listOnce("k", list), 2, "kept");
    assert.equal(await runs.listOnce("other", list), 3);
  });
});
