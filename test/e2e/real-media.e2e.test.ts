/**
 * Real media and `deleteOutputsOnDestroy` through the real Pulumi engine: a clip and a photo uploaded to the
 * emulator's object store, covers, MediaInfo, an animation, a cartoon and a batch of snapshots made from them by
 * `up`; a replacement of a job that deletes its outputs deletes before it creates (the new covers survive); turning
 * the flag off is an in-place update; `destroy` deletes exactly the outputs of the jobs that ask for it.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleClip, samplePhoto } from "../../emulator/media/ffmpeg-jobs";
import { useE2eStack } from "../helpers/engine";

const BUCKET = "media-1250000000";
const PHOTOS = "media-photos";

interface OutputObject { bucket: string; region: string; object: string; md5: string }
interface Outputs {
  coverObjects: OutputObject[];
  mediaInfo: { stream: { video: { width: string; height: string }[] } };
  gifObjects: OutputObject[];
  cartoonFiles: string[];
  batchChildren: { total: number; byState: Record<string, number> };
  batchId: string;
}
interface Step { op: string; urn: string }

const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");
const stepsOf = (steps: Step[], name: string) => steps.filter((s) => s.urn.endsWith(`::${name}`)).map((s) => s.op);

describe("e2e: real media, and outputs deleted on destroy, through the Pulumi engine", function () {
  this.timeout(300_000);
  const work = mkdtempSync(join(tmpdir(), "mediajobs-e2e-media-"));
  const e2e = useE2eStack({ name: "e2e-media", program: "test/e2e/programs/real-media",
    emulator: { tencent: { timeline: { runningAfterMs: 100, finishedAfterMs: 400 } },
      alibaba: { timeline: { analysingAfterMs: 100, finishedAfterMs: 400 } } },
    setup: async (s) => {
      await sampleClip(join(work, "sample.mp4"));
      await samplePhoto(join(work, "team.jpg"));
      s.emulator.objects.put("cos", BUCKET, "clips/sample.mp4", readFileSync(join(work, "sample.mp4")), "video/mp4");
      s.emulator.objects.put("oss", PHOTOS, "photos/team.jpg", readFileSync(join(work, "team.jpg")), "image/jpeg");
    },
    teardown: async () => rmSync(work, { recursive: true, force: true }),
  });
  const cos = (key: string) => e2e.emulator.objects.get("cos", BUCKET, key);
  const outputs = () => e2e.ws.json<Outputs>(["stack", "output"]);
  let first: Outputs;

  it("runs every job on the real clip and photo, and reports what they wrote", async () => {
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    first = await outputs();
    assert.deepEqual(first.coverObjects.map((o) => o.object), [0, 1, 2].map((i) => `covers/sample-${i}.jpg`));
    for (const o of [...first.coverObjects, ...first.gifObjects]) {
      assert.equal(md5(cos(o.object)!), o.md5, `${o.object} is stored with the MD5 reported`);
    }
    assert.deepEqual(first.mediaInfo.stream.video.map((v) => `${v.width}x${v.height}`), ["320x180"]);
    assert.deepEqual(first.cartoonFiles.map((f) => f.replace(/^oss:\/\/[^/]+\//, "")),
      ["cartoons/team-result.jpg", "cartoons/team-origin.jpg"]);
    assert.deepEqual(first.batchChildren.byState, { Success: 1 }, "one object under clips/");
    assert.deepEqual(e2e.emulator.objects.list("cos", BUCKET, `snapshots/${first.batchId}/`).map((o) => o.key),
      [0, 1].map((i) => `snapshots/${first.batchId}/frame-${i}.jpg`));
  });

  it("replaces a job that deletes its outputs by deleting first, so the new job's outputs survive", async () => {
    await e2e.ws.run(["config", "set", "generation", "2"]);
    const preview = await e2e.ws.json<{ steps: Step[] }>(["preview"]);
    assert.deepEqual(stepsOf(preview.steps, "covers"), ["replace"]);
    const seen = e2e.emulator.requests.length;
    const up = await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    assert.match(up.stdout, /deleteOutputsOnDestroy: deleted 3 of 3 objects/);
    // The old covers were deleted (DELETE on COS) before the new job was submitted (POST /jobs).
    const during = e2e.emulator.requests.slice(seen);
    const lastDelete = during.map((r) => r.method === "DELETE" && r.host.includes(".cos.")).lastIndexOf(true);
    const submission = during.findIndex((r) => r.method === "POST" && r.path === "/jobs");
    assert.ok(lastDelete >= 0 && submission > lastDelete, `deleted (${lastDelete}) before submitting (${submission})`);
    const after = await outputs();
    assert.deepEqual(after.coverObjects.map((o) => o.object), first.coverObjects.map((o) => o.object));
    for (const o of after.coverObjects) assert.equal(md5(cos(o.object)!), o.md5, `${o.object} was written again`);
  });

  it("turns deleteOutputsOnDestroy off in place, without a new job", async () => {
    const submitted = e2e.emulator.ci.jobs().length;
    await e2e.ws.run(["config", "set", "deleteCovers", "false"]);
    const preview = await e2e.ws.json<{ steps: Step[] }>(["preview"]);
    assert.deepEqual(stepsOf(preview.steps, "covers"), ["update"]);
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    assert.equal(e2e.emulator.ci.jobs().length, submitted);
  });

  it("destroy deletes the outputs of the jobs that ask for it, and keeps the others and the inputs", async () => {
    const destroy = await e2e.ws.run(["destroy", "--yes", "--skip-preview"]);
    assert.match(destroy.stdout, /IProductionJob [0-9a-f]{32}: deleteOutputsOnDestroy: deleted 2 of 2 objects/);
    assert.match(destroy.stdout, /InventoryTriggerJob b[0-9a-f]{32}: deleteOutputsOnDestroy: deleted 2 of 2 objects/);
    assert.deepEqual(e2e.emulator.objects.list("oss", PHOTOS).map((o) => o.key), ["photos/team.jpg"]);
    assert.deepEqual(e2e.emulator.objects.list("cos", BUCKET).map((o) => o.key).sort(), [
      "animations/sample.gif", "clips/sample.mp4", "covers/sample-0.jpg", "covers/sample-1.jpg", "covers/sample-2.jpg",
    ]);
  });
});
