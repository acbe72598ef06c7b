/** `mediajobs-emulator [--port 9700] [--host 127.0.0.1] [--running-after-ms N] [--finished-after-ms N]` */
import { parseArgs } from "node:util";
import { EMULATOR_ALIBABA_CREDENTIALS, EMULATOR_TENCENT_CREDENTIALS, startEmulator } from "./index";

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", default: process.env.MEDIAJOBS_EMULATOR_PORT ?? "9700" },
      host: { type: "string", default: "127.0.0.1" },
      "running-after-ms": { type: "string" },
      "finished-after-ms": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log("Usage: mediajobs-emulator [--port 9700] [--host 127.0.0.1] [--running-after-ms 1000] " +
      "[--finished-after-ms 3000]");
    return;
  }
  const timeline = {
    ...(values["running-after-ms"] ? { runningAfterMs: Number(values["running-after-ms"]) } : {}),
    ...(values["finished-after-ms"] ? { finishedAfterMs: Number(values["finished-after-ms"]) } : {}),
  };
  const mpsTimeline = {
    ...(values["running-after-ms"] ? { analysingAfterMs: Number(values["running-after-ms"]) } : {}),
    ...(values["finished-after-ms"] ? { finishedAfterMs: Number(values["finished-after-ms"]) } : {}),
  };
  const emulator = await startEmulator({ port: Number(values.port), host: values.host, tencent: { timeline },
    alibaba: { timeline: mpsTimeline } });
  console.log(`mediajobs-emulator listening on ${emulator.url}`);
  console.log(`  Tencent CI: set mediajobs:ciEndpoint=${emulator.url}, ` +
    `tencentcloud:secretId=${EMULATOR_TENCENT_CREDENTIALS.secretId} and the emulator's test secretKey ` +
    `(EMULATOR_TENCENT_CREDENTIALS in pulumi-mediajobs/emulator)`);
  console.log(`  Alibaba MPS: set mediajobs:mpsEndpoint=${emulator.url}, ` +
    `alicloud:accessKey=${EMULATOR_ALIBABA_CREDENTIALS.accessKeyId} and the emulator's test secretKey ` +
    `(EMULATOR_ALIBABA_CREDENTIALS)`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
