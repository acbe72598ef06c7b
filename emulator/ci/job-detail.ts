/** Renders an emulated job as CI's JobsDetail, with the documented result shapes. */
import { createHash } from "node:crypto";
import { ciTime as formatCiTime } from "../../provider/clients/tencent/time";
import { nodes, text, XmlNode } from "../../provider/clients/xml";
import { CiJob, CiJobTimes } from "./jobs";
import { commonPrefix, expand } from "../media/ci-names";
import { entryOf } from "../table";

export function jobsDetail(times: CiJobTimes, job: CiJob): XmlNode {
  const state = times.state(job);
  const operation: XmlNode = { ...job.operation };
  const real = job.processing?.done ? job.processing : undefined;
  if (state === "Success") Object.assign(operation, real?.result ?? result(job));
  const failed = state === "Failed";
  const failure = real?.failure ?? { code: "InvalidInput", message: "The input media is damaged or is not in a supported format." };
  return {
    Code: failed ? failure.code : state === "Cancel" ? "Cancelled" : state === "Success" ? "Success" : "",
    Message: failed ? failure.message : "",
    JobId: job.jobId,
    Tag: job.tag,
    State: state,
    CreationTime: ciTime(job.createdAt),
    StartTime: ciTime(times.startedAt(job)),
    EndTime: ciTime(times.endedAt(job)),
    QueueId: job.queueId,
    Input: { BucketId: job.bucket, Region: job.region, Object: job.object },
    Operation: operation,
  };
}

/** The synthetic result: what the tag's own entry makes, or the output files the job would have written. */
function result(job: CiJob): XmlNode {
  return (entryOf(SYNTHETIC_RESULTS, job.tag) ?? outputFiles)(job);
}

/** The tags whose result is not a list of output files. */
const SYNTHETIC_RESULTS: Readonly<Record<string, (job: CiJob) => XmlNode>> = {
  MediaInfo: (job) => ({ MediaInfo: mediaInfo(job) }),
};

function outputFiles(job: CiJob): XmlNode {
  const output = nodes(job.operation.Output)[0];
  if (!output) return {};
  const bucket = text(output.Bucket) ?? job.bucket;
  const region = text(output.Region) ?? job.region;
  const params = nodes(job.operation[job.tag])[0];
  // Snapshot writes frames, a sprite sheet, or both (SnapshotOutMode); the sprite goes to SpriteObject.
  const mode = job.tag === "Snapshot" ? text(params?.SnapshotOutMode) ?? "OnlySnapshot" : "OnlySnapshot";
  const ext = text(params?.Format) ?? "jpg";
  const names = mode === "OnlySprite" ? [] : expand(text(output.Object) ?? "", job, outputCount(job), ext);
  const file = outputFile(bucket, region, names);
  if (mode !== "OnlySnapshot") {
    file.SpriteOutputFile = outputFile(bucket, region,
      expand(text(output.SpriteObject) ?? "sprite-${Number}.jpg", job, 1, "jpg"));
  }
  return { MediaResult: { OutputFile: file } };
}

function outputFile(bucket: string, region: string, names: string[]): XmlNode {
  return { Bucket: bucket, Region: region, ObjectPrefix: commonPrefix(names), ObjectName: names,
    Md5Info: names.map((n) => ({ ObjectName: n, Md5: fakeMd5(n) })) };
}

function outputCount(job: CiJob): number {
  const params = nodes(job.operation[job.tag])[0];
  const fallback = job.tag === "SmartCover" ? "3" : "1";
  const count = Number(text(params?.Count) ?? fallback);
  return Number.isInteger(count) && count > 0 ? count : 1;
}

function fakeMd5(name: string): string {
  return createHash("md5").update(name).digest("hex");
}

/** A plausible MediaInfo for a 1080p H.264/AAC clip; values are strings as CI sends them. */
function mediaInfo(job: CiJob): XmlNode {
  return {
    Format: {
      Bitrate: "2500.123", Duration: "12.345000", FormatLongName: "QuickTime / MOV", FormatName: "mov,mp4,m4a,3gp,3g2,mj2",
      NumProgram: "0", NumStream: "2", Size: String(3_858_000 + job.object.length), StartTime: "0.000000",
    },
    Stream: {
      Video: [{
        Index: "0", CodecName: "h264", CodecLongName: "H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10", Profile: "High",
        Height: "1080", Width: "1920", HasBFrame: "2", Level: "40", Dar: "16:9", PixFormat: "yuv420p", Fps: "25.0",
        AvgFps: "25.0", Bitrate: "2370.456", Duration: "12.320000", NumFrames: "308", Rotation: "0", Timebase: "1/12800",
      }],
      Audio: [{
        Index: "1", CodecName: "aac", CodecLongName: "AAC (Advanced Audio Coding)", SampleRate: "44100", Channel: "2",
        ChannelLayout: "stereo", Bitrate: "128.000", Duration: "12.345000", Timebase: "1/44100",
      }],
      Subtitle: "",
    },
  };
}

/** CI's time format, `2022-06-27T15:23:10+0800`; `-` when not reached. */
export function ciTime(ms: number | undefined): string {
  return ms === undefined ? "-" : formatCiTime(ms);
}
