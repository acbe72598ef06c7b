/**
 * A request is signed for the instant it is sent, after its wait for the rate limit: with a limit so slow that the
 * second request waits longer than a signature lives (q-sign's KeyTime is 900 s; MPS's Timestamp and OSS's date are
 * accepted within 15 minutes), that request still goes out with a signature the cloud accepts.
 */
import assert from "node:assert/strict";
import { MpsClient } from "../../../provider/clients/alibaba/mps-client";
import { OssObjects } from "../../../provider/clients/alibaba/oss-objects";
import { CosObjects } from "../../../provider/clients/tencent/cos-objects";
import { CiClient } from "../../../provider/clients/tencent/ci-client";
import { parseAuthorization } from "../../../provider/clients/tencent/q-sign";
import { RateLimiter } from "../../../provider/http/rate-limit";
import type { HttpRequest, HttpResponse } from "../../../provider/http/transport";

/** One request per 1,031 s (3 % headroom): the second request waits longer than any of the signatures lives. */
const SLOW_RATE = 0.001;
/** How far from the server's clock an MPS Timestamp or an OSS date may be (both clouds: 15 minutes). */
const ALIBABA_WINDOW_MS = 15 * 60_000;
const START = Date.UTC(2026, 0, 5, 8, 0, 0);

/** A clock that only sleeping moves, and a rate limiter on it. */
function slowAccount() {
  let t = START;
  const now = () => t;
  const limiter = new RateLimiter(SLOW_RATE, now, async (ms) => { t += ms; });
  return { now, limiter: () => limiter };
}

/**
 * A transport that, when a request is sent, checks its signature's time against the fake clock as the cloud would
 * and answers `ok`. Records each request's send time and whether its signature was current then.
 */
function cloud(now: () => number, signedAt: (req: HttpRequest) => { from: number; to: number }, ok: HttpResponse) {
  const sent: { at: number; from: number; to: number }[] = [];
  return {
    sent,
    transport: {
      async send(req: HttpRequest): Promise<HttpResponse> {
        sent.push({ at: now(), ...signedAt(req) });
        return ok;
      },
    },
  };
}

/** Each request was sent while its signature was valid, and the second one did wait longer than that window. */
function assertSignedWhenSent(sent: { at: number; from: number; to: number }[], lifetimeMs: number) {
  assert.equal(sent.length, 2);
  assert.ok(sent[1]!.at - sent[0]!.at > lifetimeMs, "the second request waited longer than a signature lives");
  for (const [i, s] of sent.entries()) {
    assert.ok(s.from <= s.at && s.at <= s.to,
      `request ${i + 1}, sent at ${new Date(s.at).toISOString()}, carries a signature valid from ` +
      `${new Date(s.from).toISOString()} to ${new Date(s.to).toISOString()}`);
  }
}

const header = (req: HttpRequest, name: string) => req.headers[name] ?? "";

/** q-sign: the request is valid within its q-sign-time, `<start>;<end>` in unix seconds. */
function qSignWindow(req: HttpRequest): { from: number; to: number } {
  const [from, to] = parseAuthorization(header(req, "authorization"))["q-sign-time"]!.split(";").map(Number);
  return { from: from! * 1000, to: to! * 1000 };
}

/** Alibaba: a time the server accepts within 15 minutes either side. */
function around(time: string): { from: number; to: number } {
  const t = Date.parse(time);
  return { from: t - ALIBABA_WINDOW_MS, to: t + ALIBABA_WINDOW_MS };
}

const QSIGN_LIFETIME_MS = 900_000;
const credentials = () => ({ keyId: "EXAMPLE-ID", secret: "secret" });

describe("a request that waited for the rate limit is signed after the wait", () => {
  it("CI: the q-sign KeyTime covers the instant the request is sent", async () => {
    const { now, limiter } = slowAccount();
    const { sent, transport } = cloud(now, qSignWindow,
      { status: 200, headers: {}, body: "<Response><RequestId>r</RequestId></Response>" });
    const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-guangzhou", credentials, limiter,
      now, transport });
    for (let i = 0; i < 2; i++) {
      await client.call({ action: "DescribeMediaJob", method: "GET", path: "/jobs/j1", idempotent: true });
    }
    assertSignedWhenSent(sent, QSIGN_LIFETIME_MS);
  });

  it("MPS: the RPC Timestamp is the instant the request is sent", async () => {
    const { now, limiter } = slowAccount();
    const { sent, transport } = cloud(now, (req) => around(new URLSearchParams(String(req.body)).get("Timestamp")!),
      { status: 200, headers: {}, body: '{"RequestId":"r"}' });
    const client = new MpsClient({ region: "cn-shanghai", credentials, limiter, now, transport });
    for (let i = 0; i < 2; i++) await client.call("QueryPipelineList", { PipelineIds: "p1" }, { idempotent: true });
    assertSignedWhenSent(sent, ALIBABA_WINDOW_MS);
  });

  it("COS: the q-sign KeyTime covers the instant the request is sent", async () => {
    const { now, limiter } = slowAccount();
    const { sent, transport } = cloud(now, qSignWindow, { status: 200, headers: {}, body: "" });
    const client = new CosObjects({ bucket: "examplebucket-1250000000", region: "ap-guangzhou", credentials, limiter,
      now, transport });
    for (let i = 0; i < 2; i++) await client.put("out/a.txt", Buffer.from("a"), "text/plain");
    assertSignedWhenSent(sent, QSIGN_LIFETIME_MS);
  });

  it("OSS: the x-oss-date is the instant the request is sent", async () => {
    const { now, limiter } = slowAccount();
    const { sent, transport } = cloud(now, (req) => around(header(req, "x-oss-date")),
      { status: 200, headers: {}, body: "" });
    const client = new OssObjects({ bucket: "example-media", region: "cn-shanghai", credentials, limiter, now,
      transport });
    for (let i = 0; i < 2; i++) await client.put("out/a.txt", Buffer.from("a"), "text/plain");
    assertSignedWhenSent(sent, ALIBABA_WINDOW_MS);
  });
});
