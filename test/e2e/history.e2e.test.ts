/**
 * A finished job's result outlives the cloud's memory of the job, in both forms: the emulator forgets ended jobs
 * after `jobHistorySeconds`, as the clouds' histories do. up → the history expires → refresh changes nothing → up
 * submits nothing; then the output objects are deleted → refresh removes the jobs → up runs them again, once each.
 */
import assert from "node:assert/strict";
import { useE2eStack } from "../helpers/engine";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RESULTS = "results-1250000000";

interface Outputs {
  jobIds: { covers: string; batch: string; cover: string };
  coverObjects: { bucket: string; object: string }[];
  outputFiles: string[];
}

for (const form of ["dynamic", "plugin"] as const) {
  describe(`e2e: finished jobs the cloud forgot keep their results while their objects are there (${form} form)`,
    function () {
      this.timeout(300_000);
      const e2e = useE2eStack({ name: `e2e-history-${form}`, program: "test/e2e/programs/history",
        plugin: form === "plugin",
        emulator: { jobHistorySeconds: 4, tencent: { timeline: { runningAfterMs: 200, finishedAfterMs: 800 } },
          alibaba: { timeline: { analysingAfterMs: 200, finishedAfterMs: 800 } } },
        setup: async ({ ws }) => { if (form === "plugin") await ws.run(["config", "set", "form", "plugin"]); } });
      const submitted = () => [...e2e.emulator.submissionsByUserData().values()].reduce((a, b) => a + b, 0);
      const forgotten = async () => {
        for (const deadline = Date.now() + 30_000; ; await sleep(250)) {
          const { ci, mps } = e2e.emulator;
          if (ci.jobs().length + ci.batches().length + mps.jobs().length === 0) return;
          assert.ok(Date.now() < deadline, "the emulator's history should have expired");
        }
      };
      let first: Outputs;

      it("keeps every result on refresh after the cloud forgot the jobs, and the next up submits nothing", async () => {
        await e2e.ws.run(["up", "--yes", "--skip-preview"]);
        first = await e2e.ws.json<Outputs>(["stack", "output"]);
        assert.equal(submitted(), 3);
        // What the jobs wrote (the emulator's synthetic jobs name their results without writing them).
        const objects = e2e.emulator.objects;
        for (const o of first.coverObjects) objects.put("cos", o.bucket, o.object, Buffer.from("jpg"));
        objects.put("cos", RESULTS, `batch/${first.jobIds.batch}/j1.mp4`, Buffer.from("mp4"));
        for (const url of first.outputFiles) {
          objects.put("oss", "results-bucket", url.replace(/^oss:\/\/[^/]+\//, ""), Buffer.from("jpg"));
        }
        await forgotten();

        const refresh = await e2e.ws.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
        const text = refresh.stdout + refresh.stderr;
        for (const [kind, id, count] of [["CiMediaJob", first.jobIds.covers, "2 output locations"],
          ["InventoryTriggerJob", first.jobIds.batch, "1 output location"],
          ["IProductionJob", first.jobIds.cover, "3 output locations"]]) {
          assert.ok(text.includes(`${kind} ${id} (Success) is no longer listed by the cloud (its job history has ` +
            `expired): its recorded outputs are kept (${count}, all still there).`), text);
        }
        await e2e.ws.run(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
        assert.equal(submitted(), 3, "nothing was submitted again");
        assert.deepEqual(await e2e.ws.json<Outputs>(["stack", "output"]), first);
      });

      it("removes the jobs whose objects are gone on refresh, and the next up runs each once again", async () => {
        const objects = e2e.emulator.objects;
        objects.delete("cos", first.coverObjects[0]!.bucket, first.coverObjects[0]!.object);
        objects.delete("cos", RESULTS, `batch/${first.jobIds.batch}/j1.mp4`);
        objects.delete("oss", "results-bucket", first.outputFiles[1]!.replace(/^oss:\/\/[^/]+\//, ""));

        const refresh = await e2e.ws.run(["refresh", "--yes", "--skip-preview"]);
        const text = refresh.stdout + refresh.stderr;
        // The lines that stay are repeated under Diagnostics: counted there.
        assert.equal(text.slice(text.indexOf("Diagnostics:")).match(/it is removed from the stack, so the next `pulumi up` runs it again/g)?.length, 3,
          text);
        assert.match(text, /3 deleted/, text);
        const { deployment } = JSON.parse((await e2e.ws.run(["stack", "export"])).stdout) as
          { deployment: { resources: { urn: string }[] } };
        const names = deployment.resources.map((r) => r.urn.slice(r.urn.lastIndexOf("::") + 2));
        assert.ok(names.includes("queue") && !["covers", "batch", "cover"].some((n) => names.includes(n)),
          names.join(", "));

        await e2e.ws.run(["up", "--yes", "--skip-preview"]);
        assert.equal(submitted(), 6, "each job ran once again");
        const again = await e2e.ws.json<Outputs>(["stack", "output"]);
        for (const k of ["covers", "batch", "cover"] as const) assert.notEqual(again.jobIds[k], first.jobIds[k]);
        await e2e.ws.run(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
      });
    });
}
