/**
 * One measurement of the benchmark: a fresh emulator and stack of bench/program of one kind, driven through the real
 * engine and measured from outside (wall times, the emulator's request log, the provider processes' peak RSS, the
 * exported state). Optionally with CPU profiles of every Node process and of the engine.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { Emulator, startEmulator } from "../emulator";
import { PulumiWorkspace, REPO_ROOT, withProgramStack } from "../test/helpers/engine";
import { JobsRun, TrivialRun } from "./results";
import { stateSize } from "./state-size";
import { medianOf, peakPerWindow, percentile, round } from "./stats";

const PROGRAM = join(REPO_ROOT, "bench", "program");
/** Where `pulumi-resource-benchtrivial` is: on the engine's PATH for the plugin-baseline stacks. */
const TRIVIAL_PLUGIN_DIR = join(REPO_ROOT, "bench", "trivial-plugin");

export type Kind = "jobs" | "plugin-jobs" | "trivial" | "plugin-trivial";

interface Stack {
  ws: PulumiWorkspace;
  emulator: Emulator;
}

let stackSeq = 0;

/** A fresh emulator (jobs of `jobSeconds`) and stack of the bench program; always torn down. */
export async function withStack<T>(kind: Kind, n: number, jobSeconds: number,
  fn: (s: Stack) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ tencent: { timeline: {
    runningAfterMs: Math.min(1000, jobSeconds * 500), finishedAfterMs: jobSeconds * 1000 } } });
  try {
    return await withProgramStack({ program: PROGRAM, stack: `bench-${kind}-${n}-${process.pid}-${++stackSeq}`,
      emulator, config: { kind, count: String(n) }, plugin: kind === "plugin-jobs",
      path: kind === "plugin-trivial" ? [TRIVIAL_PLUGIN_DIR] : [] }, (ws) => fn({ ws, emulator }));
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

/** The engine's default `--parallel`: 4 × GOMAXPROCS, or PULUMI_PARALLEL. */
export function defaultParallelism(): number {
  return Number(process.env.PULUMI_PARALLEL) || 4 * cpus().length;
}

/** The command lines of the provider processes: both forms' providers and the trivial plugin. */
const PROVIDER_PROCESS = /cmd\/dynamic-provider|provider\/plugin\/main\.js|trivial-plugin\/main\.js/;

/** Parent pid of every process (Linux /proc). */
function parents(): Map<number, number> {
  const ppid = new Map<number, number>();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      // The command name in parentheses may hold spaces: the fields after its closing one are fixed.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      ppid.set(Number(pid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ppid;
}

/**
 * Samples the peak RSS (VmHWM) of the provider processes while `fn` runs. Only this process's descendants count:
 * the machine is shared, and another benchmark's providers must not be measured as ours.
 */
async function withProviderMemory<T>(fn: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peakKb = 0;
  const sample = () => {
    const ppid = parents();
    const ours = (pid: number) => {
      for (let p = ppid.get(pid); p !== undefined && p > 1; p = ppid.get(p)) if (p === process.pid) return true;
      return false;
    };
    for (const pid of ppid.keys()) {
      try {
        if (!PROVIDER_PROCESS.test(readFileSync(`/proc/${pid}/cmdline`, "utf8")) || !ours(pid)) continue;
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

/**
 * Runs one engine command; with `profileDir`, every Node process it starts writes a CPU profile there
 * (bench/cpu-profile.ts) and the engine writes its own (`engine.<pid>.cpu`, a Go pprof profile).
 */
async function run(ws: PulumiWorkspace, args: string[], profileDir?: string) {
  if (!profileDir) return ws.run(args);
  mkdirSync(profileDir, { recursive: true });
  const saved = { NODE_OPTIONS: ws.env.NODE_OPTIONS, MEDIAJOBS_BENCH_PROFILE_DIR: ws.env.MEDIAJOBS_BENCH_PROFILE_DIR };
  const preload = `--require ${join(REPO_ROOT, "dist", "bench", "cpu-profile.js")}`;
  ws.env.NODE_OPTIONS = [saved.NODE_OPTIONS, preload].filter(Boolean).join(" ");
  ws.env.MEDIAJOBS_BENCH_PROFILE_DIR = profileDir;
  try {
    return await ws.run([...args, "--profiling", join(profileDir, "engine")]);
  } finally {
    Object.assign(ws.env, saved);
  }
}

type ExportedResource = Record<string, unknown> & { type: string };

async function exportedResources(ws: PulumiWorkspace): Promise<ExportedResource[]> {
  const state = JSON.parse((await ws.run(["stack", "export"])).stdout) as
    { deployment: { resources?: ExportedResource[] } };
  return state.deployment.resources ?? [];
}

/** What a run of a stack is asked to do beyond its `up`. */
export interface RunOptions {
  /** Profile the run into `<profileDir>-preview` and `<profileDir>-up` (with one preview). */
  profileDir?: string;
  /** Previews before the `up`, of which the median is the figure (default 1). */
  previews?: number;
}

/** The previews of a run (see RunOptions): one when it is profiled. */
function previews(ws: PulumiWorkspace, opts: RunOptions) {
  return medianOf(opts.profileDir ? 1 : opts.previews ?? 1,
    () => timed(() => run(ws, ["preview"], opts.profileDir && `${opts.profileDir}-preview`)));
}

/** N trivial resources (`kind` "trivial" or "plugin-trivial"): preview, then up. */
export async function trivialRun(kind: "trivial" | "plugin-trivial", n: number, parallel: number,
  jobSeconds: number, opts: RunOptions = {}): Promise<TrivialRun> {
  return withStack(kind, n, jobSeconds, async (s) => {
    const { result: preview } = await withProviderMemory(() => previews(s.ws, opts));
    const up = ["up", "--yes", "--skip-preview", ...parallelArgs(parallel)];
    const { result: upSeconds, peakRssMb } = await withProviderMemory(() =>
      timed(() => run(s.ws, up, opts.profileDir && `${opts.profileDir}-up`)));
    const resources = await exportedResources(s.ws);
    // The plugin baseline is only one if the engine really ran the bench's plugin (not, say, a dynamic provider).
    if (kind === "plugin-trivial" && !resources.some((r) => r.type === "pulumi:providers:benchtrivial")) {
      throw new Error("the plugin baseline's state has no pulumi:providers:benchtrivial provider");
    }
    const things = resources.filter((r) => r.type === (kind === "trivial" ? "pulumi-nodejs:dynamic:Resource"
      : "benchtrivial:index:Thing"));
    if (things.length !== n) throw new Error(`the ${kind} stack holds ${things.length} trivial resources, not ${n}`);
    return { previewSeconds: preview.seconds, previewSamples: preview.samples, upSeconds: round(upSeconds, 2),
      providerPeakRssMb: peakRssMb, state: stateSize(things) };
  });
}

async function upJobs(n: number, parallel: number | undefined, s: Stack, profileDir?: string) {
  const started = Date.now();
  const { result: wallSeconds, peakRssMb } = await withProviderMemory(() =>
    timed(() => run(s.ws, ["up", "--yes", "--skip-preview", ...parallelArgs(parallel)], profileDir)));
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
  const jobResources = (await exportedResources(s.ws)).filter((r) => r.type.endsWith("CiMediaJob"));
  return {
    wallSeconds: round(wallSeconds, 2),
    apiCalls: requests.length,
    apiCallsPerJob: round(requests.length / n, 2),
    peakRequestsPerSecond: peakPerWindow(requests.map((r) => r.at)),
    p95DetectionLagMs: Math.round(percentile(lags, 95)),
    maxDetectionLagMs: Math.round(Math.max(...lags)),
    providerPeakRssMb: peakRssMb,
    jobsSubmitted: jobs.length,
    state: stateSize(jobResources),
    timeline,
  };
}

/** N CiMediaJobs (`kind` "jobs" or "plugin-jobs"): preview (unless `withPreview` is false), `up`, then destroy. */
export async function jobsRun(kind: "jobs" | "plugin-jobs", n: number, parallel: number | undefined,
  jobSeconds: number, opts: RunOptions & { withPreview?: boolean } = {}): Promise<JobsRun> {
  return withStack(kind, n, jobSeconds, async (s) => {
    const preview = opts.withPreview === false ? { seconds: NaN, samples: [] } : await previews(s.ws, opts);
    const up = await upJobs(n, parallel, s, opts.profileDir && `${opts.profileDir}-up`);
    await s.ws.run(["destroy", "--yes", "--skip-preview", "--parallel", String(Math.max(n, 1))]);
    return { previewSeconds: preview.seconds, previewSamples: preview.samples, ...up };
  });
}
