/** One error family: every error class is exported, extends MediaJobsError, has its own code, and is documented. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as provider from "../../provider";
import { MediaJobsError } from "../../provider/errors";
import * as errors from "../../provider/errors";

const ROOT = resolve(__dirname, "..", "..", "..");

/** One instance of every class the errors module defines (the deprecated alias aside). */
function samples(): { name: string; cls: unknown; error: MediaJobsError }[] {
  const made: Record<string, () => MediaJobsError> = {
    ValidationError: () => new errors.ValidationError("m"),
    ConfigurationError: () => new errors.ConfigurationError("m"),
    CredentialError: () => new errors.CredentialError("a role (`mediajobs:x`)", new Error("e")),
    TransportError: () => new errors.TransportError("ECONNRESET", "m", true),
    CloudApiError: () => new errors.CloudApiError({ service: "ci", action: "A", status: 400, vendorCode: "C",
      vendorMessage: "m", retryable: false }),
    InvalidResponseError: () => new errors.InvalidResponseError({ service: "ci", action: "A", status: 200,
      problem: "p", retryable: false }),
    AmbiguousSubmissionError: () => new errors.AmbiguousSubmissionError("A", "m", new Error("e")),
    SubmissionConflictError: () => new errors.SubmissionConflictError("m", ["a", "b"], "m"),
    QueueAdoptionError: () => new errors.QueueAdoptionError("b", "m"),
    JobFailedError: () => new errors.JobFailedError("j", "Failed", "C", "m"),
    JobNotFoundError: () => new errors.JobNotFoundError("mps", "j"),
    NotInitializedError: () => new errors.NotInitializedError("j", {}, "deadline", "m"),
  };
  const defined = Object.entries(errors).filter(([name, v]) => typeof v === "function" && name !== "WaitTimeoutError" &&
    name !== "MediaJobsError" && v.prototype instanceof Error);
  assert.deepEqual(defined.map(([n]) => n).sort(), Object.keys(made).sort(), "a sample of every class");
  return Object.entries(made).map(([name, make]) => ({ name, cls: errors[name as keyof typeof errors], error: make() }));
}

describe("the error family", () => {
  it("every class extends MediaJobsError, names itself, and has a code no other class has", () => {
    const all = samples();
    for (const { name, cls, error } of all) {
      assert.ok(error instanceof MediaJobsError, name);
      assert.equal(error.constructor, cls, name);
      assert.equal(error.name, name);
    }
    assert.equal(new Set(all.map((s) => s.error.code)).size, all.length);
  });

  it("every class is exported by name from pulumi-mediajobs/provider", () => {
    for (const { name, cls } of samples()) assert.equal((provider as Record<string, unknown>)[name], cls, name);
    assert.equal(provider.MediaJobsError, MediaJobsError);
    assert.equal(provider.WaitTimeoutError, provider.NotInitializedError, "the deprecated alias");
  });

  it("the README's table gives each code with its class", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8").split(/^## /m).find((s) => s.startsWith("Errors\n"))!;
    const rows = new Map([...readme.matchAll(/^\| `(\w+)` \| `(\w+)`/gm)].map((m) => [m[1]!, m[2]!]));
    const all = samples();
    for (const { name, error } of all) assert.equal(rows.get(error.code), name, `README row for ${error.code}`);
    assert.equal(rows.size, all.length, "and nothing else");
  });

  it("keeps the raw body and a recorded resource's state out of what gets logged", () => {
    const e = new errors.CloudApiError({ service: "mps", action: "A", status: 500, vendorCode: "C", vendorMessage: "m",
      retryable: true, rawBody: "<secret body>" });
    assert.equal(e.rawBody, "<secret body>");
    assert.doesNotMatch(JSON.stringify(e), /secret body/);
    const recorded = new errors.NotInitializedError("j", { callBack: "https://h/?token=t" }, "deadline", "m");
    assert.doesNotMatch(JSON.stringify(recorded), /token/);
  });
});
