import assert from "node:assert/strict";
import type { Credentials } from "../../../provider/config/settings";
import { CloudApiError, TransportError } from "../../../provider/errors";
import { ClientOptions, Exchange, requestPipeline } from "../../../provider/http/pipeline";
import { classifyAnswer } from "../../../provider/http/retry";
import type { HttpRequest, HttpResponse } from "../../../provider/http/transport";

const ENDPOINT = { canonicalHost: "bucket-1250000000.ci.ap-guangzhou.myqcloud.com", settingName: "The CI override" };
const ok: HttpResponse = { status: 200, headers: {}, body: "ok" };

/** A pipeline whose every step logs itself; `answers` are the transport's, in turn (an Error is thrown). */
function harness(answers: (HttpResponse | Error)[], over: Partial<ClientOptions> = {}) {
  const log: string[] = [];
  const sent: HttpRequest[] = [];
  let t = 1_000;
  let keys = 0;
  const options: ClientOptions = {
    credentials: () => {
      const key: Credentials = { keyId: `id${++keys}`, secret: `secret${keys}` };
      log.push(`credentials ${key.keyId}`);
      return key;
    },
    limiter: (keyId) => ({ acquire: async () => { log.push(`wait ${keyId}`); t += 500; } }),
    now: () => t,
    transport: {
      async send(req) {
        log.push("send");
        sent.push(req);
        const answer = answers.shift()!;
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
    ...over,
  };
  return { log, sent, pipeline: requestPipeline(ENDPOINT, options) };
}

function exchange(log: string[], idempotent = true): Exchange<string> {
  return {
    idempotent,
    sign: ({ credentials, now, host }) => {
      log.push(`sign ${credentials.keyId} at ${now}`);
      return { method: "GET", pathAndQuery: "/jobs", headers: { host, authorization: `${credentials.keyId}@${now}` } };
    },
    parse: (res, credentials) => {
      log.push(`parse ${res.status}`);
      if (res.status === 503) {
        throw new CloudApiError({ service: "ci", action: "T", status: 503, vendorCode: "SlowDown",
          vendorMessage: credentials.keyId, ...classifyAnswer(503, "SlowDown") });
      }
      if (res.status === 500) {
        throw new CloudApiError({ service: "ci", action: "T", status: 500, vendorCode: "InternalError",
          vendorMessage: "", ...classifyAnswer(500, "InternalError") });
      }
      return res.body;
    },
  };
}

describe("the request pipeline", () => {
  it("reads the credentials, waits for the rate limit, then signs for that instant, sends and parses", async () => {
    const { log, pipeline } = harness([ok]);
    assert.equal(await pipeline.send(exchange(log)), "ok");
    assert.deepEqual(log, ["credentials id1", "wait id1", "sign id1 at 1500", "send", "parse 200"]);
  });

  it("repeats every step on a retry: rotated credentials, another wait, a fresh signature", async () => {
    const { log, sent, pipeline } = harness([{ status: 503, headers: {}, body: "" }, ok]);
    assert.equal(await pipeline.send(exchange(log, false)), "ok", "a throttled refusal is retried, even a submission");
    assert.deepEqual(log, [
      "credentials id1", "wait id1", "sign id1 at 1500", "send", "parse 503",
      "credentials id2", "wait id2", "sign id2 at 2000", "send", "parse 200",
    ]);
    assert.deepEqual(sent.map((r) => r.headers.authorization), ["id1@1500", "id2@2000"]);
  });

  it("with an account (a credential source), waits for its turn first and reads the credentials after the wait", async () => {
    const { log, pipeline } = harness([{ status: 503, headers: {}, body: "" }, ok], { account: "role-x" });
    await pipeline.send(exchange(log));
    assert.deepEqual(log, ["wait role-x", "credentials id1", "sign id1 at 1500", "send", "parse 503",
      "wait role-x", "credentials id2", "sign id2 at 2000", "send", "parse 200"], "the limit is the account's, not the key's");
  });

  it("names a host that does not resolve and the setting that sends requests elsewhere", async () => {
    const { log, pipeline } = harness([new TransportError("ENOTFOUND", "Request to https://x failed: getaddrinfo " +
      "ENOTFOUND (ENOTFOUND).", false)], { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 } });
    await assert.rejects(pipeline.send(exchange(log)), (e: TransportError) => e.networkCode === "ENOTFOUND" &&
      e.message.includes(`The host ${ENDPOINT.canonicalHost} does not resolve`) && e.message.endsWith("set The CI override."));
  });

  it("says where refused credentials came from", async () => {
    const refuse: Exchange<string> = { ...exchange([]), parse: () => {
      throw new CloudApiError({ service: "ci", action: "T", status: 403, vendorCode: "SignatureDoesNotMatch",
        vendorMessage: "no", ...classifyAnswer(403, "SignatureDoesNotMatch") });
    } };
    const { pipeline } = harness([{ status: 403, headers: {}, body: "" }],
      { credentialOrigin: "keys (stack config `tencentcloud:secretId`; stack config `tencentcloud:secretKey`)" });
    await assert.rejects(pipeline.send(refuse), (e: Error) => e.message.endsWith("The credentials came from keys " +
      "(stack config `tencentcloud:secretId`; stack config `tencentcloud:secretKey`): check them there."));
  });

  it("retries an ambiguous failure only of an idempotent call", async () => {
    const idempotent = harness([{ status: 500, headers: {}, body: "" }, ok]);
    assert.equal(await idempotent.pipeline.send(exchange(idempotent.log, true)), "ok");
    const submission = harness([{ status: 500, headers: {}, body: "" }, ok]);
    await assert.rejects(submission.pipeline.send(exchange(submission.log, false)),
      (e: CloudApiError) => e.vendorCode === "InternalError");
    assert.equal(submission.log.filter((l) => l === "send").length, 1, "a submission that may have run is not resent");
    const lost = harness([new TransportError("ECONNRESET", "reset", true), ok]);
    await assert.rejects(lost.pipeline.send(exchange(lost.log, false)), TransportError);
  });

  it("connects to the override, sends the canonical Host the request was signed for, and names itself", async () => {
    const { log, sent, pipeline } = harness([ok], { endpointOverride: "http://127.0.0.1:9700" });
    await pipeline.send(exchange(log));
    assert.equal(pipeline.host, ENDPOINT.canonicalHost);
    assert.equal(pipeline.origin, "http://127.0.0.1:9700");
    assert.deepEqual(sent[0], { method: "GET", pathAndQuery: "/jobs", origin: "http://127.0.0.1:9700", tls: undefined,
      headers: { host: ENDPOINT.canonicalHost, authorization: "id1@1500", "user-agent": "pulumi-mediajobs" } });
  });

  it("goes to the canonical host over https without an override, and refuses a plain-http override elsewhere", () => {
    assert.equal(harness([]).pipeline.origin, `https://${ENDPOINT.canonicalHost}`);
    assert.throws(() => harness([], { endpointOverride: "http://example.com" }),
      /The CI override uses plain http:\/\//);
  });
});
