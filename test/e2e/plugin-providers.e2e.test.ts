/**
 * The plugin with explicit providers, through the real engine: two accounts in two regions in one stack, each job
 * signed with its own provider's keys; the program's customTimeouts.create; and Ctrl-C during a wait, after which
 * `up` resumes the same job instead of submitting another.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { EMULATOR_TENCENT_CREDENTIALS } from "../../emulator";
import { assertNoSecrets, useE2eStack, walk } from "../helpers/engine";

const SECOND = { secretId: "AKID-mediajobs-second-account", secretKey: "mediajobs-second-account-key-111" };
const REGIONS: Record<string, string> = { a: "ap-guangzhou", b: "ap-beijing" };

interface Job { account: string; jobId: string; state: string }

describe("e2e: explicit mediajobs providers", function () {
  this.timeout(300_000);
  const e2e = useE2eStack({ name: "e2e-providers", program: "test/e2e/programs/plugin-providers", plugin: true,
    emulator: { tencent: { credentials: [EMULATOR_TENCENT_CREDENTIALS, SECOND],
      timeline: { runningAfterMs: 100, finishedAfterMs: 6000 } } },
    setup: async ({ ws, emulator }) => {
      await ws.run(["config", "set", "endpoint", emulator.url]);
      await ws.run(["config", "set", "--secret", "secretId-a", EMULATOR_TENCENT_CREDENTIALS.secretId]);
      await ws.run(["config", "set", "--secret", "secretKey-a", EMULATOR_TENCENT_CREDENTIALS.secretKey]);
      await ws.run(["config", "set", "--secret", "secretId-b", SECOND.secretId]);
      await ws.run(["config", "set", "--secret", "secretKey-b", SECOND.secretKey]);
    } });
  const jobs = async () => (await e2e.ws.json<{ jobs: Job[] }>(["stack", "output"])).jobs;

  it("signs each job with its own provider's keys, in its provider's region", async () => {
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const done = await jobs();
    assert.deepEqual(done.map((j) => j.state), ["Success", "Success"]);
    for (const [account, keyId] of [["a", EMULATOR_TENCENT_CREDENTIALS.secretId], ["b", SECOND.secretId]] as const) {
      const bucket = account === "a" ? "bucketa-1250000000" : "bucketb-1250000001";
      const requests = e2e.emulator.requests.filter((r) => r.host.startsWith(`${bucket}.`));
      assert.ok(requests.length >= 2, `requests for account ${account}`);
      assert.deepEqual([...new Set(requests.map((r) => r.keyId))], [keyId], `account ${account} signs its own`);
      assert.deepEqual([...new Set(requests.map((r) => r.host))], [`${bucket}.ci.${REGIONS[account]}.myqcloud.com`]);
    }
    const job = e2e.emulator.ci.jobs().find((j) => j.jobId === done[1]!.jobId);
    assert.equal(job?.region, "ap-beijing");
    const state = (await e2e.ws.run(["stack", "export"])).stdout;
    assertNoSecrets(state, "stack export", [SECOND.secretKey]);
    for (const file of walk(e2e.ws.backendDir)) assertNoSecrets(readFileSync(file, "utf8"), file, [SECOND.secretKey]);
  });

  it("stops waiting at the program's customTimeouts.create, records the jobs, and resumes them on the next up", async () => {
    const before = e2e.emulator.ci.jobs().length;
    await e2e.ws.run(["config", "set", "run", "2"]);
    await e2e.ws.run(["config", "set", "createTimeout", "2s"]);
    const stopped = await e2e.ws.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
    assert.notEqual(stopped.code, 0);
    assert.match(stopped.stdout, /waiting stopped after 2s \(customTimeouts\.create\)/);
    const submitted = e2e.emulator.ci.jobs().slice(before).map((j) => j.jobId).sort();
    assert.equal(submitted.length, 2);

    await e2e.ws.run(["config", "rm", "createTimeout"]);
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const resumed = await jobs();
    assert.deepEqual(resumed.map((j) => j.jobId).sort(), submitted, "the same jobs");
    assert.deepEqual(resumed.map((j) => j.state), ["Success", "Success"]);
    assert.equal(e2e.emulator.ci.jobs().length, before + 2, "none submitted twice");
  });

  it("on Ctrl-C stops waiting and records the running jobs; the next up resumes the same jobs", async () => {
    const before = e2e.emulator.ci.jobs().length;
    await e2e.ws.run(["config", "set", "run", "3"]);
    const { process: up, output, exited } = e2e.ws.start(["up", "--yes", "--skip-preview"]);
    for (let i = 0; i < 200 && e2e.emulator.ci.jobs().length < before + 2; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(e2e.emulator.ci.jobs().length, before + 2, output());
    await new Promise((r) => setTimeout(r, 500));
    const interruptedAt = Date.now();
    up.kill("SIGINT");
    assert.notEqual(await exited, 0, "the interrupted up fails");
    assert.ok(Date.now() - interruptedAt < 5000, "the waits stopped at once, not at the jobs' end");
    assert.match(output(), /waiting was interrupted \(the operation was cancelled/);
    const submitted = e2e.emulator.ci.jobs().slice(before).map((j) => j.jobId).sort();
    const exported = JSON.parse((await e2e.ws.run(["stack", "export"])).stdout) as
      { deployment: { resources: { urn: string; id?: string; initErrors?: string[]; delete?: boolean }[] } };
    // The replaced jobs of run 2 are still there too, pending deletion once their replacements are up.
    const recorded = exported.deployment.resources.filter((r) => r.urn.includes("CiMediaJob") && !r.delete);
    assert.deepEqual(recorded.map((r) => r.id).sort(), submitted, "the running jobs are in the state");
    assert.ok(recorded.every((r) => (r.initErrors ?? []).length > 0), "recorded as not finished");

    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const resumed = await jobs();
    assert.deepEqual(resumed.map((j) => j.jobId).sort(), submitted, "the same jobs");
    assert.deepEqual(resumed.map((j) => j.state), ["Success", "Success"]);
    assert.equal(e2e.emulator.ci.jobs().length, before + 2, "none submitted twice");
  });

  it("destroys the jobs of both accounts", async () => {
    await e2e.ws.run(["destroy", "--yes", "--skip-preview"]);
    const exported = JSON.parse((await e2e.ws.run(["stack", "export"])).stdout) as { deployment: { resources?: unknown[] } };
    assert.equal(exported.deployment.resources?.length ?? 0, 0);
  });
});
