/**
 * `npm run bench -- --profile <dir>`: preloaded (`NODE_OPTIONS=--require`) into every Node process of one engine run
 * (the program, the dynamic-provider host, the plugin), it records a V8 CPU profile of the process and writes it when
 * the process ends, as `<dir>/<role>-<pid>.cpuprofile` (role: plugin, trivial-plugin, dynamic-provider or program).
 * `--cpu-prof` is not allowed in NODE_OPTIONS, and the engine ends providers with SIGINT: a process that has no SIGINT
 * handler of its own (a provider that never waited) exits on it here so that its profile is written too. Open a
 * profile in Chrome's DevTools (Performance) or summarise it with bench/profile-summary.ts.
 */
import { Session } from "node:inspector";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.MEDIAJOBS_BENCH_PROFILE_DIR;

/** What the process is, from its command line. */
export function roleOf(argv: readonly string[]): string {
  const line = argv.join(" ");
  if (line.includes("provider/plugin/main")) return "plugin";
  if (line.includes("trivial-plugin/main")) return "trivial-plugin";
  if (line.includes("dynamic-provider")) return "dynamic-provider";
  if (line.includes("cmd/run")) return "program";
  return "node";
}

function start(outDir: string): void {
  const role = roleOf(process.argv);
  // `node -e` (the language host resolving the SDK) and the like are not worth a profile.
  if (role === "node") return;
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  process.on("exit", () => {
    // The in-process session answers synchronously, so the profile is written before the process is gone.
    session.post("Profiler.stop", (err, result) => {
      if (err) return;
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, `${role}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      // Only when nothing else handles the signal (the provider's own handler records running jobs, then exits).
      if (process.listenerCount(signal) === 1) process.exit(130);
    });
  }
}

if (dir) start(dir);
