/** The benchmark's statistics (bench/stats.ts): medians and spreads over runs, the rotation of the forms. */
import assert from "node:assert/strict";
import { median, peakPerWindow, percentile, rotate, summarize, summarizeRecords } from "../../../bench/stats";

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

  it("rotates the forms so that each goes first in turn", () => {
    const forms = ["a", "b", "c", "d"];
    assert.deepEqual([0, 1, 2, 3, 4].map((r) => rotate(forms, r)[0]), ["a", "b", "c", "d", "a"]);
    assert.deepEqual(rotate(forms, 1), ["b", "c", "d", "a"]);
  });

  it("takes the nearest-rank percentile", () => {
    assert.equal(percentile([10, 20, 30, 40], 95), 40);
    assert.equal(percentile([10, 20, 30, 40], 50), 20);
  });

  it("counts the most events in any sliding second", () => {
    assert.equal(peakPerWindow([0, 100, 999, 1000, 1500, 1600]), 4);
  });
});
