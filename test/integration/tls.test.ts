/**
 * HTTPS endpoint overrides against the emulator serving TLS (`startEmulator({ tls })`, `mediajobs-emulator --tls`):
 * the providers trust the CA named in `mediajobs:endpointCaFile` / MEDIAJOBS_ENDPOINT_CA_FILE, check the
 * certificate against the override's host, and refuse, at once and with what to do, a certificate they cannot trust.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  EMULATOR_ALIBABA_CREDENTIALS as ALI, EMULATOR_TENCENT_CREDENTIALS as TC, Emulator, startEmulator,
} from "../../emulator";
import { createEmulatorCertificate } from "../../emulator/tls";
import { createCiMediaJobProvider, createIProductionJobProvider } from "../../provider";
import { Settings } from "../../provider/config/settings";
import { TransportError } from "../../provider/errors";
import { ProviderContext } from "../../provider/lifecycle/provider-context";
import { mapVendorHostsToLoopback } from "../helpers/vendor-hosts";

const BUCKET = "examplebucket-1250000000";
const OSS = "oss://example-bucket.oss-cn-shanghai.aliyuncs.com";
const mediaInfo = { bucket: BUCKET, region: "ap-guangzhou", tag: "MediaInfo", input: { object: "in/video.mp4" },
  operation: {}, timeoutSeconds: 30 };
const cover = { region: "cn-shanghai", functionName: "Cover", input: `${OSS}/in/keynote.mp4`,
  output: `${OSS}/covers/{source}-{sequenceId}.jpg`, timeoutSeconds: 30 };
const POLL = { minDelayMs: 20, maxDelayMs: 100, ageFraction: 0.1 };

describe("HTTPS endpoint overrides against the emulator serving TLS", function () {
  this.timeout(20_000);
  const dir = mkdtempSync(join(tmpdir(), "mediajobs-tls-"));
  const caFile = join(dir, "emulator.pem");
  const strangerFile = join(dir, "stranger.pem");
  let emulator: Emulator;
  let restoreHosts: () => void;
  const contexts: ProviderContext[] = [];

  /** A provider context reading only `env` (the credentials and the overrides), with `config` as the stack config. */
  function context(env: Record<string, string>, config: Record<string, string> = {}): ProviderContext {
    const ctx = new ProviderContext({ settings: new Settings({ TENCENTCLOUD_SECRET_ID: TC.secretId,
      TENCENTCLOUD_SECRET_KEY: TC.secretKey, ALICLOUD_ACCESS_KEY: ALI.accessKeyId,
      ALICLOUD_SECRET_KEY: ALI.accessKeySecret, ...env }) });
    ctx.configure({ config: { get: (k: string) => config[k] } } as never);
    contexts.push(ctx);
    return ctx;
  }
  /** A MediaInfo job and a Cover job run by providers on `ctx`. */
  const ciJob = (ctx: ProviderContext) => createCiMediaJobProvider({ context: ctx, poll: POLL, log: () => undefined })
    .create!(mediaInfo);
  const mpsJob = (ctx: ProviderContext) => createIProductionJobProvider({ context: ctx, poll: POLL,
    log: () => undefined }).create!(cover);
  const overrides = (url: string) => ({ MEDIAJOBS_CI_ENDPOINT: url, MEDIAJOBS_MPS_ENDPOINT: url });
  const refusal = (promise: Promise<unknown>) => promise.then(() => assert.fail("expected a refusal"), (e) => e);

  before(async () => {
    restoreHosts = mapVendorHostsToLoopback();
    emulator = await startEmulator({ tls: { names: ["mts.cn-shanghai.aliyuncs.com"] },
      tencent: { timeline: { runningAfterMs: 50, finishedAfterMs: 150 } },
      alibaba: { timeline: { analysingAfterMs: 50, finishedAfterMs: 150 } } });
    writeFileSync(caFile, emulator.certificate!.cert);
    writeFileSync(strangerFile, createEmulatorCertificate().cert);
  });
  after(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await emulator.close();
    restoreHosts();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves https:// with a certificate for the local names and the names it was given", () => {
    assert.match(emulator.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(emulator.certificate!.names, ["localhost", "127.0.0.1", "::1", "mts.cn-shanghai.aliyuncs.com"]);
    assert.ok(!("key" in emulator.certificate!), "the private key stays in the emulator");
  });

  it("runs a CI and an MPS job over HTTPS with the CA named in the stack config", async () => {
    const ctx = context(overrides(emulator.url), { "mediajobs:endpointCaFile": caFile });
    const ci = await ciJob(ctx);
    assert.equal(ci.outs.state, "Success");
    const mps = await mpsJob(ctx);
    assert.equal(mps.outs.state, "Success");
    assert.ok(emulator.ci.jobs().some((j) => j.jobId === ci.id) && emulator.mps.jobs().some((j) => j.jobId === mps.id));
  });

  it("takes the CA from MEDIAJOBS_ENDPOINT_CA_FILE, and checks the name of localhost too", async () => {
    const url = emulator.url.replace("127.0.0.1", "localhost");
    const ctx = context({ ...overrides(url), MEDIAJOBS_ENDPOINT_CA_FILE: caFile });
    const ci = await ciJob(ctx);
    assert.equal(ci.outs.state, "Success");
  });

  it("refuses the self-signed certificate without a CA, sending nothing, not retrying, saying what to set", async () => {
    const before = emulator.requests.length;
    const ctx = context(overrides(emulator.url));
    let attempts = 0;
    const send = ctx.transport.send.bind(ctx.transport);
    ctx.transport.send = (req) => { attempts++; return send(req); };
    const err = await refusal(ciJob(ctx));
    assert.equal(attempts, 1, "one attempt: a refused certificate stays refused");
    assert.ok(err instanceof TransportError, String(err));
    assert.equal(err.networkCode, "DEPTH_ZERO_SELF_SIGNED_CERT");
    assert.equal(err.sent, false);
    assert.equal(err.retryable, false);
    assert.match(err.message, /certificate was refused.*mediajobs:endpointCaFile \/ \$MEDIAJOBS_ENDPOINT_CA_FILE/);
    assert.equal(emulator.requests.length, before, "no request reached the emulator");
  });

  it("refuses the certificate when the CA named is another, naming the file", async () => {
    const err = await refusal(mpsJob(context({ ...overrides(emulator.url),
      MEDIAJOBS_ENDPOINT_CA_FILE: strangerFile })));
    assert.ok(err instanceof TransportError, String(err));
    assert.equal(err.retryable, false);
    assert.ok(err.message.includes(`("${strangerFile}") does not vouch for it for "127.0.0.1"`), err.message);
  });

  it("checks the certificate against the override's host, not the canonical Host the request carries", async () => {
    const port = new URL(emulator.url).port;
    // The canonical Host is mts.cn-shanghai.aliyuncs.com (in the certificate) either way; only the override differs.
    const named = context({ MEDIAJOBS_MPS_ENDPOINT: `https://mts.cn-shanghai.aliyuncs.com:${port}`,
      MEDIAJOBS_ENDPOINT_CA_FILE: caFile });
    const ok = await mpsJob(named);
    assert.equal(ok.outs.state, "Success");
    const unnamed = context({ MEDIAJOBS_MPS_ENDPOINT: `https://mts.cn-beijing.aliyuncs.com:${port}`,
      MEDIAJOBS_ENDPOINT_CA_FILE: caFile });
    const err = await refusal(mpsJob(unnamed));
    assert.ok(err instanceof TransportError, String(err));
    assert.equal(err.networkCode, "ERR_TLS_CERT_ALTNAME_INVALID");
    assert.match(err.message, /mts\.cn-beijing\.aliyuncs\.com/);
  });

  it("says so when an https:// override is a plain http server", async () => {
    const plain = await startEmulator();
    try {
      const err = await refusal(ciJob(context({
        ...overrides(plain.url.replace("http:", "https:")), MEDIAJOBS_ENDPOINT_CA_FILE: caFile })));
      assert.ok(err instanceof TransportError, String(err));
      assert.equal(err.retryable, false);
      assert.match(err.message, /does not speak TLS/);
      assert.equal(plain.requests.length, 0);
    } finally {
      await plain.close();
    }
  });

  it("names the setting when the CA file is missing, before any request", async () => {
    const before = emulator.requests.length;
    const err = await refusal(ciJob(context({ ...overrides(emulator.url),
      MEDIAJOBS_ENDPOINT_CA_FILE: join(dir, "gone.pem") })));
    assert.match(String(err), /mediajobs:endpointCaFile.*gone\.pem.*cannot be read/);
    assert.equal(emulator.requests.length, before);
  });
});
