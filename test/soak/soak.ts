/**
 * The soak test (on demand: `npm run soak`, not part of `npm test`). Through the real engine against the emulator:
 *
 * 1. A stack of N CiMediaJobs (default 100) under injected faults (20 % throttling, 5 % 5xx, 2 % connection resets,
 *    2 % lost answers to submissions): every resource must succeed and no job may be submitted twice.
 * 2. An interrupted `pulumi up` (terminated like a second Ctrl-C once half the jobs are submitted) followed by
 *    another `up`: the same jobs, none submitted twice.
 *
 * Prints a summary and, last, one JSON line. Exits non-zero when a target is missed.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Emulator, FaultRates, startEmulator } from "../../emulator";
import { PulumiWorkspace, REPO_ROOT, withProgramStack } from "../helpers/engine";

const { values } = parseArgs({ options: {
  jobs: { type: "string", default: "100" }, parallel: { type: "string", default: "50" },
  seed: { type: "string", default: "1" },
} });
const N = Number(values.jobs);
const FAULTS: FaultRates = { throttle: 0.2, serverError: 0.05, reset: 0.02, lostAnswer: 0.02, seed: Number(values.seed) };
const PROGRAM = join(REPO_ROOT, "test", "soak", "program");

interface Outputs {
  jobIds: string[];
  states: string[];
}

function withStack<T>(emulator: Emulator, stack: string, fn: (ws: PulumiWorkspace) => Promise<T>): Promise<T> {
  return withProgramStack({ program: PROGRAM, stack, emulator, config: { jobs: String(N) } }, fn);
}

function duplicates(emulator: Emulator): number {
  return [...emulator.submissionsByUserData().values()].filter((n) => n > 1).length;
}

async function phaseFaults() {
  const emulator = await startEmulator({ faults: FAULTS,
    tencent: { timeline: { runningAfterMs: 500, finishedAfterMs: 4000 } } });
  try {
    const started = Date.now();
    const result = await withStack(emulator, `soak-faults-${process.pid}`, async (ws) => {
      const up = await ws.run(["up", "--yes", "--skip-preview", "--parallel", String(values.parallel)],
        { allowFailure: true });
      if (up.code !== 0) {
        const errors = (up.stdout + up.stderr).split("\n").filter((l) => /error|failed/i.test(l));
        console.error(`pulumi up failed:\n${errors.slice(0, 20).join("\n")}`);
      }
      const outs = up.code === 0 ? await ws.json<Outputs>(["stack", "output"]) : { jobIds: [], states: [] };
      await ws.run(["destroy", "--yes", "--skip-preview", "--parallel", String(values.parallel)], { allowFailure: true });
      return { up, outs };
    });
    const succeeded = result.outs.states.filter((s) => s === "Success").length;
    return {
      upExitCode: result.up.code,
      resources: N,
      failedResources: N - succeeded,
      jobsSubmitted: emulator.ci.jobs().length,
      duplicateSubmissions: duplicates(emulator),
      faultsInjected: emulator.faults.counts(),
      apiRequests: emulator.requests.length,
      wallSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await emulator.close();
  }
}

async function phaseInterrupt() {
  // Long jobs: still running when the second `up` starts, as after a Ctrl-C and an immediate re-run.
  const emulator = await startEmulator({ faults: FAULTS,
    tencent: { timeline: { runningAfterMs: 500, finishedAfterMs: 45_000 } } });
  try {
    const started = Date.now();
    return await withStack(emulator, `soak-intr-${process.pid}`, async (ws) => {
      const up = spawn("pulumi", ["up", "--yes", "--skip-preview", "--non-interactive", "--parallel",
        String(values.parallel)], { cwd: ws.projectDir, env: ws.env, stdio: "ignore" });
      const exited = new Promise((r) => up.on("exit", r));
      while (emulator.ci.jobs().length < N / 2 && Date.now() - started < 120_000) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const submittedBeforeInterrupt = emulator.ci.jobs().length;
      up.kill("SIGINT");
      await new Promise((r) => setTimeout(r, 500));
      up.kill("SIGINT");
      await exited;
      await new Promise((r) => setTimeout(r, 2500));
      const submittedByInterruptedRun = emulator.ci.jobs().length;
      const second = await ws.run(["up", "--yes", "--skip-preview", "--parallel", String(values.parallel)],
        { allowFailure: true });
      const outs = second.code === 0 ? await ws.json<Outputs>(["stack", "output"]) : { jobIds: [], states: [] };
      await ws.run(["destroy", "--yes", "--skip-preview", "--parallel", String(values.parallel)], { allowFailure: true });
      return {
        submittedBeforeInterrupt,
        submittedByInterruptedRun,
        secondUpExitCode: second.code,
        failedResources: N - outs.states.filter((s) => s === "Success").length,
        jobsSubmitted: emulator.ci.jobs().length,
        duplicateSubmissions: duplicates(emulator),
        wallSeconds: Math.round((Date.now() - started) / 100) / 10,
      };
    });
  } finally {
    await emulator.close();
  }
}

async function main() {
  const faults = await phaseFaults();
  console.log(`soak, phase 1: ${N} jobs under faults ${JSON.stringify(FAULTS)}`);
  console.log(`  failed resources ${faults.failedResources}, jobs submitted ${faults.jobsSubmitted}, duplicate ` +
    `submissions ${faults.duplicateSubmissions}, API requests ${faults.apiRequests}, wall ${faults.wallSeconds}s`);
  console.log(`  faults injected: ${JSON.stringify(faults.faultsInjected)}`);
  const interrupt = await phaseInterrupt();
  console.log(`soak, phase 2: an up interrupted after ${interrupt.submittedBeforeInterrupt} submissions ` +
    `(${interrupt.submittedByInterruptedRun} by the time it exited), then another up`);
  console.log(`  failed resources ${interrupt.failedResources}, jobs submitted ${interrupt.jobsSubmitted} for ${N} ` +
    `resources, duplicate submissions ${interrupt.duplicateSubmissions}, wall ${interrupt.wallSeconds}s`);
  const ok = faults.upExitCode === 0 && faults.failedResources === 0 && faults.duplicateSubmissions === 0 &&
    interrupt.secondUpExitCode === 0 && interrupt.failedResources === 0 && interrupt.duplicateSubmissions === 0 &&
    interrupt.jobsSubmitted === N;
  console.log(ok ? "soak: all targets met" : "soak: TARGETS MISSED");
  console.log(JSON.stringify({ jobs: N, faults, interrupt, ok }));
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  console.error(`soak failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
