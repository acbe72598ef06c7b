import assert from "node:assert/strict";
import { Emulator, startEmulator } from "../../emulator";
import { createCiMediaJobProvider } from "../../provider";
import { MAX_JOBS_PER_DESCRIBE } from "../../provider/ci-media-job/resource";
import { StatusPoller } from "../../provider/lifecycle/poller";
import { ProviderContext } from "../../provider/lifecycle/provider-context";
import { ciEmulatorEnv } from "../helpers/env";

const BUCKET = "examplebucket-1250000000";
const REGION = "ap-guangzhou";

describe("many CiMediaJobs waiting at once", function () {
  this.timeout(30_000);
  let emulator: Emulator;
  let restoreEnv: () => void;

  before(async () => {
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 300, finishedAfterMs: 1500 } } });
    restoreEnv = ciEmulatorEnv(emulator.url);
  });
  after(async () => {
    restoreEnv();
    await emulator.close();
  });

  it("share batched status requests of at most 50 ids, and each sees its own result", async () => {
    const poller = new StatusPoller();
    const context = new ProviderContext({ poller });
    const provider = createCiMediaJobProvider({ context, poll: { minDelayMs: 100, maxDelayMs: 1000, ageFraction: 0.1 },
      log: () => {} });
    const n = 120;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => provider.create!({
      bucket: BUCKET, region: REGION, tag: "MediaInfo", input: { object: `many/video-${i}.mp4` }, operation: {},
    })));
    assert.equal(new Set(results.map((r) => r.id)).size, n);
    for (const [i, r] of results.entries()) {
      assert.equal(r.outs.state, "Success");
      assert.equal((r.outs.input as { object: string }).object, `many/video-${i}.mp4`);
    }
    const describes = emulator.requests.filter((r) => r.method === "GET" && /^\/jobs\/j/.test(r.path));
    const sizes = describes.map((r) => r.path.slice("/jobs/".length).split(",").length);
    assert.ok(Math.max(...sizes) <= MAX_JOBS_PER_DESCRIBE, `at most ${MAX_JOBS_PER_DESCRIBE} ids per request`);
    assert.ok(Math.max(...sizes) > 10, `requests are shared (largest batch ${Math.max(...sizes)})`);
    assert.ok(describes.length < n, `${describes.length} status requests for ${n} jobs`);
    assert.equal(poller.size, 0);
    await context.close();
  });
});
