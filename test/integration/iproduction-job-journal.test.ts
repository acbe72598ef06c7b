/**
 * IProductionJob after a run that was cut off (MPS cannot list jobs, so the submission journal on this machine is
 * what remembers them): the next run adopts the job it was waiting for, and refuses to submit blindly when the run
 * was cut off before MPS answered. Each "run" is a provider process of its own (a context started later).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator, startEmulator } from "../../emulator";
import { createIProductionJobProvider } from "../../provider";
import { AmbiguousSubmissionError } from "../../provider/errors";
import { ProviderContext } from "../../provider/lifecycle/provider-context";
import { submissionMarker } from "../../provider/lifecycle/submission";
import { SubmissionJournal } from "../../provider/lifecycle/submission-journal";
import { mpsEmulatorEnv } from "../helpers/env";

const OSS = "oss://example-bucket.oss-cn-shanghai.aliyuncs.com";
const IDENTITY = "proj/stack/IProductionJob/cover";
const inputs = { region: "cn-shanghai", functionName: "Cover", input: `${OSS}/in/a.mp4`,
  output: `${OSS}/out/{sequenceId}.jpg`, timeoutSeconds: 30 };
const POLL = { minDelayMs: 20, maxDelayMs: 100, ageFraction: 0.1 };

describe("IProductionJob: the submission journal", function () {
  this.timeout(20_000);
  let emulator: Emulator;
  let restoreEnv: () => void;
  let dir: string;
  const contexts: ProviderContext[] = [];
  const logs: string[] = [];
  /** A provider process of its own, started `laterByMs` after now, sharing this machine's journal. */
  const run = (laterByMs = 0) => {
    const context = new ProviderContext({ now: () => Date.now() + laterByMs, journal: new SubmissionJournal(dir) });
    contexts.push(context);
    return createIProductionJobProvider({ context, poll: POLL, log: (l) => logs.push(l) });
  };
  const props = { ...inputs, __identity: IDENTITY };

  beforeEach(async () => {
    emulator = await startEmulator({ alibaba: { timeline: { analysingAfterMs: 50, finishedAfterMs: 600 } } });
    restoreEnv = mpsEmulatorEnv(emulator.url);
    dir = mkdtempSync(join(tmpdir(), "mediajobs-journal-"));
    logs.length = 0;
  });
  afterEach(async () => {
    restoreEnv();
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps nothing once a wait has ended", async () => {
    const { outs } = await run().create!(props);
    assert.equal(outs.state, "Success");
    assert.equal(new SubmissionJournal(dir).find(submissionMarker(IDENTITY, inputs, undefined).marker), undefined);
  });

  it("adopts the job a run cut off while waiting had submitted, submitting nothing", async () => {
    // The earlier run: submitted, then killed before its wait ended (its journal entry stays).
    const earlier = run().create!({ ...props, timeoutSeconds: 30 });
    const { marker } = submissionMarker(IDENTITY, inputs, undefined);
    // Journaled once MPS answered, before the wait.
    while (!new SubmissionJournal(dir).find(marker)?.jobId) await new Promise((r) => setTimeout(r, 10));
    const jobId = emulator.mps.jobs()[0]!.jobId;
    assert.equal(new SubmissionJournal(dir).find(marker)?.jobId, jobId);
    // (The earlier process "dies": its own wait goes on here, but the next run does not know.)
    const { id, outs } = await run(60_000).create!(props);
    assert.equal(id, jobId);
    assert.equal(outs.state, "Success");
    assert.equal(emulator.mps.jobs().length, 1, "nothing submitted twice");
    assert.ok(logs.some((l) => /adopting it instead of submitting again/.test(l)), logs.join("\n"));
    await earlier;
  });

  it("refuses to submit blindly after a run cut off before MPS answered, then submits on the next `up`", async () => {
    const { marker } = submissionMarker(IDENTITY, inputs, undefined);
    new SubmissionJournal(dir).intend(marker, Date.now() - 5_000);
    const err = await run(60_000).create!(props).then(() => undefined, (e) => e);
    assert.ok(err instanceof AmbiguousSubmissionError, String(err));
    assert.match(err.message, /cut off before the answer came.*UserData is "mediajobs-/s);
    assert.equal(emulator.mps.jobs().length, 0);
    const { outs } = await run(120_000).create!(props);
    assert.equal(outs.state, "Success");
    assert.equal(emulator.mps.jobs().length, 1);
  });

  it("does not adopt a finished job its run would have stopped waiting for long ago: the job runs again", async () => {
    const { id: old } = await run().create!(inputs);
    const { marker } = submissionMarker(IDENTITY, inputs, undefined);
    new SubmissionJournal(dir).record(marker, Date.now() - 2 * 3600_000, old);
    const { id } = await run(60_000).create!(props);
    assert.notEqual(id, old);
    assert.equal(emulator.mps.jobs().length, 2);
  });

  it("forgets an entry past its age (a crash weeks ago) without a word", async () => {
    const { marker } = submissionMarker(IDENTITY, inputs, undefined);
    new SubmissionJournal(dir).intend(marker, Date.now() - 30 * 24 * 3600_000);
    const { outs } = await run(60_000).create!(props);
    assert.equal(outs.state, "Success");
    assert.equal(emulator.mps.jobs().length, 1);
  });

  it("journals nothing for a provider driven without the resource's identity", async () => {
    await run().create!(inputs);
    assert.deepEqual(readdirSync(dir), []);
  });
});
