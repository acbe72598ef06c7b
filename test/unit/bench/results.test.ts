/** From raw rounds to medians, cross-form ratios and targets (bench/results.ts). */
import assert from "node:assert/strict";
import { JobsRun, Round, sizeResult, TrivialRun } from "../../../bench/results";

const trivial = (upSeconds: number, previewSeconds: number): TrivialRun => ({ upSeconds, previewSeconds,
  previewSamples: [previewSeconds], providerPeakRssMb: 100, state: { bytesPerResource: 700, fields: { urn: 100 } } });

const jobs = (wallSeconds: number, previewSeconds: number, stateBytes: number, rss: number): JobsRun => ({
  wallSeconds, previewSeconds, previewSamples: [previewSeconds], apiCalls: 1000, apiCallsPerJob: 5, peakRequestsPerSecond: 50, p95DetectionLagMs: 900,
  maxDetectionLagMs: 1000, providerPeakRssMb: rss, jobsSubmitted: 200,
  state: { bytesPerResource: stateBytes, fields: { outputs: stateBytes - 100 } }, timeline: { upExit: wallSeconds },
});

/** Three rounds at N = 200, D = 10: the plugin faster than the dynamic form in wall, slower in preview. */
const ROUNDS: Round[] = [
  { order: [], forms: { dynamic: { trivial: trivial(2, 4), jobs: jobs(13.2, 4.4, 3000, 200) },
    plugin: { trivial: trivial(2, 4), jobs: jobs(12, 6, 1100, 150) } } },
  { order: [], forms: { dynamic: { trivial: trivial(1, 2), jobs: jobs(12.1, 2.2, 3000, 210) },
    plugin: { trivial: trivial(1, 2), jobs: jobs(11, 3, 1100, 160) } } },
  { order: [], forms: { dynamic: { trivial: trivial(2, 4), jobs: jobs(14.4, 8, 3000, 220) },
    plugin: { trivial: trivial(2, 4), jobs: jobs(13, 5, 1100, 170) } } },
];

describe("bench results", () => {
  const r = sizeResult({ jobs: 200, jobSeconds: 10, parallel: 200, rounds: ROUNDS });

  it("divides each run by the same round's baseline of the same form, then takes the median", () => {
    // Dynamic overhead per round: 13.2/12 = 1.1, 12.1/11 = 1.1, 14.4/12 = 1.2.
    assert.deepEqual(r.forms.dynamic!.overheadRatio, { median: 1.1, min: 1.1, max: 1.2, runs: [1.1, 1.1, 1.2] });
    // Plugin preview ratio per round: 6/4, 3/2, 5/4.
    assert.deepEqual(r.forms.plugin!.previewRatio.runs, [1.5, 1.5, 1.25]);
    assert.equal(r.forms.plugin!.timeline.upExit!.median, 12);
    assert.equal(r.forms.dynamic!.trivialStateFields.urn!.median, 100);
  });

  it("compares the forms run by run: plugin ÷ dynamic", () => {
    assert.deepEqual(r.pluginOverDynamic!.providerPeakRssMb.runs, [0.75, 0.762, 0.773]);
    assert.equal(r.pluginOverDynamic!.previewSeconds.median, 1.364);
  });

  it("judges the targets of N = 200 on the medians, in both forms and across them", () => {
    const missed = r.targets.filter((t) => !t.met).map((t) => `${t.figure} ${t.form}`);
    // Dynamic preview ratios 1.1, 1.1, 2: the median is met although one run is twice the baseline.
    assert.deepEqual(missed, ["previewRatio plugin", "previewSeconds plugin/dynamic"]);
    assert.ok(r.targets.some((t) => t.figure === "stateBytesPerResource" && t.form === "plugin" && t.met));
  });

  it("has no overhead or preview targets at sizes the issue does not name", () => {
    const small = sizeResult({ jobs: 5, jobSeconds: 10, parallel: 5, rounds: ROUNDS });
    assert.ok(!small.targets.some((t) => t.figure === "overheadRatio" || t.figure === "previewRatio"));
  });

  it("keeps the profiled round apart from the medians", () => {
    const p = sizeResult({ jobs: 200, jobSeconds: 10, parallel: 200, rounds: ROUNDS.slice(0, 1),
      profiled: ROUNDS[2]! });
    assert.equal(p.forms.dynamic!.wallSeconds.median, 13.2);
    assert.equal(p.profiled!.dynamic!.wallSeconds, 14.4);
  });
});
