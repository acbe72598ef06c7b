/** ffprobe's report as CI's MediaInfo. */
import { XmlNode } from "../../provider/clients/xml";
import { Probe } from "./ffmpeg-jobs";

/** ffprobe's report in CI's MediaInfo shape: strings, bitrates in kbps. */
export function mediaInfoOf(p: Probe): XmlNode {
  const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  const kbps = (v: unknown) => (v === undefined ? "" : (Number(v) / 1000).toFixed(3));
  const streams = (type: string) => p.streams.filter((x) => x.codec_type === type);
  const f = p.format;
  return {
    Format: {
      Bitrate: kbps(f.bit_rate), Duration: s(f.duration), FormatLongName: s(f.format_long_name),
      FormatName: s(f.format_name), NumProgram: s(f.nb_programs), NumStream: s(f.nb_streams), Size: s(f.size),
      StartTime: s(f.start_time),
    },
    // A kind of stream the media lacks is an empty element, as CI writes it (`<Audio/>` for a silent clip).
    Stream: {
      Video: orEmpty(streams("video").map((v) => ({
        Index: s(v.index), CodecName: s(v.codec_name), CodecLongName: s(v.codec_long_name), Profile: s(v.profile),
        Height: s(v.height), Width: s(v.width), HasBFrame: s(v.has_b_frames), Level: s(v.level),
        Dar: s(v.display_aspect_ratio), PixFormat: s(v.pix_fmt), Fps: rate(v.r_frame_rate), AvgFps: rate(v.avg_frame_rate),
        Bitrate: kbps(v.bit_rate), Duration: s(v.duration), NumFrames: s(v.nb_frames),
        Rotation: s((v.tags as Record<string, unknown> | undefined)?.rotate ?? "0"), Timebase: s(v.time_base),
      }))),
      Audio: orEmpty(streams("audio").map((a) => ({
        Index: s(a.index), CodecName: s(a.codec_name), CodecLongName: s(a.codec_long_name), SampleRate: s(a.sample_rate),
        Channel: s(a.channels), ChannelLayout: s(a.channel_layout), Bitrate: kbps(a.bit_rate), Duration: s(a.duration),
        Timebase: s(a.time_base),
      }))),
      Subtitle: orEmpty(streams("subtitle").map((t) => ({ Index: s(t.index), CodecName: s(t.codec_name),
        Language: s((t.tags as Record<string, unknown> | undefined)?.language) }))),
    },
  };
}

/** The streams, or an empty element when there are none (an empty list would write no element at all). */
function orEmpty(list: XmlNode[]): XmlNode[] | "" {
  return list.length ? list : "";
}

/** `25/1` → `25.0`, `30000/1001` → `29.97`. */
function rate(v: unknown): string {
  const [n, d] = String(v ?? "0/1").split("/").map(Number);
  const r = d ? n! / d : 0;
  return Number.isInteger(r) ? r.toFixed(1) : r.toFixed(2);
}
