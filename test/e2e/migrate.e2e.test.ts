/**
 * Migration from the dynamic resources to the plugin's: a stack made with the dynamic CiMediaJob and MediaPipeline
 * moves to `pulumi-mediajobs/plugin` with an alias of the dynamic type, re-running no job and re-adopting no queue.
 */
import assert from "node:assert/strict";
import { EMULATOR_TENCENT_CREDENTIALS } from "../../emulator";
import { useE2eStack } from "../helpers/engine";

interface Resource { urn: string; type: string; id?: string; outputs?: Record<string, unknown>; provider?: string }

describe("e2e: migrating a stack from the dynamic resources to the plugin", function () {
  this.timeout(300_000);
  const e2e = useE2eStack({ name: "e2e-migrate", program: "test/e2e/programs/migrate", plugin: true,
    emulator: { tencent: { timeline: { runningAfterMs: 50, finishedAfterMs: 300 } } },
    setup: async ({ ws }) => {
      // The dynamic resources read the stack config every dynamic provider gets.
      await ws.run(["config", "set", "--secret", "tencentcloud:secretId", EMULATOR_TENCENT_CREDENTIALS.secretId]);
      await ws.run(["config", "set", "--secret", "tencentcloud:secretKey", EMULATOR_TENCENT_CREDENTIALS.secretKey]);
    } });
  const resources = async () => (JSON.parse((await e2e.ws.run(["stack", "export"])).stdout) as
    { deployment: { resources?: Resource[] } }).deployment.resources ?? [];
  const outputs = () => e2e.ws.json<{ queueId: string; jobId: string; state: string }>(["stack", "output"]);

  it("keeps the job and the queue: no create, no replace, nothing sent to the cloud but reads", async () => {
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const before = await outputs();
    assert.equal(before.state, "Success");
    assert.ok((await resources()).some((r) => r.type === "pulumi-nodejs:dynamic/mediajobs:CiMediaJob"));
    const submitted = e2e.emulator.ci.jobs().length;

    await e2e.ws.run(["config", "set", "form", "plugin"]);
    const { steps } = await e2e.ws.json<{ steps: { op: string; urn: string }[] }>(["preview"]);
    // The preview lists no step but "same" ones: no create, delete or replace of the job or the queue.
    assert.deepEqual(steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`), []);
    const writes = e2e.emulator.requests.length;
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    assert.deepEqual(e2e.emulator.requests.slice(writes).filter((r) => r.method !== "GET"), [], "nothing changed");

    assert.deepEqual(await outputs(), before, "the same job and queue");
    assert.equal(e2e.emulator.ci.jobs().length, submitted, "no job submitted again");
    const moved = await resources();
    assert.deepEqual(moved.filter((r) => r.urn.includes("::queue") || r.urn.includes("::cover")).map((r) => r.type).sort(),
      ["mediajobs:index:CiMediaJob", "mediajobs:index:MediaPipeline"]);
    assert.ok(!moved.some((r) => r.type.startsWith("pulumi-nodejs:dynamic")), "no dynamic resource left");

    // A refresh through the plugin reads both from the cloud and leaves the dynamic provider's code behind.
    await e2e.ws.run(["refresh", "--yes", "--skip-preview"]);
    for (const r of (await resources()).filter((x) => x.type.startsWith("mediajobs:index:"))) {
      assert.ok(!("__provider" in (r.outputs ?? {})), `${r.urn} has no dynamic provider code left`);
    }
    await e2e.ws.run(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
    await e2e.ws.run(["destroy", "--yes", "--skip-preview"]);
    assert.equal(e2e.emulator.ci.queues("examplebucket-1250000000")[0]?.Name, "queue-1", "the queue is restored");
  });
});
