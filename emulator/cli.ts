/**
 * `mediajobs-emulator [--port 9700] [--host 127.0.0.1] [--running-after-ms N] [--finished-after-ms N]
 * [--job-history-seconds N] [--tls [--tls-name NAME]… [--cert-file PATH]] [--data-dir DIR]`
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import {
  Emulator, EMULATOR_ALIBABA_CREDENTIALS, EMULATOR_TENCENT_CREDENTIALS, EmulatorOptions, startEmulator,
} from "./index";

const USAGE = `Usage: mediajobs-emulator [options]
  --port N                 port to listen on (default 9700, or $MEDIAJOBS_EMULATOR_PORT; 0 picks a free one)
  --host ADDRESS           address to listen on (default 127.0.0.1)
  --running-after-ms N     how long a job waits before it runs
  --finished-after-ms N    how long a job takes to end
  --job-history-seconds N  forget a job N seconds after it ended, as the clouds' histories do (default: never)
  --tls                    serve HTTPS with a self-signed certificate made at start-up
  --tls-name NAME          another DNS name or IP address for the certificate (repeatable), e.g.
                           mts.cn-hangzhou.aliyuncs.com or '*.ci.ap-guangzhou.myqcloud.com'
  --cert-file PATH         where to write the certificate (default: <tmpdir>/mediajobs-emulator/<port>.pem)
  --data-dir DIR           keep the object store (COS and OSS buckets, one file per object) in DIR; default: a
                           temporary directory removed at exit`;

/** The command's options; the port's default comes from the environment when the command runs. */
function commandOptions() {
  return {
    port: { type: "string", default: process.env.MEDIAJOBS_EMULATOR_PORT ?? "9700" },
    host: { type: "string", default: "127.0.0.1" },
    "running-after-ms": { type: "string" },
    "finished-after-ms": { type: "string" },
    "job-history-seconds": { type: "string" },
    tls: { type: "boolean", default: false },
    "tls-name": { type: "string", multiple: true, default: [] as string[] },
    "cert-file": { type: "string" },
    "data-dir": { type: "string" },
    help: { type: "boolean", short: "h" },
  } as const;
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: ReturnType<typeof commandOptions> }>>["values"];

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: commandOptions() });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.tls && (values["tls-name"].length > 0 || values["cert-file"])) {
    throw new Error("--tls-name and --cert-file need --tls.");
  }
  const history = values["job-history-seconds"];
  if (history !== undefined && !(Number(history) >= 0)) {
    throw new Error(`--job-history-seconds takes a number of seconds (0 or more), not "${history}".`);
  }
  const emulator = await startEmulator(emulatorOptions(values));
  // Before anything is printed: a signal right after start-up still closes it (and removes a temporary store).
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  printSettings(emulator, values);
}

/** The command's options as startEmulator's: one pair of timings serves both clouds' jobs. */
function emulatorOptions(values: Values): EmulatorOptions {
  const runningAfter = values["running-after-ms"] ? Number(values["running-after-ms"]) : undefined;
  const finishedAfter = values["finished-after-ms"] ? Number(values["finished-after-ms"]) : undefined;
  const timeline = {
    ...(runningAfter !== undefined ? { runningAfterMs: runningAfter } : {}),
    ...(finishedAfter !== undefined ? { finishedAfterMs: finishedAfter } : {}),
  };
  const mpsTimeline = {
    ...(runningAfter !== undefined ? { analysingAfterMs: runningAfter } : {}),
    ...(finishedAfter !== undefined ? { finishedAfterMs: finishedAfter } : {}),
  };
  return { port: Number(values.port), host: values.host, tencent: { timeline }, alibaba: { timeline: mpsTimeline },
    ...(values.tls ? { tls: { names: values["tls-name"] } } : {}),
    ...(values["data-dir"] ? { dataDir: values["data-dir"] } : {}),
    ...(values["job-history-seconds"] !== undefined ? { jobHistorySeconds: Number(values["job-history-seconds"]) } : {}) };
}

/** Where the emulator listens, where its objects are, and the settings that point each provider at it. */
function printSettings(emulator: Emulator, values: Values): void {
  console.log(`mediajobs-emulator listening on ${emulator.url}`);
  console.log(`  Object store (COS <BucketName-APPID>.cos.<region>.myqcloud.com, OSS <bucket>.oss-<region>.aliyuncs.com): ` +
    `${emulator.objects.dataDir}${values["data-dir"] ? "" : " (temporary)"}`);
  if (emulator.certificate) printTrust(emulator, values["cert-file"]);
  console.log(`  Tencent CI: set mediajobs:ciEndpoint=${emulator.url}, ` +
    `tencentcloud:secretId=${EMULATOR_TENCENT_CREDENTIALS.secretId} and the emulator's test secretKey ` +
    `(EMULATOR_TENCENT_CREDENTIALS in pulumi-mediajobs/emulator)`);
  console.log(`  Alibaba MPS: set mediajobs:mpsEndpoint=${emulator.url}, ` +
    `alicloud:accessKey=${EMULATOR_ALIBABA_CREDENTIALS.accessKeyId} and the emulator's test secretKey ` +
    `(EMULATOR_ALIBABA_CREDENTIALS)`);
}

/** Writes the certificate where clients can name it, and says how to trust it. */
function printTrust(emulator: Emulator, certFile: string | undefined): void {
  const certificate = emulator.certificate!;
  const file = certFile ?? join(tmpdir(), "mediajobs-emulator", `${new URL(emulator.url).port}.pem`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, certificate.cert);
  console.log(`  TLS certificate (self-signed, made now): ${file}`);
  console.log(`    valid for ${certificate.names.join(", ")} until ${certificate.validTo.toISOString()}`);
  console.log(`    SHA-256 fingerprint ${certificate.fingerprint256}`);
  console.log("  Trust it:");
  console.log(`    pulumi-mediajobs: pulumi config set mediajobs:endpointCaFile ${file}  ` +
    `(or MEDIAJOBS_ENDPOINT_CA_FILE=${file})`);
  console.log(`    other Node clients: NODE_EXTRA_CA_CERTS=${file}; curl: --cacert ${file}`);
}
