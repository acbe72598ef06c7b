/**
 * The benchmark (on demand: `npm run bench`, not part of `npm test`). Through the real engine against the emulator,
 * with jobs that take `--job-seconds` D (default 10) each, for each size N of `--jobs` (default 200; a list such as
 * 200,500), `--repeat` K rounds (default 1), each measuring every form once, in an order that changes from round to
 * round so that no measurement always comes first or always after the same one (stats.ts, balancedOrder):
 *
 * - the baselines, the engine's own cost for N resources: `pulumi preview` and `pulumi up` of N trivial dynamic
 *   resources, and of N trivial resources of a provider plugin (bench/trivial-plugin; create returns at once);
 * - `pulumi preview` and `pulumi up --parallel N` of N CiMediaJobs, in the dynamic form and through the provider
 *   plugin (`pulumi-mediajobs/plugin`), measured from outside: wall time, every API request the emulator answered,
 *   the detection lag of each job, the exported state per resource and by field, the provider processes' peak RSS.
 *
 * Each jobs figure is divided by the same round's baseline of the same form; a figure is reported as the median
 * (min–max) of its K runs and the targets are judged on the medians. Once per size, unless
 * --skip-default-parallelism, the dynamic form's `up` at the engine's default parallelism. --skip-plugin measures the
 * dynamic form alone. `--profile <dir>` adds a round, reported apart, whose runs (the baselines' too) write CPU
 * profiles of every Node process and of the engine under <dir>, summarised at the end. Prints Markdown tables
 * (`--update-readme` also puts them into README.md between the bench markers) and, with --json, one JSON object as
 * its last line.
 *
 * `--skip-checkpoints` is a diagnostic: every engine run skips its intermediate checkpoints (PULUMI_SKIP_CHECKPOINTS,
 * state written once at the end), which measures how much of the overhead is the engine's state writes; its output
 * says so, and it cannot update the README.
 *
 * `--curve` instead runs N = 10, 50, 200, 500 (or `--sizes`) once and writes bench/scaling.json and bench/scaling.svg.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../test/helpers/engine";
import { BenchArgs, parseBenchArgs, printedCommand } from "./args";
import { renderMarkdown, replaceReadmeBlock } from "./markdown";
import { defaultParallelism, jobsRun, trivialRun } from "./measure";
import { renderScalingSvg, ScalingPoint } from "./plot";
import { formatProfileSummary, summarizeProfile } from "./profile-summary";
import { DefaultParallelism, Form, JobsRun, Round, SizeResult, sizeResult, TrivialRun } from "./results";
import { balancedOrder, median, round } from "./stats";

const BENCH_DIR = join(REPO_ROOT, "bench");

/** One of the (up to) four measurements of a round. */
interface Measurement {
  form: Form;
  what: "trivial" | "jobs";
}

const MEASUREMENTS: Measurement[] = [
  { form: "dynamic", what: "trivial" }, { form: "plugin", what: "trivial" },
  { form: "dynamic", what: "jobs" }, { form: "plugin", what: "jobs" },
];

async function warmUp(D: number) {
  // The first engine run of a session pays for cold file caches; it is not the engine's cost per resource.
  await trivialRun("trivial", 1, 1, D);
}

/** One round at size n; with `profileDir`, each of its runs is profiled (`<n>-<form>[-trivial]-<preview|up>`). */
async function measureRound(args: BenchArgs, n: number, index: number, profileDir?: string): Promise<Round> {
  const parallel = args.parallel ?? n;
  const order = balancedOrder(MEASUREMENTS.filter((m) => !args.skipPlugin || m.form === "dynamic"), index);
  const trivial: Partial<Record<Form, TrivialRun>> = {};
  const jobs: Partial<Record<Form, JobsRun>> = {};
  for (const m of order) {
    const started = Date.now();
    if (m.what === "trivial") {
      trivial[m.form] = await trivialRun(m.form === "dynamic" ? "trivial" : "plugin-trivial", n, parallel,
        args.jobSeconds, profileDir ? { profileDir: join(profileDir, `${n}-${m.form}-trivial`) }
          : { previews: args.previews });
    } else {
      jobs[m.form] = await jobsRun(m.form === "dynamic" ? "jobs" : "plugin-jobs", n, parallel, args.jobSeconds,
        profileDir ? { profileDir: join(profileDir, `${n}-${m.form}`) } : { previews: args.previews });
    }
    console.error(`bench: N=${n} ${profileDir ? "profiled round" : `round ${index + 1}/${args.repeat}`}: ` +
      `${m.form} ${m.what} measured in ${round((Date.now() - started) / 1000)} s`);
  }
  const forms: Round["forms"] = {};
  for (const form of ["dynamic", "plugin"] as const) {
    if (trivial[form] && jobs[form]) forms[form] = { trivial: trivial[form]!, jobs: jobs[form]! };
  }
  return { order: order.map((m) => `${m.form} ${m.what}`), forms };
}

/** The dynamic form's `up` at the engine's default parallelism, once, over the median dynamic baseline. */
async function atDefaultParallelism(args: BenchArgs, n: number, rounds: Round[]): Promise<DefaultParallelism> {
  const up = await jobsRun("jobs", n, undefined, args.jobSeconds, { withPreview: false });
  const baselineUp = median(rounds.map((r) => r.forms.dynamic?.trivial.upSeconds ?? NaN));
  return {
    parallel: defaultParallelism(), wallSeconds: up.wallSeconds,
    overheadRatio: round(up.wallSeconds / (args.jobSeconds + baselineUp), 3),
    apiCallsPerJob: up.apiCallsPerJob, peakRequestsPerSecond: up.peakRequestsPerSecond,
    p95DetectionLagMs: up.p95DetectionLagMs, providerPeakRssMb: up.providerPeakRssMb,
  };
}

/** Prints a summary of every profile written under `dir`, and how to read the engine's. */
function summarizeProfiles(dir: string): void {
  if (!existsSync(dir)) return;
  console.log(`\nCPU profiles under ${dir} (self time by package or file):`);
  for (const sub of readdirSync(dir).sort()) {
    const files = existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).sort() : [];
    for (const file of files.filter((f) => f.endsWith(".cpuprofile"))) {
      const profile = JSON.parse(readFileSync(join(dir, sub, file), "utf8"));
      console.log(formatProfileSummary(`  ${sub}/${file}`, summarizeProfile(profile, { root: REPO_ROOT })));
    }
    for (const file of files.filter((f) => /^engine\.\d+\.cpu$/.test(f))) {
      console.log(`  ${sub}/${file}: the engine's (Go pprof): go tool pprof -top -cum ${join(dir, sub, file)}`);
    }
  }
}

const README = join(REPO_ROOT, "README.md");

async function sizes(args: BenchArgs) {
  // A missing marker must fail before a long run, not after it.
  if (args.updateReadme) replaceReadmeBlock(readFileSync(README, "utf8"), "");
  await warmUp(args.jobSeconds);
  const results: SizeResult[] = [];
  for (const n of args.jobs) {
    const profiled = args.profile ? await measureRound(args, n, 0, args.profile) : undefined;
    const rounds: Round[] = [];
    for (let i = 0; i < args.repeat; i++) rounds.push(await measureRound(args, n, i));
    const dflt = args.skipDefaultParallelism ? undefined : await atDefaultParallelism(args, n, rounds);
    results.push(sizeResult({ jobs: n, jobSeconds: args.jobSeconds, parallel: args.parallel ?? n, rounds,
      ...(profiled ? { profiled } : {}), ...(dflt ? { defaultParallelism: dflt } : {}) }));
  }
  const how = { command: printedCommand(process.argv.slice(2)),
    ...(args.skipCheckpoints ? { diagnostic: SKIPPED_CHECKPOINTS } : {}),
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC", nproc: cpus().length,
    jobSeconds: args.jobSeconds };
  const markdown = renderMarkdown(results, how);
  console.log(`\n${markdown}`);
  printTargets(results);
  for (const r of results) {
    for (const [form, f] of Object.entries(r.profiled ?? {})) {
      console.log(`  profiled round, N=${r.jobs} ${form} (not in the medians): wall ${f.wallSeconds} s, overhead ` +
        `ratio ${f.overheadRatio}, preview ${f.previewSeconds} s, preview ratio ${f.previewRatio}`);
    }
  }
  if (args.profile) summarizeProfiles(args.profile);
  if (args.updateReadme) {
    writeFileSync(README, replaceReadmeBlock(readFileSync(README, "utf8"), markdown));
    console.log("wrote the tables into README.md");
  }
  return { ...how, repeat: args.repeat, sizes: results,
    targetsMet: results.every((r) => r.targets.every((t) => t.met)) };
}

function printTargets(results: SizeResult[]): void {
  for (const r of results) {
    console.log(`targets at N = ${r.jobs} (medians of ${r.repeat}):`);
    for (const t of r.targets) {
      console.log(`  ${`${t.figure} (${t.form})`.padEnd(50)} ${String(t.value).padStart(10)}   ≤ ${String(t.limit)
        .padEnd(8)} ${t.met ? "met" : "MISSED"}`);
    }
  }
}

async function curve(args: BenchArgs) {
  const D = args.jobSeconds;
  await warmUp(D);
  const points: ScalingPoint[] = [];
  for (const n of args.sizes) {
    const base = await trivialRun("trivial", n, Math.max(n, 1), D);
    const up = await jobsRun("jobs", n, Math.max(n, 1), D, { withPreview: false });
    const point: ScalingPoint = {
      jobs: n, jobSeconds: D, baselineWallSeconds: base.upSeconds, wallSeconds: up.wallSeconds,
      overheadRatio: round(up.wallSeconds / (D + base.upSeconds), 3), apiCalls: up.apiCalls,
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

const SKIPPED_CHECKPOINTS = "the engine skipped its intermediate checkpoints (PULUMI_SKIP_CHECKPOINTS), which is " +
  "not how Pulumi runs";

async function main() {
  const args = parseBenchArgs(process.argv.slice(2));
  // Every engine the bench starts inherits this environment (test/helpers/engine.ts). Set from outside, it would
  // change every figure without the output saying so: only the flag sets it.
  if (args.skipCheckpoints) process.env.PULUMI_SKIP_CHECKPOINTS = "true";
  else delete process.env.PULUMI_SKIP_CHECKPOINTS;
  const result = args.curve ? await curve(args) : await sizes(args);
  if (args.json) console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
