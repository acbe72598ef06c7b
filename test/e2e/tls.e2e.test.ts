/**
 * The whole demo stack (CI jobs, an MPS pipeline and job, a CI batch) through the real Pulumi engine over HTTPS:
 * the emulator serves TLS with its self-signed certificate and the stack names it in `mediajobs:endpointCaFile`,
 * as a user of `mediajobs-emulator --tls` (or of a private gateway) would. Without it, the engine shows why.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useE2eStack } from "../helpers/engine";

describe("e2e: the demo stack over HTTPS", function () {
  this.timeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), "mediajobs-e2e-tls-"));
  const caFile = join(dir, "emulator.pem");
  const e2e = useE2eStack({ name: "e2e-tls", program: ".",
    emulator: { tls: true, tencent: { timeline: { runningAfterMs: 100, finishedAfterMs: 400 } },
      alibaba: { timeline: { analysingAfterMs: 100, finishedAfterMs: 400 } } },
    setup: async () => writeFileSync(caFile, e2e.emulator.certificate!.cert),
    teardown: async () => rmSync(dir, { recursive: true, force: true }),
  });

  it("fails `up` until the CA is named, saying which setting names it, with nothing sent", async () => {
    assert.match(e2e.emulator.url, /^https:/);
    const up = await e2e.ws.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
    assert.notEqual(up.code, 0);
    assert.match(up.stdout + up.stderr, new RegExp("certificate was refused\\. To trust a private CA or the " +
      "emulator's self-signed certificate, name its PEM file in mediajobs:endpointCaFile"));
    assert.equal(e2e.emulator.requests.length, 0, "no request got through");
  });

  it("runs every resource over https:// once the stack config names the CA, then refreshes and destroys", async () => {
    await e2e.ws.run(["config", "set", "mediajobs:endpointCaFile", caFile]);
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const outs = await e2e.ws.json<Record<string, unknown>>(["stack", "output"]);
    assert.equal(outs.coverState, "Success");
    assert.equal(outs.cartoonState, "Success");
    assert.equal(outs.batchState, "Success");
    assert.ok(e2e.emulator.ci.jobs().length >= 2 && e2e.emulator.mps.jobs().length >= 1 &&
      e2e.emulator.ci.batches().length >= 1, "CI jobs, an MPS job and a CI batch ran");
    await e2e.ws.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
    await e2e.ws.run(["destroy", "--yes", "--skip-preview"]);
  });
});
