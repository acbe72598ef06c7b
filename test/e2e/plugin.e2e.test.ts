/**
 * The provider plugin through the real engine: every resource of the package from `pulumi-mediajobs/plugin`,
 * preview → up → no-change up → refresh → update in place → replace → import (CLI and option) → destroy, with no
 * credential in clear in state or output.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { samplePhoto } from "../../emulator/media/ffmpeg-jobs";
import { addPipeline } from "../../provider/clients/alibaba/pipelines";
import { assertNoSecrets, useE2eStack, walk } from "../helpers/engine";
import { QUICK_JOBS } from "../helpers/release";
import { mpsClient } from "../helpers/clients";

interface Step {
  op: string;
  urn: string;
  diffReasons?: string[];
  replaceReasons?: string[];
  detailedDiff?: Record<string, { kind: string }>;
}
interface Outputs {
  queueId: string; queueName: string; infoJobId: string; infoState: string; mediaInfo: { format: { formatName: string } };
  pipelineId: string; cartoonState: string; cartoonFiles: string[]; batchState: string; adoptedName?: string;
}
interface Resource { urn: string; type: string; id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }

const nameOf = (urn: string) => urn.split("::").pop();
// The code `pulumi import` prints comes from the language host, and this machine's own Node host generates none.
const NO_CODE = ["--generate-code=false"];

describe("e2e: the provider plugin", function () {
  this.timeout(300_000);
  const e2e = useE2eStack({ name: "e2e-plugin", program: "test/e2e/programs/plugin", plugin: true,
    emulator: { ...QUICK_JOBS },
    // A real portrait for the ImageCartoonize job, whose cartoon destroy deletes (deleteOutputsOnDestroy).
    setup: async (s) => {
      const file = join(mkdtempSync(join(tmpdir(), "mediajobs-plugin-e2e-")), "portrait.jpg");
      await samplePhoto(file);
      s.emulator.objects.put("oss", "example-bucket", "in/portrait.jpg", readFileSync(file), "image/jpeg");
      rmSync(dirname(file), { recursive: true });
    } });
  const preview = async () => (await e2e.ws.json<{ steps: Step[] }>(["preview"])).steps;
  const outputs = () => e2e.ws.json<Outputs>(["stack", "output"]);
  const resources = async () => (JSON.parse((await e2e.ws.run(["stack", "export"])).stdout) as
    { deployment: { resources?: Resource[] } }).deployment.resources ?? [];
  let first: Outputs;

  it("previews every resource as a create, through the plugin", async () => {
    const steps = await preview();
    const creates = steps.filter((s) => s.op === "create" && s.urn.includes("mediajobs:index:")).map((s) => nameOf(s.urn));
    assert.deepEqual(creates.sort(), ["batch", "cartoon", "info", "pipeline", "queue"]);
    assert.equal(e2e.emulator.requests.filter((r) => r.method !== "GET").length, 0, "a preview changes nothing");
  });

  it("creates all four resource types and waits for the jobs", async () => {
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    first = await outputs();
    assert.equal(first.infoState, "Success");
    assert.equal(first.cartoonState, "Success");
    assert.equal(first.batchState, "Success");
    assert.ok(first.mediaInfo.format.formatName, "MediaInfo reached the outputs");
    assert.equal(first.queueName, "media-queue");
    assert.equal(first.cartoonFiles.length, 1);
    const cartoonKey = first.cartoonFiles[0]!.replace(/^oss:\/\/[^/]+\//, "");
    assert.equal(e2e.emulator.objects.get("oss", "example-bucket", cartoonKey)?.subarray(0, 2).toString("hex"), "ffd8",
      "the cartoon is a real JPEG in the store");
    const res = await resources();
    const byName = new Map(res.map((r) => [nameOf(r.urn), r]));
    assert.equal(byName.get("info")?.type, "mediajobs:index:CiMediaJob");
    assert.equal(byName.get("info")?.id, first.infoJobId, "the job id is the resource id");
    assert.equal(byName.get("queue")?.id, first.queueId, "the queue id is the resource id");
    assert.equal(byName.get("pipeline")?.id, first.pipelineId, "the pipeline id is the resource id");
    const provider = res.find((r) => r.type === "pulumi:providers:mediajobs");
    assert.ok(provider, "a default mediajobs provider");
    assert.ok(!("__provider" in (byName.get("info")?.outputs ?? {})), "no provider code in state");
  });

  it("changes nothing on a second up and on refresh", async () => {
    const steps = await preview();
    assert.deepEqual(steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${nameOf(s.urn)}`), []);
    const jobs = e2e.emulator.ci.jobs().length;
    await e2e.ws.run(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
    await e2e.ws.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
    assert.equal(e2e.emulator.ci.jobs().length, jobs, "nothing submitted again");
    assert.deepEqual(await outputs(), first);
  });

  it("updates a queue's name in place, with a detailed diff, and leaves the jobs alone", async () => {
    await e2e.ws.run(["config", "set", "queueName", "renamed-queue"]);
    const steps = await preview();
    const queue = steps.find((s) => nameOf(s.urn) === "queue")!;
    assert.equal(queue.op, "update");
    assert.deepEqual(queue.detailedDiff, { name: { kind: "update", inputDiff: true } });
    assert.deepEqual(steps.filter((s) => s.op !== "same").map((s) => nameOf(s.urn)), ["queue"]);
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const after = await outputs();
    assert.equal(after.queueName, "renamed-queue");
    assert.equal(after.queueId, first.queueId);
    assert.equal(e2e.emulator.ci.queues("examplebucket-1250000000").find((q) => q.QueueId === first.queueId)?.Name,
      "renamed-queue");
  });

  it("replaces a job whose input changed: a new job, the old one forgotten", async () => {
    await e2e.ws.run(["config", "set", "infoObject", "videos/other.mp4"]);
    const steps = await preview();
    const info = steps.filter((s) => nameOf(s.urn) === "info");
    assert.ok(info.some((s) => s.op === "replace"), JSON.stringify(info));
    const replace = info.find((s) => s.op === "replace")!;
    assert.deepEqual(replace.replaceReasons, ["input"]);
    assert.equal(replace.detailedDiff?.input?.kind, "update-replace");
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const after = await outputs();
    assert.notEqual(after.infoJobId, first.infoJobId);
    assert.equal(after.infoState, "Success");
    const job = e2e.emulator.ci.jobs().find((j) => j.jobId === after.infoJobId);
    assert.equal(job?.object, "videos/other.mp4");
  });

  it("imports an MPS pipeline made outside the stack, by `pulumi import` and by the import option", async () => {
    // `pulumi import` takes the region from the provider, as the last `up` configured it: a new setting updates
    // the provider in place, replacing nothing.
    await e2e.ws.run(["config", "set", "mediajobs:alicloudRegion", "cn-shanghai"]);
    const configured = await preview();
    assert.deepEqual(configured.filter((s) => s.op !== "same" && !s.urn.includes("pulumi:providers:"))
      .map((s) => `${s.op} ${nameOf(s.urn)}`), []);
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const client = mpsClient({ region: "cn-shanghai", endpointOverride: e2e.emulator.url });
    const made = await addPipeline(client, { name: "made-elsewhere" });
    const before = e2e.emulator.mps.pipelines().length;

    await e2e.ws.run(["import", "mediajobs:index:MediaPipeline", "cli-adopted", made.pipelineId,
      "--yes", "--protect=false", ...NO_CODE]);
    const adopted = (await resources()).find((r) => nameOf(r.urn) === "cli-adopted");
    assert.equal(adopted?.id, made.pipelineId);
    assert.equal(adopted?.inputs?.name, "made-elsewhere");
    assert.equal(adopted?.outputs?.state, "Active");
    // Released again (a program that does not declare it would delete it on the next `up`).
    await e2e.ws.run(["state", "delete", adopted!.urn, "--yes"]);

    await e2e.ws.run(["config", "set", "adoptPipelineId", made.pipelineId]);
    const steps = await preview();
    assert.equal(steps.find((s) => nameOf(s.urn) === "adopted")?.op, "import");
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    assert.equal((await outputs()).adoptedName, "made-elsewhere");
    assert.equal(e2e.emulator.mps.pipelines().length, before, "adopted, not created");
    await e2e.ws.run(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
  });

  it("imports a CI queue by [<region>/]<bucket>/<queueId>, and refuses a job with the reason", async () => {
    const bucket = "importbucket-1250000000";
    const [queue] = e2e.emulator.ci.queues(bucket);
    await e2e.ws.run(["import", "mediajobs:index:MediaPipeline", "cli-queue", `ap-guangzhou/${bucket}/${queue!.QueueId}`,
      "--yes", "--protect=false", ...NO_CODE]);
    const adopted = (await resources()).find((r) => nameOf(r.urn) === "cli-queue");
    assert.equal(adopted?.id, queue!.QueueId);
    assert.deepEqual(adopted?.inputs, { cloud: "tencentcloud", bucket, region: "ap-guangzhou", queueId: queue!.QueueId });
    assert.deepEqual((adopted?.outputs?.original as { name: string }).name, queue!.Name, "destroy restores these");
    await e2e.ws.run(["state", "delete", adopted!.urn, "--yes"]);

    const refused = await e2e.ws.run(["import", "mediajobs:index:CiMediaJob", "job", first.infoJobId, "--yes",
      "--protect=false", ...NO_CODE],
      { allowFailure: true });
    assert.notEqual(refused.code, 0);
    assert.match(refused.stdout + refused.stderr, /cannot be imported: a job is submitted by the stack/);
  });

  it("keeps every credential out of state, exports and output", async () => {
    const exported = (await e2e.ws.run(["stack", "export"])).stdout;
    assertNoSecrets(exported, "stack export");
    for (const file of walk(e2e.ws.backendDir)) assertNoSecrets(readFileSync(file, "utf8"), file);
    const provider = (await resources()).find((r) => r.type === "pulumi:providers:mediajobs")!;
    for (const key of ["tencentcloudSecretId", "tencentcloudSecretKey", "alicloudAccessKey", "alicloudSecretKey"]) {
      const value = provider.inputs?.[key] as Record<string, unknown>;
      assert.ok(value && "ciphertext" in value, `${key} is encrypted in state`);
    }
  });

  it("destroys everything: the MPS pipelines deleted, the CI queue restored, the cartoon deleted", async () => {
    const destroy = await e2e.ws.run(["destroy", "--yes", "--skip-preview"]);
    assert.match(destroy.stdout, /deleteOutputsOnDestroy: deleted 1 of 1 objects \(oss:\/\/example-bucket\/out\//);
    assert.deepEqual(e2e.emulator.objects.list("oss", "example-bucket").map((o) => o.key), ["in/portrait.jpg"]);
    const ids = e2e.emulator.mps.pipelines().map((p) => p.Id);
    assert.ok(!ids.includes(first.pipelineId), "the stack's pipeline is deleted");
    const queue = e2e.emulator.ci.queues("examplebucket-1250000000").find((q) => q.QueueId === first.queueId);
    assert.equal(queue?.Name, "queue-1", "the adopted queue is restored");
    assert.equal((await resources()).length, 0);
  });
});
