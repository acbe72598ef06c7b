/** The benchmark's statistics (bench/stats.ts): medians and spreads over runs, the order of the forms. */
import assert from "node:assert/strict";
import { balancedOrder, median, medianOf, peakPerWindow, percentile, summarize, summarizeRecords } from "../../../bench/stats";

describe("bench statistics", () => {
  it("takes the median of odd and even counts, leaving out runs without a figure", () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([5, NaN, 1]), 3);
    assert.ok(Number.isNaN(median([])));
  });

  it("summarizes runs as median and min–max, keeping every run in order", () => {
    assert.deepEqual(summarize([1.1234, 1.3, 1.2]), { median: 1.2, min: 1.123, max: 1.3, runs: [1.1234, 1.3, 1.2] });
  });

  it("summarizes records field by field, nested records included", () => {
    const s = summarizeRecords([{ a: 1, t: { x: 10 } }, { a: 3, t: { x: 30 } }, { a: 2, t: { x: 20 } }]);
    assert.deepEqual(s, { a: { median: 2, min: 1, max: 3, runs: [1, 3, 2] },
      t: { x: { median: 20, min: 10, max: 30, runs: [10, 30, 20] } } });
  });

  for (const n of [2, 3, 4, 5]) {
    it(`orders ${n} measurements so that, over a cycle, each takes every position and follows every other equally`,
      () => {
        const items = Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));
        const cycle = n % 2 ? 2 * n : n;
        const rows = Array.from({ length: cycle }, (_, r) => balancedOrder(items, r));
        for (const row of rows) assert.deepEqual([...row].sort(), items);
        for (let pos = 0; pos < n; pos++) {
          const at = rows.map((row) => row[pos]);
          for (const x of items) assert.equal(at.filter((y) => y === x).length, cycle / n, `${x} at ${pos}`);
        }
        const follows = new Map<string, number>();
        for (const row of rows) {
          for (let i = 1; i < n; i++) follows.set(row[i - 1] + row[i], (follows.get(row[i - 1] + row[i]) ?? 0) + 1);
        }
        assert.equal(follows.size, n * (n - 1), "every ordered pair occurs");
        assert.equal(new Set(follows.values()).size, 1, `each pair equally often: ${JSON.stringify([...follows])}`);
        assert.deepEqual(balancedOrder(items, cycle), rows[0], "the cycle repeats");
      });
  }

  it("does not leave the fourth measurement always after the third, as a rotation would", () => {
    const forms = ["dynamic trivial", "plugin trivial", "dynamic jobs", "plugin jobs"];
    const before = (r: number) => { const o = balancedOrder(forms, r); return o[o.indexOf("plugin jobs") - 1]; };
    assert.deepEqual([0, 1, 2].map(before), ["plugin trivial", "dynamic trivial", "dynamic jobs"]);
  });

  it("takes the nearest-rank percentile", () => {
    assert.equal(percentile([10, 20, 30, 40], 95), 40);
    assert.equal(percentile([10, 20, 30, 40], 50), 20);
  });

  it("counts the most events in any sliding second", () => {
    assert.equal(peakPerWindow([0, 100, 999, 1000, 1500, 1600]), 4);
  });

  it("times a measurement again and again, one after the other, and keeps every timing with their median", async () => {
    const timings = [5.123, 4.2, 9.9];
    let running = 0;
    const got = await medianOf(3, async () => {
      assert.equal(running++, 0, "one at a time");
      await new Promise((r) => setTimeout(r, 1));
      running--;
      return timings.shift()!;
    });
    assert.deepEqual(got, { seconds: 5.12, samples: [5.12, 4.2, 9.9] });
    assert.equal((await medianOf(2, async () => [2.18, 2.26][running++]!)).seconds, 2.22, "to 2 decimals");
  });
});
