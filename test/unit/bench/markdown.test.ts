/** The README's benchmark tables (bench/markdown.ts). */
import assert from "node:assert/strict";
import { cell, renderMarkdown, replaceReadmeBlock } from "../../../bench/markdown";
import { JobsRun, sizeResult, TrivialRun } from "../../../bench/results";

const trivial: TrivialRun = { upSeconds: 2, previewSeconds: 4, previewSamples: [4], providerPeakRssMb: 90,
  state: { bytesPerResource: 700, fields: { urn: 100, stackTrace: 300 } } };
const jobs = (wallSeconds: number): JobsRun => ({ wallSeconds, previewSeconds: 4.4, previewSamples: [4.4], apiCalls: 1000,
  apiCallsPerJob: 5,
  peakRequestsPerSecond: 50, p95DetectionLagMs: 900, maxDetectionLagMs: 1000, providerPeakRssMb: 200,
  jobsSubmitted: 200, state: { bytesPerResource: 3000, fields: { outputs: 2000, urn: 100 } },
  timeline: { upExit: wallSeconds } });
const RESULT = sizeResult({ jobs: 200, jobSeconds: 10, parallel: 200, rounds: [
  { order: [], forms: { dynamic: { trivial, jobs: jobs(13.2) }, plugin: { trivial, jobs: jobs(12) } } },
  { order: [], forms: { dynamic: { trivial, jobs: jobs(14.4) }, plugin: { trivial, jobs: jobs(12) } } },
] });
const HOW = { command: "npm run bench -- --jobs 200 --repeat 2", date: "2026-12-03 12:00 UTC", nproc: 2,
  jobSeconds: 10 };

describe("bench markdown", () => {
  const md = renderMarkdown([RESULT], HOW);

  it("shows a median with its spread, or alone when the runs agree", () => {
    assert.equal(cell({ median: 1.1, min: 1, max: 1.3, runs: [] }), "1.1 (1–1.3)");
    assert.equal(cell({ median: 2, min: 2, max: 2, runs: [] }), "2");
    assert.equal(cell(undefined), "–");
  });

  it("says how the figures were made", () => {
    assert.ok(md.startsWith(
      "Measured with `npm run bench -- --jobs 200 --repeat 2` on 2026-12-03 12:00 UTC, 2 CPUs, D = 10 s."));
  });

  it("says when the figures are a diagnostic", () => {
    assert.equal(md.includes("Diagnostic"), false);
    const diag = renderMarkdown([RESULT], { ...HOW, diagnostic: "the engine skipped its checkpoints" });
    assert.ok(diag.split("\n")[0]!.endsWith("D = 10 s. **Diagnostic: the engine skipped its checkpoints.**"));
  });

  it("has one row per figure with both forms, the target and whether it is met", () => {
    // Overhead: dynamic 1.1 and 1.2 (median 1.15), plugin 1.0 both times; the target at N = 200 is 1.12.
    const lines = md.split("\n");
    assert.ok(lines.includes("| overhead ratio (wall / (D + trivial up)) | 1.15 (1.1–1.2) | 1 | ≤ 1.12 | MISSED (dynamic) |"));
    assert.ok(lines.includes("| API calls per job | 5 | 5 | ≤ 8 | met |"));
    assert.ok(lines.includes("| plugin ÷ dynamic: wall of `up --parallel N` |  | 0.871 (0.833–0.909) | ≤ 1 | met |"));
  });

  it("breaks the state down by field for job and trivial resources of both forms", () => {
    assert.match(md, /^\| field \| dynamic job \| plugin job \| dynamic trivial \| plugin trivial \|$/m);
    assert.match(md, /^\| `stackTrace` \| – \| – \| 300 \| 300 \|$/m);
    assert.match(md, /^\| whole resource \| 3000 \| 3000 \| 700 \| 700 \|$/m);
  });

  it("replaces only the block between the bench markers", () => {
    const readme = "# T\n\n<!-- bench:begin -->\nold\n<!-- bench:end -->\n\nafter\n";
    assert.equal(replaceReadmeBlock(readme, "new\n"),
      "# T\n\n<!-- bench:begin -->\nnew\n<!-- bench:end -->\n\nafter\n");
  });

  it("fails clearly when the markers are missing", () => {
    assert.throws(() => replaceReadmeBlock("# T\n", "new"), /README\.md has no block between <!-- bench:begin -->/);
  });
});
