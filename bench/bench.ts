/**
 * The benchmark (on demand: `npm run bench`, not part of `npm test`). Through the real engine against the emulator,
 * with jobs that take `--job-seconds` D (default 10) each:
 *
 * - the baseline: `pulumi preview` and `pulumi up` of N trivial dynamic resources (create returns at once), the
 *   engine's own cost for N resources;
 * - `pulumi preview` and `pulumi up --parallel N` of N CiMediaJobs, measured from outside: wall time, every API
 *   request the emulator answered (count, peak in any sliding second), the detection lag of each job (from the
 *   emulator's terminal state to the first answer reporting it, after which create returns), `__provider` in the
 *   exported state, and the peak RSS of the provider process;
 * - the same `up` at the engine's default parallelism (4 × CPUs), unless --skip-default-parallelism;
 * - the same preview and `up` of N CiMediaJobs through the provider plugin (`pulumi-mediajobs/plugin`), side by side
 *   with the dynamic form: wall, overhead ratio, preview ratio, state bytes per resource (unless --skip-plugin).
 *
 * `--curve` instead runs N = 10, 50, 200, 500 (or `--sizes`) and writes bench/scaling.json and bench/scaling.svg.
 * Prints a summary and, with --json, one JSON object as its last line.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Emulator, RequestRecord, startEmulator } from "../emulator";
import { PulumiWorkspace, REPO_ROOT, withProgramStack } from "../test/helpers/engine";
import { renderScalingSvg, ScalingPoint } from "./plot";

const { values } = parseArgs({ options: {
  jobs: { type: "string", default: "200" },
  "job-seconds": { type: "string", default: "10" },
  parallel: { type: "string" },
  "skip-default-parallelism": { type: "boolean", default: false },
  "skip-plugin": { type: "boolean", default: false },
  curve: { type: "boolean", default: false },
  sizes: { type: "string", default: "10,50,200,500" },
  json: { type: "boolean", default: false },
} });

const D = Number(values["job-seconds"]);
const PROGRAM = join(REPO_ROOT, "bench", "program");
const BENCH_DIR = join(REPO_ROOT, "bench");

const TARGETS = {
  overheadRatio: 1.15, apiCallsPerJob: 8, peakRequestsPerSecond: 100, providerStateBytesPerResource: 2048,
  previewRatio: 1.2,
};
/** Detection lag target: 1 s + 10 % of the job's age when it ends. */
const lagTargetMs = (jobSeconds: number) => 1000 + 0.1 * jobSeconds * 1000;

interface Stack {
  ws: PulumiWorkspace;
  emulator: Emulator;
}

let stackSeq = 0;

/** A fresh emulator and stack of the bench program; always torn down. */
type Kind = "jobs" | "plugin-jobs" | "trivial";

async function withStack<T>(kind: Kind, n: number, fn: (s: Stack) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ tencent: { timeline: {
    runningAfterMs: Math.min(1000, D * 500), finishedAfterMs: D * 1000 } } });
  try {
    return await withProgramStack({ program: PROGRAM, stack: `bench-${kind}-${n}-${process.pid}-${++stackSeq}`,
      emulator, config: { kind, count: String(n) }, plugin: kind === "plugin-jobs" }, (ws) => fn({ ws, emulator }));
  } finally {
    await emulator.close();
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await fn();
  return (Date.now() - started) / 1000;
}

const parallelArgs = (p: number | undefined) => (p ? ["--parallel", String(p)] : []);

/** The largest number of requests that arrived within any sliding second. */
function peakPerSecond(requests: RequestRecord[]): number {
  const at = requests.map((r) => r.at).sort((a, b) => a - b);
  let peak = 0;
  for (let lo = 0, hi = 0; hi < at.length; hi++) {
    while (at[hi]! - at[lo]! >= 1000) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return peak;
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Samples the peak RSS (VmHWM) of the dynamic-provider processes while `fn` runs (Linux /proc). */
async function withProviderMemory<T>(fn: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peakKb = 0;
  const sample = () => {
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
        if (!cmdline.includes("cmd/dynamic-provider") && !cmdline.includes("provider/plugin/main.js")) continue;
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // The process ended between listing and reading.
      }
    }
  };
  const timer = setInterval(sample, 200);
  try {
    const result = await fn();
    return { result, peakRssMb: Math.round(peakKb / 1024) };
  } finally {
    clearInterval(timer);
  }
}

interface JobsUp {
  parallel: number;
  wallSeconds: number;
  apiCalls: number;
  apiCallsPerJob: number;
  peakRequestsPerSecond: number;
  p95DetectionLagMs: number;
  maxDetectionLagMs: number;
  providerPeakRssMb: number;
  providerStateBytesPerResource: number;
  /** The whole resource in the exported state (inputs, outputs, and the dynamic form's provider code). */
  stateBytesPerResource: number;
  jobsSubmitted: number;
  /** Seconds since `pulumi up` started: where the wall time goes. */
  timeline: Record<string, number>;
}

async function upJobs(n: number, parallel: number | undefined, s: Stack): Promise<JobsUp> {
  const started = Date.now();
  const { result: wallSeconds, peakRssMb } = await withProviderMemory(() =>
    timed(() => s.ws.run(["up", "--yes", "--skip-preview", ...parallelArgs(parallel)])));
  const ended = Date.now();
  const requests = s.emulator.requests.filter((r) => r.at >= started && r.at <= ended);
  const jobs = s.emulator.ci.jobs();
  const rel = (t: number | undefined) => (t === undefined ? NaN : round((t - started) / 1000, 2));
  const submits = requests.filter((r) => r.method === "POST");
  const timeline = {
    firstRequest: rel(requests[0]?.at), firstSubmit: rel(submits[0]?.at), lastSubmit: rel(submits.at(-1)?.at),
    lastJobEnd: rel(Math.max(...jobs.map((j) => s.emulator.ci.endedAt(j) ?? NaN))),
    lastDetection: rel(Math.max(...jobs.map((j) => j.terminalReportedAt ?? NaN))), upExit: rel(ended),
  };
  const lags = jobs.map((j) => (j.terminalReportedAt ?? NaN) - (s.emulator.ci.endedAt(j) ?? NaN));
  const state = JSON.parse((await s.ws.run(["stack", "export"])).stdout) as
    { deployment: { resources: { type: string; outputs?: { __provider?: string } }[] } };
  const jobResources = state.deployment.resources.filter((r) => r.type.endsWith("CiMediaJob"));
  const providers = jobResources.map((r) => Buffer.byteLength(r.outputs?.__provider ?? ""));
  const whole = jobResources.map((r) => Buffer.byteLength(JSON.stringify(r)));
  return {
    parallel: parallel ?? defaultParallelism(),
    wallSeconds: round(wallSeconds),
    apiCalls: requests.length,
    apiCallsPerJob: round(requests.length / n, 2),
    peakRequestsPerSecond: peakPerSecond(requests),
    p95DetectionLagMs: Math.round(percentile(lags, 95)),
    maxDetectionLagMs: Math.round(Math.max(...lags)),
    providerPeakRssMb: peakRssMb,
    providerStateBytesPerResource: Math.round(providers.reduce((a, b) => a + b, 0) / Math.max(1, providers.length)),
    stateBytesPerResource: Math.round(whole.reduce((a, b) => a + b, 0) / Math.max(1, whole.length)),
    jobsSubmitted: jobs.length,
    timeline,
  };
}

/** The engine's default `--parallel`: 4 × GOMAXPROCS, or PULUMI_PARALLEL. */
function defaultParallelism(): number {
  return Number(process.env.PULUMI_PARALLEL) || 4 * cpus().length;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function baseline(n: number, parallel: number, withPreview: boolean) {
  return withStack("trivial", n, async (s) => {
    const previewSeconds = withPreview ? await timed(() => s.ws.run(["preview"])) : NaN;
    const wallSeconds = await timed(() => s.ws.run(["up", "--yes", "--skip-preview", ...parallelArgs(parallel)]));
    return { previewSeconds: round(previewSeconds, 2), wallSeconds: round(wallSeconds) };
  });
}

async function jobsRun(n: number, parallel: number | undefined, withPreview: boolean, kind: Kind = "jobs") {
  return withStack(kind, n, async (s) => {
    const previewSeconds = withPreview ? await timed(() => s.ws.run(["preview"])) : NaN;
    const up = await upJobs(n, parallel, s);
    await s.ws.run(["destroy", "--yes", "--skip-preview", "--parallel", String(Math.max(n, 1))]);
    return { previewSeconds: round(previewSeconds, 2), up };
  });
}

async function warmUp() {
  // The first engine run of a session pays for cold file caches; it is not the engine's cost per resource.
  await withStack("trivial", 1, (s) => s.ws.run(["preview"]));
}

async function single() {
  const n = Number(values.jobs);
  const parallel = values.parallel ? Number(values.parallel) : Math.max(n, 1);
  await warmUp();
  const base = await baseline(n, parallel, true);
  const high = await jobsRun(n, parallel, true);
  const dflt = values["skip-default-parallelism"] ? undefined : (await jobsRun(n, undefined, false)).up;
  const viaPlugin = values["skip-plugin"] ? undefined : await jobsRun(n, parallel, true, "plugin-jobs");
  const result = {
    jobs: n,
    jobSeconds: D,
    parallel,
    wallSeconds: high.up.wallSeconds,
    baselineWallSeconds: base.wallSeconds,
    overheadRatio: round(high.up.wallSeconds / (D + base.wallSeconds), 3),
    apiCallsPerJob: high.up.apiCallsPerJob,
    peakRequestsPerSecond: high.up.peakRequestsPerSecond,
    p95DetectionLagMs: high.up.p95DetectionLagMs,
    providerStateBytesPerResource: high.up.providerStateBytesPerResource,
    previewRatio: round(high.previewSeconds / base.previewSeconds, 3),
    previewSeconds: high.previewSeconds,
    baselinePreviewSeconds: base.previewSeconds,
    maxDetectionLagMs: high.up.maxDetectionLagMs,
    apiCalls: high.up.apiCalls,
    providerPeakRssMb: high.up.providerPeakRssMb,
    jobsSubmitted: high.up.jobsSubmitted,
    timeline: high.up.timeline,
    stateBytesPerResource: high.up.stateBytesPerResource,
    plugin: viaPlugin && {
      wallSeconds: viaPlugin.up.wallSeconds,
      overheadRatio: round(viaPlugin.up.wallSeconds / (D + base.wallSeconds), 3),
      previewSeconds: viaPlugin.previewSeconds,
      previewRatio: round(viaPlugin.previewSeconds / base.previewSeconds, 3),
      stateBytesPerResource: viaPlugin.up.stateBytesPerResource,
      apiCallsPerJob: viaPlugin.up.apiCallsPerJob,
      p95DetectionLagMs: viaPlugin.up.p95DetectionLagMs,
      providerPeakRssMb: viaPlugin.up.providerPeakRssMb,
    },
    defaultParallelism: dflt && {
      parallel: dflt.parallel, wallSeconds: dflt.wallSeconds,
      overheadRatio: round(dflt.wallSeconds / (D + base.wallSeconds), 3),
      apiCallsPerJob: dflt.apiCallsPerJob, peakRequestsPerSecond: dflt.peakRequestsPerSecond,
      p95DetectionLagMs: dflt.p95DetectionLagMs, providerPeakRssMb: dflt.providerPeakRssMb,
    },
  };
  const met = {
    overheadRatio: result.overheadRatio <= TARGETS.overheadRatio,
    apiCallsPerJob: result.apiCallsPerJob <= TARGETS.apiCallsPerJob,
    peakRequestsPerSecond: result.peakRequestsPerSecond <= TARGETS.peakRequestsPerSecond &&
      (!dflt || dflt.peakRequestsPerSecond <= TARGETS.peakRequestsPerSecond),
    p95DetectionLagMs: result.p95DetectionLagMs <= lagTargetMs(D),
    providerStateBytesPerResource: result.providerStateBytesPerResource <= TARGETS.providerStateBytesPerResource,
    previewRatio: result.previewRatio <= TARGETS.previewRatio,
  };
  const line = (label: string, value: string, target: string, ok: boolean) =>
    console.log(`  ${label.padEnd(34)} ${value.padStart(12)}   target ${target.padEnd(10)} ${ok ? "met" : "MISSED"}`);
  console.log(`bench: ${n} CiMediaJobs of ${D} s, --parallel ${parallel}; baseline: ${n} trivial dynamic resources`);
  console.log(`  wall ${result.wallSeconds} s; baseline up ${result.baselineWallSeconds} s; ideal D + baseline ` +
    `${round(D + result.baselineWallSeconds)} s; ${result.apiCalls} API calls for ${result.jobsSubmitted} jobs`);
  line("overheadRatio", String(result.overheadRatio), `≤ ${TARGETS.overheadRatio}`, met.overheadRatio);
  line("apiCallsPerJob", String(result.apiCallsPerJob), `≤ ${TARGETS.apiCallsPerJob}`, met.apiCallsPerJob);
  line("peakRequestsPerSecond", String(result.peakRequestsPerSecond), `≤ 100`, met.peakRequestsPerSecond);
  line("p95DetectionLagMs", `${result.p95DetectionLagMs} (max ${result.maxDetectionLagMs})`,
    `≤ ${lagTargetMs(D)}`, met.p95DetectionLagMs);
  line("providerStateBytesPerResource", String(result.providerStateBytesPerResource), "≤ 2048",
    met.providerStateBytesPerResource);
  line("previewRatio", `${result.previewRatio} (${result.previewSeconds}/${result.baselinePreviewSeconds} s)`,
    `≤ ${TARGETS.previewRatio}`, met.previewRatio);
  console.log(`  provider process peak RSS ${result.providerPeakRssMb} MB`);
  console.log(`  timeline (s after up started): ${Object.entries(result.timeline).map(([k, v]) => `${k} ${v}`)
    .join(", ")}`);
  if (dflt) {
    console.log(`  default parallelism (--parallel ${dflt.parallel}): wall ${dflt.wallSeconds} s, overheadRatio ` +
      `${result.defaultParallelism!.overheadRatio}, ${dflt.apiCallsPerJob} API calls/job, peak ` +
      `${dflt.peakRequestsPerSecond} req/s, p95 lag ${dflt.p95DetectionLagMs} ms`);
  }
  if (result.plugin) {
    const p = result.plugin;
    console.log(`\n  both forms, ${n} CiMediaJobs, --parallel ${parallel}:`);
    console.log("  | | dynamic | plugin |\n  |---|---:|---:|");
    const row = (label: string, a: unknown, b: unknown) => console.log(`  | ${label} | ${a} | ${b} |`);
    row("wall (s)", result.wallSeconds, p.wallSeconds);
    row("overhead ratio", result.overheadRatio, p.overheadRatio);
    row("preview (s)", result.previewSeconds, p.previewSeconds);
    row("preview ratio", result.previewRatio, p.previewRatio);
    row("state bytes per resource", result.stateBytesPerResource, p.stateBytesPerResource);
    row("API calls per job", result.apiCallsPerJob, p.apiCallsPerJob);
    row("p95 detection lag (ms)", result.p95DetectionLagMs, p.p95DetectionLagMs);
    row("provider peak RSS (MB)", result.providerPeakRssMb, p.providerPeakRssMb);
  }
  return { ...result, targetsMet: met };
}

async function curve() {
  const sizes = values.sizes.split(",").map(Number);
  await warmUp();
  const points: ScalingPoint[] = [];
  for (const n of sizes) {
    const base = await baseline(n, Math.max(n, 1), false);
    const { up } = await jobsRun(n, Math.max(n, 1), false);
    const point: ScalingPoint = {
      jobs: n, jobSeconds: D, baselineWallSeconds: base.wallSeconds, wallSeconds: up.wallSeconds,
      overheadRatio: round(up.wallSeconds / (D + base.wallSeconds), 3), apiCalls: up.apiCalls,
      apiCallsPerJob: up.apiCallsPerJob, peakRequestsPerSecond: up.peakRequestsPerSecond,
      p95DetectionLagMs: up.p95DetectionLagMs, providerPeakRssMb: up.providerPeakRssMb,
    };
    points.push(point);
    console.log(`  N=${n}: ${JSON.stringify(point)}`);
  }
  writeFileSync(join(BENCH_DIR, "scaling.json"), JSON.stringify(points, null, 2) + "\n");
  writeFileSync(join(BENCH_DIR, "scaling.svg"), renderScalingSvg(points));
  console.log("\n| N | wall (s) | D + baseline (s) | overhead ratio | API calls (per job) | peak req/s | p95 lag (ms) | " +
    "provider RSS (MB) |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const p of points) {
    console.log(`| ${p.jobs} | ${p.wallSeconds} | ${round(p.jobSeconds + p.baselineWallSeconds)} | ${p.overheadRatio} | ` +
      `${p.apiCalls} (${p.apiCallsPerJob}) | ${p.peakRequestsPerSecond} | ${p.p95DetectionLagMs} | ${p.providerPeakRssMb} |`);
  }
  console.log("wrote bench/scaling.json and bench/scaling.svg");
  return { jobSeconds: D, points };
}

async function main() {
  const result = values.curve ? await curve() : await single();
  if (values.json) console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
