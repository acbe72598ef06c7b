/**
 * The soak test (on demand: `npm run soak`, not part of `npm test`). Through the real engine against the emulator, in
 * each form selected by `--form plugin|dynamic|both` (default both: the dynamic resources, then the provider plugin;
 * one program, test/soak/program, switched by its `form` config, with the same N, seed and fault rates):
 *
 * 1. A stack of N CiMediaJobs (default 100) under injected faults (20 % throttling, 5 % 5xx, 2 % connection resets,
 *    2 % lost answers to submissions): every resource must succeed and no job may be submitted twice.
 * 2. An interrupted `pulumi up` (terminated like a second Ctrl-C once half the jobs are submitted) followed by
 *    another `up`: the same jobs (those the interrupted run submitted adopted, the rest submitted), none submitted
 *    twice.
 *
 * Prints a summary per form and, last, one JSON line. Exits non-zero when a target is missed in either form.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Emulator, FaultRates, startEmulator } from "../../emulator";
import { PulumiWorkspace, REPO_ROOT, withProgramStack } from "../helpers/engine";

const FORMS = ["dynamic", "plugin"] as const;
type Form = typeof FORMS[number];

const { values } = parseArgs({ options: {
  jobs: { type: "string", default: "100" }, parallel: { type: "string", default: "50" },
  seed: { type: "string", default: "1" }, form: { type: "string", default: "both" },
} });
const N = Number(values.jobs);
const FAULTS: FaultRates = { throttle: 0.2, serverError: 0.05, reset: 0.02, lostAnswer: 0.02, seed: Number(values.seed) };
const PROGRAM = join(REPO_ROOT, "test", "soak", "program");
const PARALLEL = ["--parallel", String(values.parallel)];

interface Outputs {
  jobIds: string[];
  states: string[];
}

/** A wrong argument: reported in a sentence, without a stack. */
class UsageError extends Error {}

function selectedForms(form: string | undefined): readonly Form[] {
  if (form === "both") return FORMS;
  if (FORMS.includes(form as Form)) return [form as Form];
  throw new UsageError(`--form must be plugin, dynamic or both, not ${JSON.stringify(form)}.`);
}

function withStack<T>(emulator: Emulator, form: Form, stack: string, fn: (ws: PulumiWorkspace) => Promise<T>):
  Promise<T> {
  return withProgramStack({ program: PROGRAM, stack: `${stack}-${form}-${process.pid}`, emulator,
    plugin: form === "plugin", config: { jobs: String(N), form } }, fn);
}

function duplicates(emulator: Emulator): number {
  return [...emulator.submissionsByUserData().values()].filter((n) => n > 1).length;
}

const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The stack's outputs after a successful `up`, none after a failed one (whose errors are printed). */
async function outputsOf(ws: PulumiWorkspace, up: { code: number; stdout: string; stderr: string }): Promise<Outputs> {
  if (up.code === 0) return ws.json<Outputs>(["stack", "output"]);
  const errors = (up.stdout + up.stderr).split("\n").filter((l) => /error|failed/i.test(l));
  console.error(`pulumi up failed:\n${errors.slice(0, 20).join("\n")}`);
  return { jobIds: [], states: [] };
}

async function phaseFaults(form: Form) {
  const emulator = await startEmulator({ faults: FAULTS,
    tencent: { timeline: { runningAfterMs: 500, finishedAfterMs: 4000 } } });
  try {
    const started = Date.now();
    const result = await withStack(emulator, form, "soak-faults", async (ws) => {
      const up = await ws.run(["up", "--yes", "--skip-preview", ...PARALLEL], { allowFailure: true });
      const outs = await outputsOf(ws, up);
      await ws.run(["destroy", "--yes", "--skip-preview", ...PARALLEL], { allowFailure: true });
      return { up, outs };
    });
    return {
      upExitCode: result.up.code,
      resources: N,
      failedResources: N - result.outs.states.filter((s) => s === "Success").length,
      jobsSubmitted: emulator.ci.jobs().length,
      duplicateSubmissions: duplicates(emulator),
      faultsInjected: emulator.faults.counts(),
      apiRequests: emulator.requests.length,
      wallSeconds: seconds(started),
    };
  } finally {
    await emulator.close();
  }
}

async function phaseInterrupt(form: Form) {
  // Long jobs: still running when the second `up` starts, as after a Ctrl-C and an immediate re-run.
  const emulator = await startEmulator({ faults: FAULTS,
    tencent: { timeline: { runningAfterMs: 500, finishedAfterMs: 45_000 } } });
  const jobIds = () => new Set(emulator.ci.jobs().map((j) => j.jobId));
  try {
    const started = Date.now();
    return await withStack(emulator, form, "soak-intr", async (ws) => {
      const first = ws.start(["up", "--yes", "--skip-preview", ...PARALLEL]);
      while (emulator.ci.jobs().length < N / 2 && Date.now() - started < 120_000) await sleep(100);
      const submittedBeforeInterrupt = emulator.ci.jobs().length;
      first.process.kill("SIGINT");
      await sleep(500);
      first.process.kill("SIGINT");
      await first.exited;
      await sleep(2500);
      const byInterruptedRun = jobIds();
      const second = await ws.run(["up", "--yes", "--skip-preview", ...PARALLEL], { allowFailure: true });
      const outs = await outputsOf(ws, second);
      const jobsSubmitted = emulator.ci.jobs().length;
      await ws.run(["destroy", "--yes", "--skip-preview", ...PARALLEL], { allowFailure: true });
      return {
        resources: N,
        submittedBeforeInterrupt,
        submittedByInterruptedRun: byInterruptedRun.size,
        secondUpExitCode: second.code,
        failedResources: N - outs.states.filter((s) => s === "Success").length,
        // Of the second run's jobs: those the interrupted run had submitted, and those it submitted itself.
        jobsAdopted: outs.jobIds.filter((id) => byInterruptedRun.has(id)).length,
        jobsSubmittedBySecondUp: jobsSubmitted - byInterruptedRun.size,
        jobsSubmitted,
        duplicateSubmissions: duplicates(emulator),
        wallSeconds: seconds(started),
      };
    });
  } finally {
    await emulator.close();
  }
}

async function soak(form: Form) {
  const faults = await phaseFaults(form);
  console.log(`soak [${form}], phase 1: ${N} jobs under faults`);
  console.log(`  resources ${faults.resources}, failed ${faults.failedResources}, jobs submitted ` +
    `${faults.jobsSubmitted}, duplicate submissions ${faults.duplicateSubmissions}, API requests ` +
    `${faults.apiRequests}, wall ${faults.wallSeconds}s`);
  console.log(`  faults injected: ${JSON.stringify(faults.faultsInjected)}`);
  const interrupt = await phaseInterrupt(form);
  console.log(`soak [${form}], phase 2: an up interrupted after ${interrupt.submittedBeforeInterrupt} submissions ` +
    `(${interrupt.submittedByInterruptedRun} by the time it exited), then another up`);
  console.log(`  resources ${interrupt.resources}, failed ${interrupt.failedResources}, jobs adopted ` +
    `${interrupt.jobsAdopted}, submitted ${interrupt.jobsSubmittedBySecondUp} (${interrupt.jobsSubmitted} in all), ` +
    `duplicate submissions ${interrupt.duplicateSubmissions}, wall ${interrupt.wallSeconds}s`);
  const ok = faults.upExitCode === 0 && faults.failedResources === 0 && faults.duplicateSubmissions === 0 &&
    interrupt.secondUpExitCode === 0 && interrupt.failedResources === 0 && interrupt.duplicateSubmissions === 0 &&
    interrupt.jobsSubmitted === N;
  console.log(`soak [${form}]: ${ok ? "all targets met" : "TARGETS MISSED"}`);
  return { faults, interrupt, ok };
}

async function main() {
  const forms = selectedForms(values.form);
  const started = Date.now();
  console.log(`soak: ${forms.join(" and ")} form, ${N} jobs, --parallel ${values.parallel}, faults ` +
    JSON.stringify(FAULTS));
  const results: Partial<Record<Form, Awaited<ReturnType<typeof soak>>>> = {};
  for (const form of forms) results[form] = await soak(form);
  const ok = forms.every((f) => results[f]!.ok);
  const wallSeconds = seconds(started);
  console.log(`soak: ${ok ? "all targets met" : "TARGETS MISSED"} (${forms.map((f) =>
    `${f} ${results[f]!.ok ? "met" : "missed"}`).join(", ")}), wall ${wallSeconds}s`);
  console.log(JSON.stringify({ jobs: N, parallel: Number(values.parallel), faultRates: FAULTS, forms: results, ok,
    wallSeconds }));
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  if (e instanceof UsageError) {
    console.error(`soak: ${e.message}`);
    process.exitCode = 2;
    return;
  }
  console.error(`soak failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
