import assert from "node:assert/strict";
import { CloudApiError, InvalidResponseError, TransportError } from "../../../provider/errors";
import {
  backoffDelay, classifyAnswer, DEFAULT_RETRY, mayHaveBeenProcessed, mayRetry, retryAfterMs, withRetries,
} from "../../../provider/http/retry";

/** An error answer, classified by the one table as the clients classify it. */
const cloud = (status: number, code: string, retryAfter?: number) => new CloudApiError({
  service: "mps", action: "X", status, vendorCode: code, vendorMessage: "", ...classifyAnswer(status, code),
  ...(retryAfter ? { retryAfterMs: retryAfter } : {}),
});
const invalid = (status: number) => new InvalidResponseError({ service: "ci", action: "X", status, problem: "html",
  retryable: status >= 500 });

describe("the retry table", () => {
  it("classifies both clouds' codes: throttled refusals, server trouble, and the rest", () => {
    assert.deepEqual(classifyAnswer(400, "Throttling.User"), { retryable: true, throttled: true }, "MPS throttling");
    assert.deepEqual(classifyAnswer(503, "SlowDown"), { retryable: true, throttled: true }, "CI throttling");
    assert.deepEqual(classifyAnswer(429, ""), { retryable: true, throttled: true });
    assert.deepEqual(classifyAnswer(400, "ServiceUnavailable"), { retryable: true, throttled: false });
    assert.deepEqual(classifyAnswer(500, "InternalError"), { retryable: true, throttled: false });
    assert.deepEqual(classifyAnswer(502, ""), { retryable: true, throttled: false });
    assert.deepEqual(classifyAnswer(403, "SignatureDoesNotMatch"), { retryable: false, throttled: false });
    assert.deepEqual(classifyAnswer(400, "InvalidParameter"), { retryable: false, throttled: false });
  });

  it("says which failures may hide a processed request (the one rule for retries and submissions)", () => {
    assert.equal(mayHaveBeenProcessed(new TransportError("ECONNRESET", "reset", true)), true, "sent, answer lost");
    assert.equal(mayHaveBeenProcessed(new TransportError("ECONNREFUSED", "refused", false)), false, "never sent");
    assert.equal(mayHaveBeenProcessed(cloud(500, "InternalError")), true);
    assert.equal(mayHaveBeenProcessed(invalid(200)), true, "a garbled 200");
    assert.equal(mayHaveBeenProcessed(invalid(502)), true, "a proxy's page");
    assert.equal(mayHaveBeenProcessed(cloud(503, "SlowDown")), false, "throttled: refused");
    assert.equal(mayHaveBeenProcessed(cloud(400, "Throttling.User")), false);
    assert.equal(mayHaveBeenProcessed(cloud(400, "InvalidParameter")), false, "refused");
    assert.equal(mayHaveBeenProcessed(new Error("other")), false);
  });
});

describe("retry policy", () => {
  it("retries idempotent calls on any retryable failure", () => {
    assert.equal(mayRetry(cloud(500, "InternalError"), true), true);
    assert.equal(mayRetry(new TransportError("ECONNRESET", "reset", true), true), true);
    assert.equal(mayRetry(cloud(400, "InvalidParameter"), true), false);
    assert.equal(mayRetry(invalid(502), true), true);
    assert.equal(mayRetry(invalid(200), true), false, "a garbled 200 is not retried");
    const refusedCertificate = new TransportError("DEPTH_ZERO_SELF_SIGNED_CERT", "refused", false, false);
    assert.equal(mayRetry(refusedCertificate, true), false, "a refused certificate stays refused");
    assert.equal(mayHaveBeenProcessed(refusedCertificate), false);
  });

  it("retries a submission only when it provably was not processed", () => {
    assert.equal(mayRetry(cloud(400, "Throttling.User"), false), true, "throttled: refused");
    assert.equal(mayRetry(cloud(503, "SlowDown"), false), true, "CI throttling: refused");
    assert.equal(mayRetry(cloud(429, ""), false), true);
    assert.equal(mayRetry(new TransportError("ECONNREFUSED", "refused", false), false), true, "never sent");
    assert.equal(mayRetry(cloud(500, "InternalError"), false), false, "may have been processed");
    assert.equal(mayRetry(invalid(502), false), false, "may have been processed");
    assert.equal(mayRetry(new TransportError("ECONNRESET", "reset", true), false), false, "answer lost");
  });

  it("waits at least what the server asks for", async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const value = await withRetries(async () => {
      if (++calls < 3) throw cloud(400, "Throttling", 700);
      return "ok";
    }, () => true, DEFAULT_RETRY, async (ms) => { sleeps.push(ms); });
    assert.equal(value, "ok");
    assert.equal(sleeps.length, 2);
    assert.ok(sleeps.every((ms) => ms >= 700), String(sleeps));
  });

  it("gives up after maxAttempts and rethrows the last error", async () => {
    let calls = 0;
    await assert.rejects(withRetries(async () => { calls++; throw cloud(503, "ServiceUnavailable"); },
      () => true, { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, budgetMs: 60_000 }, async () => {}), /ServiceUnavailable/);
    assert.equal(calls, 3);
  });

  it("uses full jitter under an exponential cap", () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10_000, budgetMs: 60_000 };
    assert.equal(backoffDelay(3, policy, () => 0.999), 799);
    assert.equal(backoffDelay(10, { ...policy, maxDelayMs: 5000 }, () => 0.5), 2500);
  });

  it("stops retrying when the operation's budget would be exceeded", async () => {
    let t = 0;
    let calls = 0;
    await assert.rejects(withRetries(async () => { calls++; throw cloud(400, "Throttling", 4000); },
      () => true, { maxAttempts: 100, baseDelayMs: 1, maxDelayMs: 1, budgetMs: 10_000 },
      async (ms) => { t += ms; }, () => t), /Throttling/);
    assert.equal(calls, 3, "attempts at 0 s, 4 s and 8 s; a fourth would start after 12 s");
  });

  it("explains clock skew and what to do", () => {
    const skew = (vendorCode: string, vendorMessage = "") => new CloudApiError({ service: "ci", action: "X",
      status: 403, vendorCode, vendorMessage, retryable: false }).message;
    assert.match(skew("RequestTimeTooSkewed"), /clock differs from the cloud's.*NTP/);
    assert.match(skew("InvalidTimeStamp.Expired"), /clock differs from the cloud's/);
    assert.match(skew("AccessDenied", "Request has expired"), /clock differs from the cloud's/);
    assert.doesNotMatch(skew("AccessDenied", "no permission"), /clock/);
  });

  it("reads x-acs-retry-after in ms and Retry-After in seconds", () => {
    assert.equal(retryAfterMs({ "x-acs-retry-after": "300" }), 300);
    assert.equal(retryAfterMs({ "retry-after": "2" }), 2000);
    assert.equal(retryAfterMs({}), undefined);
  });
});
