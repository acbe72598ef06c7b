/**
 * MPS smart production on real media: when the job's `oss://` input bucket is in the object store, ImageCartoonize
 * writes the cartoon (`{resultType}` = result) and the original (origin) as JPEGs, and Cover writes scored frames,
 * at the Output URL's names with `{source}`, `{timestamp}`, `{sequenceId}`, `{resultType}` expanded. An input
 * object that does not exist fails the job. Other algorithms keep the synthetic result.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseOssUrl } from "../../provider/clients/alibaba/oss-url";
import { expand, IProductionJob } from "../mps/iproduction";
import { ObjectStore } from "../storage/object-store";
import { FailureCodes, failureOf } from "./ci-media";
import { asJpeg, cartoonize, contentTypeOf, durationOf, frameAt, hasVideo, probe } from "./ffmpeg-jobs";

const MPS_FAILURE_CODES: FailureCodes = { unsupported: "InvalidParameter", unreadable: "InvalidParameter.ResourceContentBad" };

export interface MpsOutcome {
  failure?: { code: string; message: string };
  /** The Result's Data on success; undefined keeps the synthetic one. */
  data?: unknown;
}

export function mpsMediaProcessor(store: ObjectStore): (job: IProductionJob) => Promise<MpsOutcome> | undefined {
  return (job) => {
    const input = parseOssUrl(job.params.Input ?? "");
    if (!input || !store.bucketExists("oss", input.bucket)) return undefined;
    return processJob(store, job, input).catch((e: Error) => ({ failure: failureOf(e, MPS_FAILURE_CODES) }));
  };
}

async function processJob(store: ObjectStore, job: IProductionJob, input: { bucket: string; key: string }):
  Promise<MpsOutcome> {
  if (!store.head("oss", input.bucket, input.key)) {
    return { failure: { code: "InvalidParameter.ResourceNotFound", message: `The input file ${job.params.Input} does ` +
      "not exist." } };
  }
  const fn = job.params.FunctionName ?? "";
  if (fn !== "ImageCartoonize" && fn !== "Cover") return {};
  const output = parseOssUrl(job.params.Output ?? "");
  if (!output) {
    return { failure: { code: "InvalidParameter.Output", message: `${fn} needs an Output oss:// URL to write to.` } };
  }
  const source = store.path("oss", input.bucket, input.key);
  const work = mkdtempSync(join(tmpdir(), "mediajobs-mps-"));
  const put = (key: string, file: string) => store.putFile("oss", output.bucket, key, file, contentTypeOf(key));
  try {
    if (fn === "ImageCartoonize") {
      const result = expand(job, 0, "result");
      const origin = expand(job, 1, "origin");
      await cartoonize(source, join(work, "result.jpg"));
      put(result.key, join(work, "result.jpg"));
      const files = [{ file: result.key, type: "result" }];
      // An Output without {resultType} or {sequenceId} names one file: the cartoon.
      if (origin.key !== result.key) {
        await asJpeg(source, join(work, "origin.jpg"));
        put(origin.key, join(work, "origin.jpg"));
        files.push({ file: origin.key, type: "origin" });
      }
      return { data: { result: files } };
    }
    const info = await probe(source);
    if (!hasVideo(info)) return { failure: { code: "InvalidParameter.ResourceContentBad", message: "Cover needs a video." } };
    const duration = durationOf(info);
    const frames = [];
    for (let i = 0; i < 3; i++) {
      const at = (duration * (i + 1)) / 4;
      const name = expand(job, i, "cover");
      const file = join(work, `cover-${i}.jpg`);
      await frameAt(source, at, file, { format: "jpg" });
      put(name.key, file);
      // Scores fall with the order, as MPS lists its best frame first.
      frames.push({ Score: (0.98 - i * 0.07).toFixed(2), Time: at.toFixed(2), Url: name.url });
    }
    return { data: frames };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
