/**
 * CiMediaJob through the real Pulumi engine on a file backend against the emulator:
 * preview → up → up (no changes) → refresh → change an input (replace) → destroy.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { assertNoSecrets, useE2eStack, walk } from "../helpers/engine";

interface Outputs {
  coverJobId: string;
  coverState: string;
  coverObjects: string[];
  mediaInfoJobId: string;
  videoDurationSeconds: string;
  videoResolution: string;
}

interface PreviewStep {
  op: string;
  urn: string;
}

describe("e2e: CiMediaJob through the Pulumi engine", function () {
  this.timeout(300_000);
  const e2e = useE2eStack({ name: "e2e", program: "examples/ci-smart-cover",
    emulator: { tencent: { timeline: { runningAfterMs: 300, finishedAfterMs: 1200 } } } });

  const jobSubmissions = () => e2e.emulator.requests.filter((r) => r.method === "POST" && r.path === "/jobs").length;

  it("previews two jobs to create without submitting anything", async () => {
    const preview = await e2e.ws.json<{ steps: PreviewStep[] }>(["preview"]);
    const creates = preview.steps.filter((s) => s.op === "create" && s.urn.includes("CiMediaJob"));
    assert.equal(creates.length, 2);
    assert.equal(jobSubmissions(), 0, "preview never calls create");
  });

  it("runs both jobs on `up` and exposes their results as stack outputs", async () => {
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const outs = await e2e.ws.json<Outputs>(["stack", "output"]);
    assert.match(outs.coverJobId, /^j[0-9a-f]{32}$/);
    assert.equal(outs.coverState, "Success");
    assert.deepEqual(outs.coverObjects, ["covers/launch-keynote-0.jpg", "covers/launch-keynote-1.jpg",
      "covers/launch-keynote-2.jpg"]);
    assert.match(outs.mediaInfoJobId, /^j[0-9a-f]{32}$/);
    assert.equal(outs.videoResolution, "1920x1080");
    assert.equal(outs.videoDurationSeconds, "12.345000");
    assert.equal(jobSubmissions(), 2);
  });

  it("keeps credentials out of the state, and the provider in state thin", async () => {
    // At rest and in a plain export, credentials appear nowhere in clear text. (The engine itself records the
    // stack config as the default dynamic provider's inputs, encrypted when set with --secret.)
    assertNoSecrets((await e2e.ws.run(["stack", "export"])).stdout, "stack export");
    for (const file of walk(e2e.ws.backendDir)) assertNoSecrets(readFileSync(file, "utf8"), file);
    // Even decrypted, no resource of ours holds them: the provider reads them at call time and never stores them.
    const state = JSON.parse((await e2e.ws.run(["stack", "export", "--show-secrets"])).stdout) as
      { deployment: { resources: { type: string; outputs?: Record<string, string> }[] } };
    const jobs = state.deployment.resources.filter((r) => r.type.endsWith("CiMediaJob"));
    assert.equal(jobs.length, 2);
    for (const job of jobs) {
      assertNoSecrets(JSON.stringify(job), `the state of ${job.type}`);
      const size = Buffer.byteLength(job.outputs!.__provider!);
      // The serialized provider only requires the package by name (design §4).
      assert.ok(size < 512, `__provider is ${size} bytes`);
      assert.match(job.outputs!.__provider!, /require\("pulumi-mediajobs\/provider\/ci-media-job"\)/);
      console.log(`      __provider: ${size} bytes`);
    }
  });

  it("reports no changes on a second `up`", async () => {
    await e2e.ws.run(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
    assert.equal(jobSubmissions(), 2);
  });

  it("refreshes without changes while the jobs still exist", async () => {
    await e2e.ws.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
  });

  it("replaces both jobs when their input changes", async () => {
    const before = await e2e.ws.json<Outputs>(["stack", "output"]);
    await e2e.ws.run(["config", "set", "video", "videos/launch-keynote-v2.mp4"]);
    const preview = await e2e.ws.json<{ steps: PreviewStep[] }>(["preview"]);
    const replaced = preview.steps.filter((s) => s.op === "replace" && s.urn.includes("CiMediaJob"));
    assert.equal(replaced.length, 2, JSON.stringify(preview.steps.map((s) => s.op)));
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const after = await e2e.ws.json<Outputs>(["stack", "output"]);
    assert.notEqual(after.coverJobId, before.coverJobId);
    assert.notEqual(after.mediaInfoJobId, before.mediaInfoJobId);
    assert.equal(after.coverState, "Success");
    assert.equal(jobSubmissions(), 4);
    const v2 = e2e.emulator.ci.jobs().filter((j) => j.object === "videos/launch-keynote-v2.mp4");
    assert.equal(v2.length, 2);
  });

  it("shows check failures in `preview`, naming the field and the rule, before anything is sent", async () => {
    const requests = e2e.emulator.requests.length;
    await e2e.ws.run(["config", "set", "bucket", "examplebucket"]);
    try {
      const preview = await e2e.ws.run(["preview"], { allowFailure: true });
      assert.notEqual(preview.code, 0);
      assert.match(preview.stdout + preview.stderr, /bucket must be <BucketName>-<APPID>.*got "examplebucket"/);
      assert.equal(e2e.emulator.requests.length, requests);
    } finally {
      await e2e.ws.run(["config", "rm", "bucket"]);
    }
  });

  it("destroys the stack", async () => {
    await e2e.ws.run(["destroy", "--yes", "--skip-preview"]);
    const state = JSON.parse((await e2e.ws.run(["stack", "export"])).stdout) as { deployment: { resources?: unknown[] } };
    assert.equal(state.deployment.resources?.length ?? 0, 0);
    assert.equal(jobSubmissions(), 4, "destroy submits nothing");
  });
});
