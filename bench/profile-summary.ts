/**
 * Summarises a V8 CPU profile (`.cpuprofile`, as bench/cpu-profile.ts writes them): its duration, the time the
 * process was idle, and where the rest went by package (or, for our own code, by file), by self time. Runs
 * standalone too: `node dist/bench/profile-summary.js <file.cpuprofile>…`.
 */
import { readFileSync } from "node:fs";

/** The part of the `.cpuprofile` format that is read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  durationMs: number;
  idleMs: number;
  /** By self time, largest first: a package name, a file, or a V8 pseudo-frame such as `(garbage collector)`. */
  top: { name: string; selfMs: number }[];
}

/**
 * Where a frame's time is counted: its npm package, else its file (under `root` when given; Node's own modules by
 * name, since module loading, streams and timers are different stories), else the frame.
 */
export function bucketOf(frame: { functionName: string; url: string }, root = ""): string {
  const url = frame.url.replace(/^file:\/\//, "");
  const inModules = /.*node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1]!;
  if (url.startsWith("node:")) return url;
  if (url === "") return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  return root && url.startsWith(`${root}/`) ? url.slice(root.length + 1) : url;
}

/** The summary of one profile: sample time (each sample's delta) summed per bucket. */
export function summarizeProfile(profile: CpuProfile, opts: { top?: number; root?: string } = {}): ProfileSummary {
  const bucketById = new Map(profile.nodes.map((n) => [n.id, bucketOf(n.callFrame, opts.root)]));
  const selfUs = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's delta is the time since the previous sample, so it is the time spent before *this* sample was taken.
  samples.forEach((id, i) => {
    const bucket = bucketById.get(id) ?? "(unknown)";
    selfUs.set(bucket, (selfUs.get(bucket) ?? 0) + (deltas[i] ?? 0));
  });
  const ms = (us: number) => Math.round(us / 100) / 10;
  const top = [...selfUs].filter(([name]) => name !== "(idle)").sort((a, b) => b[1] - a[1])
    .slice(0, opts.top ?? 10).map(([name, us]) => ({ name, selfMs: ms(us) }));
  return { durationMs: ms(profile.endTime - profile.startTime), idleMs: ms(selfUs.get("(idle)") ?? 0), top };
}

/** A few lines for a terminal. */
export function formatProfileSummary(label: string, s: ProfileSummary): string {
  const busy = s.durationMs - s.idleMs;
  const lines = [`${label}: ${s.durationMs} ms, idle ${s.idleMs} ms, busy ${Math.round(busy * 10) / 10} ms`];
  for (const t of s.top) {
    const share = busy > 0 ? `${Math.round((t.selfMs / busy) * 100)}%` : "";
    lines.push(`    ${String(t.selfMs).padStart(9)} ms ${share.padStart(4)}  ${t.name}`);
  }
  return lines.join("\n");
}

if (require.main === module) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: node dist/bench/profile-summary.js <file.cpuprofile>…");
    process.exitCode = 2;
  }
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
    console.log(formatProfileSummary(file, summarizeProfile(profile, { root: process.cwd() })));
  }
}
