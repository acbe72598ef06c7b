/** Secret inputs stay secret: a callback URL with a token never appears in state, exports or the engine's output. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Emulator, startEmulator } from "../../emulator";
import { assertNoSecrets, PulumiWorkspace, REPO_ROOT, requireEngine, walk } from "../helpers/engine";
import { startListener } from "../helpers/listener";

describe("e2e: secret inputs", function () {
  this.timeout(180_000);
  const stack = `e2e-secret-${process.pid}`;
  const token = "tok3n-" + "9f2c41d8e7b6a5c4";
  let emulator: Emulator;
  let ws: PulumiWorkspace;
  let listener: Awaited<ReturnType<typeof startListener>>;

  before(async function () {
    const enginePath = requireEngine(this);
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 100, finishedAfterMs: 400 } } });
    listener = await startListener();
    ws = new PulumiWorkspace(enginePath, join(REPO_ROOT, "test", "e2e", "programs", "secrets"));
    await ws.initStack(stack, emulator.url);
    await ws.run(["config", "set", "--secret", "hookUrl", `${listener.url}/hook?token=${token}`]);
  });
  after(async () => {
    try {
      await ws?.dispose(stack);
      assertNoSecrets(ws?.log ?? "", "the engine's output", [token]);
    } finally {
      await listener?.close();
      await emulator?.close();
    }
  });

  it("uses the secret (the callback arrives) but keeps it out of state, exports and output", async () => {
    await ws.run(["up", "--yes", "--skip-preview"]);
    await emulator.ci.settleCallbacks();
    assert.ok(listener.received.some((r) => r.path === `/hook?token=${token}`), "the callback was sent to the URL");
    assertNoSecrets((await ws.run(["stack", "export"])).stdout, "stack export", [token]);
    for (const file of walk(ws.backendDir)) assertNoSecrets(readFileSync(file, "utf8"), file, [token]);
    const outputs = (await ws.run(["stack", "output", "--json"])).stdout;
    assertNoSecrets(outputs, "stack output", [token]);
    assert.equal(JSON.parse(outputs).notifyConfig, "[secret]", "the output holding the URL is secret");
    assert.equal(JSON.parse(outputs).jobState, "Success");
  });
});
