/**
 * CI media jobs on real media: when the job's input bucket is in the object store, the tags of `CI_TAG_HANDLERS`
 * (MediaInfo, Snapshot, SmartCover, Animation, Transcode) run ffmpeg/ffprobe on the input object and write their
 * outputs to the store at the names CI would use (`${Number}`, `${jobid}`, `${ext}` expanded); the job reports those
 * names with their real MD5s. An input object that does not exist fails the job. Other tags keep the synthetic result
 * (the input must still exist).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodes, XmlNode } from "../../provider/clients/xml";
import type { CiJob } from "../ci/jobs";
import { ObjectStore } from "../storage/object-store";
import { entryOf } from "../table";
import { CI_TAG_HANDLERS } from "./ci-tags";
import { probe } from "./ffmpeg-jobs";
import { FailureCodes, failureOf } from "./failures";

/** How a job processed for real ended: the result nodes to show on success, or the failure. */
export interface MediaOutcome {
  failure?: { code: string; message: string };
  /** Merged into the job's Operation on success; undefined keeps the synthetic result. */
  result?: XmlNode;
}

const CI_FAILURE_CODES: FailureCodes = { unsupported: "InvalidParameter", unreadable: "InvalidInput" };

/** The processor of the CI job store: real work for jobs whose input bucket is in the store, else undefined. */
export function ciMediaProcessor(store: ObjectStore): (job: CiJob) => Promise<MediaOutcome> | undefined {
  return (job) => {
    if (!store.bucketExists("cos", job.bucket)) return undefined;
    return processCiJob(store, job).catch((e: Error) => ({ failure: failureOf(e, CI_FAILURE_CODES) }));
  };
}

async function processCiJob(store: ObjectStore, job: CiJob): Promise<MediaOutcome> {
  if (!store.head("cos", job.bucket, job.object)) {
    return { failure: { code: "InvalidInput", message: `The input object ${job.object} does not exist in bucket ` +
      `${job.bucket}.` } };
  }
  const handler = entryOf(CI_TAG_HANDLERS, job.tag);
  if (!handler) return {};
  const input = store.path("cos", job.bucket, job.object);
  const info = await probe(input);
  const dir = mkdtempSync(join(tmpdir(), "mediajobs-ci-"));
  try {
    return { result: await handler({ store, job, input, info, dir, params: nodes(job.operation[job.tag])[0] ?? {},
      output: nodes(job.operation.Output)[0] ?? {} }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
