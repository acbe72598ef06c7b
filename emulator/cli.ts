/**
 * `mediajobs-emulator [--port 9700] [--host 127.0.0.1] [--running-after-ms N] [--finished-after-ms N]
 * [--job-history-seconds N] [--tls [--tls-name NAME]… [--cert-file PATH]] [--data-dir DIR] [--sts-lifetime-seconds N]
 * [--oidc-issuer URL --oidc-audience AUD --oidc-public-key-file PEM] [--ecs-role-name NAME [--ecs-hardened]]
 * [--cvm-role-name NAME]`
 */
import { createPublicKey } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import {
  DEFAULT_ALIBABA_OIDC_PROVIDER_ARN, DEFAULT_TENCENT_OIDC_PROVIDER_ID, Emulator, EMULATOR_ALIBABA_CREDENTIALS,
  EMULATOR_TENCENT_CREDENTIALS, EmulatorOptions, startEmulator,
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
                           temporary directory removed at exit
  --sts-lifetime-seconds N temporary keys (STS, instance roles) live at most N seconds (default: as requested)
  --oidc-issuer URL        trust RS256 JWTs of this issuer in AssumeRoleWithOIDC / AssumeRoleWithWebIdentity; with
  --oidc-audience AUD      the audience they must name, and
  --oidc-public-key-file F the issuer's RSA public key (PEM)
  --ecs-role-name NAME     the RAM role of the emulated ECS instance (metadata at Host 100.100.100.200)
  --ecs-hardened           ECS metadata in hardened-only mode (a session token is required)
  --cvm-role-name NAME     the CAM role of the emulated CVM instance (metadata at Host metadata.tencentyun.com)`;

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
    "sts-lifetime-seconds": { type: "string" },
    "oidc-issuer": { type: "string" },
    "oidc-audience": { type: "string" },
    "oidc-public-key-file": { type: "string" },
    "ecs-role-name": { type: "string" },
    "ecs-hardened": { type: "boolean", default: false },
    "cvm-role-name": { type: "string" },
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
  validate(values);
  const emulator = await startEmulator(emulatorOptions(values));
  // Before anything is printed: a signal right after start-up still closes it (and removes a temporary store).
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  printSettings(emulator, values);
}

/** Refuses options that do not go together or are not numbers, before anything starts. */
function validate(values: Values): void {
  if (!values.tls && (values["tls-name"].length > 0 || values["cert-file"])) {
    throw new Error("--tls-name and --cert-file need --tls.");
  }
  const history = values["job-history-seconds"];
  if (history !== undefined && !(Number(history) >= 0)) {
    throw new Error(`--job-history-seconds takes a number of seconds (0 or more), not "${history}".`);
  }
  const lifetime = values["sts-lifetime-seconds"];
  if (lifetime !== undefined && !(Number(lifetime) > 0)) {
    throw new Error(`--sts-lifetime-seconds takes a number of seconds (more than 0), not "${lifetime}".`);
  }
  const oidc = [values["oidc-issuer"], values["oidc-audience"], values["oidc-public-key-file"]];
  if (oidc.some((v) => v !== undefined) && !oidc.every((v) => v)) {
    throw new Error("--oidc-issuer, --oidc-audience and --oidc-public-key-file go together.");
  }
}

/** The OIDC provider named on the command line, its key read and checked now. */
function oidcOption(values: Values): Pick<EmulatorOptions, "oidc"> {
  const file = values["oidc-public-key-file"];
  if (!file) return {};
  let publicKeyPem: string;
  try {
    publicKeyPem = readFileSync(file, "utf8");
    createPublicKey(publicKeyPem);
  } catch (e) {
    throw new Error(`--oidc-public-key-file ${file} is not a readable PEM public key: ${(e as Error).message}`);
  }
  return { oidc: { issuer: values["oidc-issuer"]!, audience: values["oidc-audience"]!, publicKeyPem } };
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
    ...(values["job-history-seconds"] !== undefined ? { jobHistorySeconds: Number(values["job-history-seconds"]) } : {}),
    ...(values["sts-lifetime-seconds"] !== undefined
      ? { sts: { maxLifetimeSeconds: Number(values["sts-lifetime-seconds"]) } } : {}),
    ...oidcOption(values),
    metadata: { alibabaRoleName: values["ecs-role-name"], alibabaHardened: values["ecs-hardened"],
      tencentRoleName: values["cvm-role-name"] } };
}

/** Where the emulator listens, where its objects are, and the settings that point each provider at it. */
function printSettings(emulator: Emulator, values: Values): void {
  console.log(`mediajobs-emulator listening on ${emulator.url}`);
  console.log(`  Object store (COS <BucketName-APPID>.cos.<region>.myqcloud.com, OSS <bucket>.oss-<region>.aliyuncs.com): ` +
    `${emulator.objects.dataDir}${values["data-dir"] ? "" : " (temporary)"}`);
  if (emulator.certificate) printTrust(emulator, values["cert-file"]);
  // One write: whoever waits for a line of it ("Alibaba MPS: …") gets the whole banner with it.
  console.log([...credentialLines(values), ...providerLines(emulator.url)].join("\n"));
}

/** STS, OIDC and the metadata services: always served; what the command line set for them, said. */
function credentialLines(values: Values): string[] {
  const lifetime = values["sts-lifetime-seconds"];
  const lines = ["  STS at Host sts.aliyuncs.com and sts.tencentcloudapi.com: temporary keys live " +
    (lifetime ? `at most ${lifetime} s (--sts-lifetime-seconds)` : "as long as requested")];
  if (values["oidc-issuer"]) {
    lines.push(`  OIDC: RS256 tokens of ${values["oidc-issuer"]} for audience ${values["oidc-audience"]}, signed by ` +
      `${values["oidc-public-key-file"]}; Alibaba OIDCProviderArn ${DEFAULT_ALIBABA_OIDC_PROVIDER_ARN}, Tencent ` +
      `ProviderId ${DEFAULT_TENCENT_OIDC_PROVIDER_ID}`);
  }
  const ecs = values["ecs-role-name"];
  lines.push(`  ECS metadata at Host 100.100.100.200: ${ecs ? `RAM role ${ecs}` : "no role attached"}` +
    (values["ecs-hardened"] ? " (hardened-only: session token required)" : ""));
  const cvm = values["cvm-role-name"];
  lines.push(`  CVM metadata at Host metadata.tencentyun.com: ${cvm ? `CAM role ${cvm}` : "no role bound"}`);
  return lines;
}

/**
 * The settings for both forms of the provider: the dynamic resources read `tencentcloud:*` / `alicloud:*`, the
 * plugin reads its own `mediajobs:*` keys; a plugin user given only the former gets "credentials are missing".
 */
function providerLines(url: string): string[] {
  const tc = EMULATOR_TENCENT_CREDENTIALS;
  const ali = EMULATOR_ALIBABA_CREDENTIALS;
  return [
    `  Tencent CI: set mediajobs:ciEndpoint=${url} and the emulator's test credentials (not real keys):`,
    `    dynamic resources: tencentcloud:secretId=${tc.secretId} tencentcloud:secretKey=${tc.secretKey}`,
    `    provider plugin:   mediajobs:tencentcloudSecretId=${tc.secretId} mediajobs:tencentcloudSecretKey=${tc.secretKey}`,
    `  Alibaba MPS: set mediajobs:mpsEndpoint=${url} and the emulator's test credentials (not real keys):`,
    `    dynamic resources: alicloud:accessKey=${ali.accessKeyId} alicloud:secretKey=${ali.accessKeySecret}`,
    `    provider plugin:   mediajobs:alicloudAccessKey=${ali.accessKeyId} mediajobs:alicloudSecretKey=${ali.accessKeySecret}`,
    "  Regions: any region id is served; for resources that name none, set one per cloud, e.g.",
    "    dynamic resources: tencentcloud:region=ap-guangzhou alicloud:region=cn-shanghai",
    "    provider plugin:   mediajobs:tencentcloudRegion=ap-guangzhou mediajobs:alicloudRegion=cn-shanghai",
  ];
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
