/** `mediajobs-emulator` as a user starts it: `--tls` serves HTTPS, writes the certificate and says how to trust it. */
import assert from "node:assert/strict";
import { ChildProcess, execFile, spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "undici";
import { REPO_ROOT } from "../helpers/engine";
import { EMULATOR_TENCENT_CREDENTIALS as TC } from "../../emulator";
import { CosObjects } from "../../provider/clients/tencent/cos-objects";
import { HttpTransport } from "../../provider/http/transport";

const BIN = join(REPO_ROOT, "bin", "mediajobs-emulator.js");

/** Starts the emulator and resolves with what it printed once it printed its last start-up line. */
async function start(args: string[]): Promise<{ child: ChildProcess; out: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("Alibaba MPS:")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited ${code} before it started: ${out}`)));
  });
  return { child, out };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  return (await exited)[0] as number | null;
}

describe("mediajobs-emulator (the command)", function () {
  this.timeout(20_000);
  const dir = mkdtempSync(join(tmpdir(), "mediajobs-cli-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("--tls serves HTTPS, writes its certificate to --cert-file and prints how to trust it", async () => {
    const certFile = join(dir, "emulator.pem");
    const { child, out } = await start(["--tls", "--port", "0", "--cert-file", certFile,
      "--tls-name", "mts.cn-hangzhou.aliyuncs.com"]);
    try {
      const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      assert.ok(url, out);
      const cert = new X509Certificate(readFileSync(certFile));
      assert.ok(out.includes(`SHA-256 fingerprint ${cert.fingerprint256}`), out);
      assert.ok(out.includes("valid for localhost, 127.0.0.1, ::1, mts.cn-hangzhou.aliyuncs.com until"), out);
      assert.ok(out.includes(`pulumi config set mediajobs:endpointCaFile ${certFile}`), out);
      assert.ok(out.includes(`MEDIAJOBS_ENDPOINT_CA_FILE=${certFile}`), out);
      assert.ok(out.includes(`NODE_EXTRA_CA_CERTS=${certFile}`) && out.includes(`--cacert ${certFile}`), out);
      assert.ok(out.includes(`mediajobs:ciEndpoint=${url}`) && out.includes(`mediajobs:mpsEndpoint=${url}`), out);
      // A client trusting the file reaches the emulator over TLS (an unsigned call: MPS's error document).
      const agent = new Agent({ connect: { ca: readFileSync(certFile, "utf8") } });
      const res = await request(`${url}/?Action=QueryPipelineList`, { dispatcher: agent,
        headers: { host: "mts.cn-hangzhou.aliyuncs.com" } });
      assert.equal(JSON.parse(await res.body.text()).Code, "MissingParameter");
      await agent.close();
    } finally {
      assert.equal(await stop(child), 0, "SIGTERM stops it cleanly");
    }
  });

  it("writes the certificate under the temporary directory by port when no --cert-file is given", async () => {
    const { child, out } = await start(["--tls", "--port", "0"]);
    try {
      const port = /listening on https:\/\/127\.0\.0\.1:(\d+)/.exec(out)![1]!;
      const file = join(tmpdir(), "mediajobs-emulator", `${port}.pem`);
      assert.ok(out.includes(`TLS certificate (self-signed, made now): ${file}`), out);
      assert.ok(existsSync(file));
      rmSync(file);
    } finally {
      await stop(child);
    }
  });

  it("serves plain HTTP without --tls, and refuses TLS options without it", async () => {
    const { child, out } = await start(["--port", "0"]);
    try {
      assert.match(out, /listening on http:\/\/127\.0\.0\.1:\d+\n/);
      assert.ok(!out.includes("TLS certificate"), out);
    } finally {
      await stop(child);
    }
    const refused = await new Promise<{ code: number; stderr: string }>((resolve) => execFile(process.execPath,
      [BIN, "--tls-name", "localhost"], (err, _stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stderr })));
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /--tls-name and --cert-file need --tls/);
  });

  it("--job-history-seconds takes a number of seconds, and refuses anything else", async () => {
    const { child } = await start(["--port", "0", "--job-history-seconds", "2.5"]);
    assert.equal(await stop(child), 0);
    const refused = await new Promise<{ code: number; stderr: string }>((resolve) => execFile(process.execPath,
      [BIN, "--job-history-seconds", "a week"], (err, _stdout, stderr) =>
      resolve({ code: err ? Number(err.code) : 0, stderr })));
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /--job-history-seconds takes a number of seconds \(0 or more\), not "a week"/);
  });

  it("--data-dir keeps the object store in a directory; without it, a temporary one is removed at exit", async () => {
    const dataDir = join(dir, "store");
    const kept = await start(["--port", "0", "--data-dir", dataDir]);
    try {
      assert.ok(kept.out.includes(`Object store (COS <BucketName-APPID>.cos.<region>.myqcloud.com, OSS ` +
        `<bucket>.oss-<region>.aliyuncs.com): ${dataDir}\n`), kept.out);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(kept.out)![1]!;
      const transport = new HttpTransport();
      await new CosObjects({ bucket: "media-1250000000", region: "ap-guangzhou", endpointOverride: url, transport,
        credentials: () => ({ keyId: TC.secretId, secret: TC.secretKey }) }).put("clips/a.txt", Buffer.from("a"), "text/plain");
      await transport.close();
    } finally {
      await stop(kept.child);
    }
    assert.equal(readFileSync(join(dataDir, "cos", "media-1250000000", "clips", "a.txt"), "utf8"), "a", "kept after exit");

    const temporary = await start(["--port", "0"]);
    const made = /myqcloud\.com, OSS <bucket>\.oss-<region>\.aliyuncs\.com\): (\S+) \(temporary\)/.exec(temporary.out)?.[1];
    assert.ok(made && existsSync(made), temporary.out);
    await stop(temporary.child);
    assert.equal(existsSync(made), false, "the temporary store is removed at exit");
  });
});
