/**
 * `pulumi up` killed outright while its jobs run: the CLI and every process it started (the language host, the
 * program, the providers, which the engine starts in process groups of their own) get SIGKILL at once, as when a CI
 * runner dies. Nothing is recorded by anyone. The next `pulumi up` (after `pulumi cancel` removes the stale lock,
 * as the engine's message says to) must adopt every running job: exactly one job per resource, in both forms.
 * CiMediaJob and InventoryTriggerJob are found in the cloud by their markers; IProductionJob (MPS cannot list jobs)
 * by the submission journal on this machine.
 */
import assert from "node:assert/strict";
import { useE2eStack } from "../helpers/engine";
import { commandLine, killTree, processTree, running } from "../helpers/processes";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean, timeoutMs: number, output: () => string): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !ok(); await sleep(100)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output()}`);
  }
}

for (const form of ["dynamic", "plugin"] as const) {
  describe(`e2e: \`pulumi up\` killed with SIGKILL while its jobs run (${form} form)`, function () {
    this.timeout(300_000);
    const slow = { finishedAfterMs: 20_000 };
    const e2e = useE2eStack({ name: `e2e-crash-${form}`, program: "test/e2e/programs/crash", plugin: form === "plugin",
      emulator: { tencent: { timeline: { runningAfterMs: 300, ...slow } },
        alibaba: { timeline: { analysingAfterMs: 300, ...slow } } },
      setup: async ({ ws }) => { if (form === "plugin") await ws.run(["config", "set", "form", "plugin"]); } });
    const submitted = () => [...e2e.emulator.submissionsByUserData().values()].reduce((a, b) => a + b, 0);

    it("is followed by an `up` that adopts every running job: exactly one job per resource", async () => {
      const { process: up, output, exited } = e2e.ws.start(["up", "--yes", "--skip-preview"]);
      await until("the three submissions", () => submitted() >= 3, 120_000, output);
      // Waiting, as the job states say: then the machine dies.
      await sleep(1500);
      const commands = processTree(up.pid!).map(commandLine).join("\n");
      // The CLI, the language host, the program, and the provider of the form under test.
      assert.match(commands, /pulumi-language-nodejs/);
      assert.match(commands, form === "plugin" ? /provider\/plugin\/main\.js/ : /dynamic-provider/);
      const killed = killTree(up.pid!);
      await exited;
      await until("every process to end", () => killed.every((p) => !running(p)), 10_000, output);
      assert.equal(submitted(), 3, output());

      let next = await e2e.ws.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
      if (next.code !== 0 && /currently locked/.test(next.stdout + next.stderr)) {
        // The killed run's lock on the file backend: removed as the engine's message says.
        await e2e.ws.run(["cancel", "--yes"]);
        next = await e2e.ws.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
      }
      const text = next.stdout + next.stderr;
      assert.equal(next.code, 0, text);
      // The lines that stay, one per resource, are repeated under Diagnostics.
      const diagnostics = text.slice(text.indexOf("Diagnostics:"));
      assert.equal(diagnostics.match(/submitted by an earlier, interrupted run was found: adopting it/g)?.length, 3,
        text);

      const outs = await e2e.ws.json<{ jobIds: Record<string, string>; states: Record<string, string> }>(
        ["stack", "output"]);
      assert.deepEqual(outs.states, { info: "Success", batch: "Success", cover: "Success" });
      const counts = e2e.emulator.submissionsByUserData();
      assert.deepEqual([...counts.values()], [1, 1, 1], "one submission per resource, each with its own marker");
      assert.deepEqual(e2e.emulator.ci.batches().map((b) => b.jobId), [outs.jobIds.batch]);
      assert.deepEqual(e2e.emulator.mps.jobs().map((j) => j.jobId), [outs.jobIds.cover]);
      assert.ok(e2e.emulator.ci.jobs().some((j) => j.jobId === outs.jobIds.info));
      await e2e.ws.run(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
    });
  });
}
