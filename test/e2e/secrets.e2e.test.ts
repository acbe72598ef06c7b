/** Secret inputs stay secret: a callback URL with a token never appears in state, exports or the engine's output. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { assertNoSecrets, useE2eStack, walk } from "../helpers/engine";
import { startListener } from "../helpers/listener";

describe("e2e: secret inputs", function () {
  this.timeout(180_000);
  const token = "tok3n-" + "9f2c41d8e7b6a5c4";
  let listener: Awaited<ReturnType<typeof startListener>>;
  const e2e = useE2eStack({
    name: "e2e-secret", program: "test/e2e/programs/secrets",
    emulator: { tencent: { timeline: { runningAfterMs: 100, finishedAfterMs: 400 } } },
    setup: async () => {
      listener = await startListener();
      await e2e.ws.run(["config", "set", "--secret", "hookUrl", `${listener.url}/hook?token=${token}`]);
    },
    teardown: async () => { await listener?.close(); },
  });

  it("uses the secret (the callback arrives) but keeps it out of state, exports and output", async () => {
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    await e2e.emulator.ci.settleCallbacks();
    assert.ok(listener.received.some((r) => r.path === `/hook?token=${token}`), "the callback was sent to the URL");
    assertNoSecrets((await e2e.ws.run(["stack", "export"])).stdout, "stack export", [token]);
    for (const file of walk(e2e.ws.backendDir)) assertNoSecrets(readFileSync(file, "utf8"), file, [token]);
    const outputs = (await e2e.ws.run(["stack", "output", "--json"])).stdout;
    assertNoSecrets(outputs, "stack output", [token]);
    assert.equal(JSON.parse(outputs).notifyConfig, "[secret]", "the output holding the URL is secret");
    assert.equal(JSON.parse(outputs).jobState, "Success");
  });

  it("leaves the token out of everything the engine printed", () => {
    assertNoSecrets(e2e.ws.log, "the engine's output", [token]);
  });
});
