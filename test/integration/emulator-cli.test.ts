/** `mediajobs-emulator` as a user starts it: `--tls` serves HTTPS, writes the certificate and says how to trust it. */
import assert from "node:assert/strict";
import { ChildProcess, execFile, spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "undici";
import { REPO_ROOT } from "../helpers/engine";
import { EMULATOR_ALIBABA_CREDENTIALS as ALI, EMULATOR_TENCENT_CREDENTIALS as TC } from "../../emulator";
import { oidcKeyPair } from "../helpers/oidc";
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

  /** Runs the command expecting it to refuse its arguments; resolves with its exit code and stderr. */
  const refusedWith = (args: string[]) => new Promise<{ code: number; stderr: string }>((resolve) => execFile(
    process.execPath, [BIN, ...args], (err, _stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stderr })));

  it("prints the settings of both forms: the dynamic resources' stack config and the plugin's mediajobs: keys",
    async () => {
      const { child, out } = await start(["--port", "0"]);
      try {
        for (const setting of [`tencentcloud:secretId=${TC.secretId}`, `tencentcloud:secretKey=${TC.secretKey}`,
          `alicloud:accessKey=${ALI.accessKeyId}`, `alicloud:secretKey=${ALI.accessKeySecret}`,
          `mediajobs:tencentcloudSecretId=${TC.secretId}`, `mediajobs:tencentcloudSecretKey=${TC.secretKey}`,
          `mediajobs:alicloudAccessKey=${ALI.accessKeyId}`, `mediajobs:alicloudSecretKey=${ALI.accessKeySecret}`]) {
          assert.ok(out.includes(setting), `${setting} in:\n${out}`);
        }
        assert.match(out, /mediajobs:ciEndpoint=http:\/\/127\.0\.0\.1:\d+ /);
        assert.match(out, /mediajobs:mpsEndpoint=http:\/\/127\.0\.0\.1:\d+ /);
        assert.ok(out.includes("temporary keys live as long as requested"), out);
        assert.ok(out.includes("100.100.100.200: no role attached"), out);
      } finally {
        await stop(child);
      }
    });

  it("--sts-lifetime-seconds, --oidc-* and the instance roles: said in the banner, and served", async () => {
    const keyFile = join(dir, "oidc.pem");
    writeFileSync(keyFile, oidcKeyPair().publicKeyPem);
    const { child, out } = await start(["--port", "0", "--sts-lifetime-seconds", "4", "--oidc-issuer",
      "https://oidc.example.test", "--oidc-audience", "sts.aliyuncs.com", "--oidc-public-key-file", keyFile,
      "--ecs-role-name", "EcsDeployer", "--cvm-role-name", "CvmDeployer"]);
    try {
      assert.ok(out.includes("temporary keys live at most 4 s (--sts-lifetime-seconds)"), out);
      assert.ok(out.includes(`OIDC: RS256 tokens of https://oidc.example.test for audience sts.aliyuncs.com, signed by ` +
        `${keyFile}`), out);
      assert.ok(out.includes("RAM role EcsDeployer") && out.includes("CAM role CvmDeployer"), out);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
      const res = await request(`${url}/latest/meta-data/ram/security-credentials/EcsDeployer`,
        { headers: { host: "100.100.100.200" } });
      const creds = JSON.parse(await res.body.text()) as Record<string, string>;
      assert.equal(Date.parse(creds.Expiration!) - Date.parse(creds.LastUpdated!) <= 4000, true, JSON.stringify(creds));
    } finally {
      await stop(child);
    }
  });

  it("refuses a lifetime that is not a positive number, and OIDC flags given apart", async () => {
    const zero = await refusedWith(["--sts-lifetime-seconds", "0"]);
    assert.equal(zero.code, 1);
    assert.match(zero.stderr, /--sts-lifetime-seconds takes a number of seconds \(more than 0\), not "0"/);
    const partial = await refusedWith(["--oidc-issuer", "https://oidc.example.test"]);
    assert.match(partial.stderr, /--oidc-issuer, --oidc-audience and --oidc-public-key-file go together/);
    const notAKey = await refusedWith(["--oidc-issuer", "i", "--oidc-audience", "a", "--oidc-public-key-file", BIN]);
    assert.match(notAKey.stderr, /is not a readable PEM public key/);
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
