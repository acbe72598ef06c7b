/**
 * What the engine shows, in both forms. While a job waits, its state and the time waited are the resource's status
 * (ephemeral diagnostics: the engine shows them in the resource's row and keeps none); the result is one line that
 * stays. A check failure at any depth reads as the path and the rule, never as `value {<nil>}`.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useE2eStack } from "../helpers/engine";

interface DiagnosticEvent { urn?: string; message: string; severity: string; ephemeral?: boolean }

for (const form of ["dynamic", "plugin"] as const) {
  describe(`e2e: what the engine shows (${form} form)`, function () {
    this.timeout(300_000);
    const logDir = mkdtempSync(join(tmpdir(), "mediajobs-events-"));
    const e2e = useE2eStack({ name: `e2e-display-${form}`, program: "test/e2e/programs/display", plugin: form === "plugin",
      emulator: { tencent: { timeline: { runningAfterMs: 300, finishedAfterMs: 3000 } } },
      setup: async ({ ws }) => {
        // The engine's own record of what it showed: `--event-log`, a flag of its debug commands.
        ws.env.PULUMI_DEBUG_COMMANDS = "true";
        if (form === "plugin") await ws.run(["config", "set", "form", "plugin"]);
      },
      teardown: async () => { rmSync(logDir, { recursive: true, force: true }); } });

    it("shows a waiting job's state as status lines, and its result as one line that stays", async () => {
      const eventLog = join(logDir, "up.jsonl");
      await e2e.ws.run(["up", "--yes", "--skip-preview", "--event-log", eventLog]);
      // The job's URN as the engine made it (under two components): the lines must be shown against it.
      const { deployment } = JSON.parse((await e2e.ws.run(["stack", "export"])).stdout) as
        { deployment: { resources: { urn: string }[] } };
      const urn = deployment.resources.map((r) => r.urn).find((u) => u.endsWith("::info"))!;
      assert.match(urn, /::display:index:Group\$display:index:Group\$[^:]+:[^:]+:CiMediaJob::info$/);
      const events = readFileSync(eventLog, "utf8").split("\n").filter(Boolean)
        .map((l) => (JSON.parse(l) as { diagnosticEvent?: DiagnosticEvent }).diagnosticEvent)
        .filter((d): d is DiagnosticEvent => d !== undefined && d.urn === urn);
      const status = events.filter((d) => d.ephemeral).map((d) => d.message.trim());
      const stays = events.filter((d) => !d.ephemeral).map((d) => d.message.trim());
      assert.ok(status.some((l) => /^CiMediaJob j\w+ \(MediaInfo of videos\/clip\.mp4\): Running \(\d+s\)$/.test(l)),
        JSON.stringify(events, null, 1));
      assert.equal(stays.length, 1, JSON.stringify(stays));
      assert.match(stays[0]!, /^CiMediaJob j\w+ \(MediaInfo of videos\/clip\.mp4\): Success after \d+s$/);
      assert.equal((await e2e.ws.json<{ state: string }>(["stack", "output"])).state, "Success");
    });

    it("shows each broken rule by its path, whatever its depth", async () => {
      await e2e.ws.run(["config", "set", "invalid", "true"]);
      const preview = await e2e.ws.run(["preview"], { allowFailure: true });
      const text = preview.stdout + preview.stderr;
      assert.notEqual(preview.code, 0);
      assert.match(text, /has a problem: operation\.smartCover\.width must be an integer from 128 to 4096 \(pixels\); got "wide"\./);
      assert.match(text, /has a problem: operation\.output\.object is required: the name of the object to write\./);
      assert.doesNotMatch(text, /<nil>/);
      await e2e.ws.run(["config", "rm", "invalid"]);
    });
  });
}
