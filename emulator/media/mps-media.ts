/**
 * MPS smart production on real media: when the job's `oss://` input bucket is in the object store, the functions of
 * `MPS_FUNCTION_HANDLERS` run: ImageCartoonize writes the cartoon (`{resultType}` = result) and the original
 * (origin) as JPEGs, and Cover writes scored frames, at the Output URL's names with `{source}`, `{timestamp}`,
 * `{sequenceId}`, `{resultType}` expanded. An input object that does not exist fails the job. Other algorithms
 * keep the synthetic result.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OssLocation, parseOssUrl } from "../../provider/clients/alibaba/oss-url";
import { expand, IProductionJob } from "../mps/iproduction";
import { ObjectStore } from "../storage/object-store";
import { entryOf } from "../table";
import { FailureCodes, failureOf } from "./failures";
import { asJpeg, cartoonize, contentTypeOf, durationOf, frameAt, hasVideo, probe } from "./ffmpeg-jobs";

const MPS_FAILURE_CODES: FailureCodes = { unsupported: "InvalidParameter", unreadable: "InvalidParameter.ResourceContentBad" };

export interface MpsOutcome {
  failure?: { code: string; message: string };
  /** The Result's Data on success; undefined keeps the synthetic one. */
  data?: unknown;
}

/** What a function's handler works with. */
interface MpsMediaWork {
  job: IProductionJob;
  /** The input object's file. */
  source: string;
  /** A scratch directory, removed after the job. */
  dir: string;
  /** Stores a file written in `dir` as an object of the Output bucket. */
  put(key: string, file: string): void;
}

type MpsFunctionHandler = (work: MpsMediaWork) => Promise<MpsOutcome>;

/** The algorithms processed for real, by FunctionName. */
const MPS_FUNCTION_HANDLERS: Readonly<Record<string, MpsFunctionHandler>> = {
  ImageCartoonize: cartoonized,
  Cover: cover,
};

/** The processor of the MPS job store: real work for jobs whose input bucket is in the store, else undefined. */
export function mpsMediaProcessor(store: ObjectStore): (job: IProductionJob) => Promise<MpsOutcome> | undefined {
  return (job) => {
    const input = parseOssUrl(job.params.Input ?? "");
    if (!input || !store.bucketExists("oss", input.bucket)) return undefined;
    return processJob(store, job, input).catch((e: Error) => ({ failure: failureOf(e, MPS_FAILURE_CODES) }));
  };
}

async function processJob(store: ObjectStore, job: IProductionJob, input: OssLocation): Promise<MpsOutcome> {
  if (!store.head("oss", input.bucket, input.key)) {
    return { failure: { code: "InvalidParameter.ResourceNotFound", message: `The input file ${job.params.Input} does ` +
      "not exist." } };
  }
  const fn = job.params.FunctionName ?? "";
  const handler = entryOf(MPS_FUNCTION_HANDLERS, fn);
  if (!handler) return {};
  const output = parseOssUrl(job.params.Output ?? "");
  if (!output) {
    return { failure: { code: "InvalidParameter.Output", message: `${fn} needs an Output oss:// URL to write to.` } };
  }
  const dir = mkdtempSync(join(tmpdir(), "mediajobs-mps-"));
  try {
    return await handler({ job, source: store.path("oss", input.bucket, input.key), dir,
      put: (key, file) => store.putFile("oss", output.bucket, key, file, contentTypeOf(key)) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cartoon, and the original beside it. */
async function cartoonized({ job, source, dir, put }: MpsMediaWork): Promise<MpsOutcome> {
  const result = expand(job, 0, "result");
  const origin = expand(job, 1, "origin");
  await cartoonize(source, join(dir, "result.jpg"));
  put(result.key, join(dir, "result.jpg"));
  const files = [{ file: result.key, type: "result" }];
  // An Output without {resultType} or {sequenceId} names one file: the cartoon.
  if (origin.key !== result.key) {
    await asJpeg(source, join(dir, "origin.jpg"));
    put(origin.key, join(dir, "origin.jpg"));
    files.push({ file: origin.key, type: "origin" });
  }
  return { data: { result: files } };
}

/** Three frames spread over the video, best first. */
async function cover({ job, source, dir, put }: MpsMediaWork): Promise<MpsOutcome> {
  const info = await probe(source);
  if (!hasVideo(info)) return { failure: { code: "InvalidParameter.ResourceContentBad", message: "Cover needs a video." } };
  const duration = durationOf(info);
  const frames = [];
  for (let i = 0; i < 3; i++) {
    const at = (duration * (i + 1)) / 4;
    const name = expand(job, i, "cover");
    const file = join(dir, `cover-${i}.jpg`);
    await frameAt(source, at, file, { format: "jpg" });
    put(name.key, file);
    // Scores fall with the order, as MPS lists its best frame first.
    frames.push({ Score: (0.98 - i * 0.07).toFixed(2), Time: at.toFixed(2), Url: name.url });
  }
  return { data: frames };
}
