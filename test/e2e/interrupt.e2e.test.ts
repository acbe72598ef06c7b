/**
 * An interrupted `pulumi up` followed by another `up`: the same jobs, none submitted twice. The engine abandons
 * in-flight creates when `up` is terminated (second Ctrl-C), so the next `up` must recognise the jobs by their
 * markers.
 */
import assert from "node:assert/strict";
import { useE2eStack } from "../helpers/engine";

describe("e2e: an interrupted `pulumi up`", function () {
  this.timeout(300_000);
  const e2e = useE2eStack({ name: "e2e-intr", program: "test/soak/program",
    emulator: { tencent: { timeline: { runningAfterMs: 300, finishedAfterMs: 20_000 } } },
    setup: async () => { await e2e.ws.run(["config", "set", "jobs", "2"]); } });

  it("is followed by an `up` that adopts the same jobs, submitting none twice", async () => {
    const { process: up, output, exited } = e2e.ws.start(["up", "--yes", "--skip-preview"]);
    // Interrupt once both jobs are running, like a user pressing Ctrl-C twice.
    for (let i = 0; i < 200 && e2e.emulator.ci.jobs().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(e2e.emulator.ci.jobs().length, 2, output());
    await new Promise((r) => setTimeout(r, 1000));
    up.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 1000));
    up.kill("SIGINT");
    assert.notEqual(await exited, 0, "the interrupted up fails");
    await new Promise((r) => setTimeout(r, 2500));
    const submitted = e2e.emulator.ci.jobs().map((j) => j.jobId).sort();

    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const outs = await e2e.ws.json<{ jobIds: string[]; states: string[] }>(["stack", "output"]);
    assert.deepEqual([...outs.jobIds].sort(), submitted, "the same jobs");
    assert.deepEqual(outs.states, ["Success", "Success"]);
    assert.equal(e2e.emulator.ci.jobs().length, 2, "nothing submitted twice");
    assert.deepEqual([...e2e.emulator.submissionsByUserData().values()], [1, 1]);
  });
});
