/**
 * The demo's real media (scripts/demo.sh): `upload <emulator url> <work dir>` makes a 4-second clip and a photo with
 * ffmpeg and uploads them, over the signed COS and OSS object APIs, to the objects the demo stack processes;
 * `collect <emulator url> <folder>` reads the stack's outputs (JSON on stdin) and downloads the covers, the cartoon
 * and the MediaInfo into a folder for a person to open.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EMULATOR_ALIBABA_CREDENTIALS, EMULATOR_TENCENT_CREDENTIALS } from "../emulator";
import { sampleClip, samplePhoto } from "../emulator/media/ffmpeg-jobs";
import { OssObjects } from "../provider/clients/alibaba/oss-objects";
import { CosObjects } from "../provider/clients/tencent/cos-objects";
import { HttpTransport } from "../provider/http/transport";

// The objects the examples in the demo stack read (their config defaults).
const COS_BUCKET = "examplebucket-1250000000";
const COS_REGION = "ap-guangzhou";
const OSS_BUCKET = "example-media";
const OSS_REGION = "cn-shanghai";

const transport = new HttpTransport();

function clients(url: string): { cos: CosObjects; oss: OssObjects } {
  const cos = new CosObjects({ bucket: COS_BUCKET, region: COS_REGION, endpointOverride: url, transport,
    credentials: () => ({ keyId: EMULATOR_TENCENT_CREDENTIALS.secretId, secret: EMULATOR_TENCENT_CREDENTIALS.secretKey }) });
  const oss = new OssObjects({ bucket: OSS_BUCKET, region: OSS_REGION, endpointOverride: url, transport,
    credentials: () => ({ keyId: EMULATOR_ALIBABA_CREDENTIALS.accessKeyId,
      secret: EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret }) });
  return { cos, oss };
}

async function upload(url: string, work: string): Promise<void> {
  mkdirSync(work, { recursive: true });
  const clipFile = join(work, "clip.mp4");
  const photoFile = join(work, "photo.jpg");
  await sampleClip(clipFile);
  await samplePhoto(photoFile);
  const clip = readFileSync(clipFile);
  const photo = readFileSync(photoFile);
  const { cos, oss } = clients(url);
  const uploads: [CosObjects | OssObjects, string, Buffer, string][] = [
    [cos, "videos/launch-keynote.mp4", clip, "video/mp4"], [cos, "uploads/intro.mp4", clip, "video/mp4"],
    [cos, "uploads/keynote.mp4", clip, "video/mp4"], [oss, "videos/keynote.mp4", clip, "video/mp4"],
    [oss, "photos/team-offsite.jpg", photo, "image/jpeg"],
  ];
  for (const [client, key, body, type] of uploads) await client.put(key, body, type);
  console.log(`Uploaded a ${clip.length}-byte clip (4 s, 320x180, H.264/AAC, made by ffmpeg) and a ${photo.length}-byte ` +
    `photo: ${uploads.map(([c, k]) => `${c.service}://${c === cos ? COS_BUCKET : OSS_BUCKET}/${k}`).join(", ")}`);
}

interface StackOutputs {
  coverObjects?: string[];
  mediaInfo?: unknown;
  cartoonFiles?: string[];
  coverFiles?: string[];
}

async function collect(url: string, folder: string, outputs: StackOutputs): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const { cos, oss } = clients(url);
  const saved: string[] = [];
  const save = async (name: string, body: Buffer | string) => {
    writeFileSync(join(folder, name), body);
    saved.push(name);
  };
  for (const key of outputs.coverObjects ?? []) await save(`ci-${key.split("/").pop()}`, await cos.get(key));
  for (const file of [...outputs.cartoonFiles ?? [], ...outputs.coverFiles ?? []]) {
    const key = file.replace(/^oss:\/\/[^/]+\//, "");
    await save(`mps-${key.replace(/\//g, "-")}`, await oss.get(key));
  }
  await save("mediainfo.json", JSON.stringify(outputs.mediaInfo ?? null, null, 2) + "\n");
  console.log(`The jobs' real results are in ${folder}:`);
  for (const name of saved) console.log(`  ${name}`);
}

async function main(): Promise<void> {
  const [command, url, target] = process.argv.slice(2);
  if (!url || !target || (command !== "upload" && command !== "collect")) {
    throw new Error("usage: node dist/demo/media.js upload|collect <emulator url> <dir>");
  }
  if (command === "upload") await upload(url, target);
  else await collect(url, target, JSON.parse(readFileSync(0, "utf8")) as StackOutputs);
  await transport.close();
}

main().catch((e: Error) => {
  console.error(`demo: ${e.message}`);
  process.exit(1);
});
