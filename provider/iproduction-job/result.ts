/**
 * MPS `Result` is a JSON string whose `Data` is another JSON string. Both levels are parsed defensively (a field
 * that is not JSON stays a string), then typed per algorithm where its shape is documented.
 */
import { CoverFrame, IProductionResult, MusicSegment } from "./shape";

export function parseResult(functionName: string, raw: string, output: string | undefined):
  { result?: IProductionResult; outputFiles: string[] } {
  if (!raw) return { outputFiles: [] };
  const outer = parseJson(raw);
  if (!isRecord(outer)) return { result: { code: "", message: "", data: outer }, outputFiles: [] };
  const data = typeof outer.Data === "string" ? parseJson(outer.Data) : outer.Data;
  const result: IProductionResult = {
    code: stringOf(outer.Code), message: stringOf(outer.Message), data: typed(functionName, data),
  };
  return { result, outputFiles: files(data).map((f) => ossUrl(f, output)) };
}

function typed(functionName: string, data: unknown): unknown {
  switch (functionName) {
    case "Cover":
      return Array.isArray(data) ? data.filter(isRecord).map((f): CoverFrame => ({
        score: Number(f.Score), time: Number(f.Time), url: stringOf(f.Url),
      })) : data;
    case "MusicSegmentDetect":
      return isRecord(data) && Array.isArray(data.result) ? data.result.filter(isRecord).map((s): MusicSegment => ({
        start: Number(s.start), end: Number(s.end), title: stringOf(s.title),
      })) : data;
    case "CaptionExtraction":
    case "ImageCartoonize":
      return isRecord(data) && Array.isArray(data.result)
        ? { files: data.result.filter(isRecord).map((r) => ({ ...r, file: stringOf(r.file) })) } : data;
    default:
      return data;
  }
}

/** Files the result names: `Url` of each Cover frame, or `result[].file`. */
function files(data: unknown): string[] {
  if (Array.isArray(data)) return data.filter(isRecord).map((f) => stringOf(f.Url)).filter(Boolean);
  if (isRecord(data) && Array.isArray(data.result)) {
    return data.result.filter(isRecord).map((r) => stringOf(r.file)).filter(Boolean);
  }
  return [];
}

/** A full `oss://bucket.oss-region.aliyuncs.com/key` URL for a file given as URL or as an object key. */
export function ossUrl(file: string, output: string | undefined): string {
  if (file.startsWith("oss://")) return file;
  const http = /^https?:\/\/([^/]+\.aliyuncs\.com)\/(.+)$/.exec(file);
  if (http) return `oss://${http[1]}/${http[2]}`;
  const host = output ? /^oss:\/\/([^/]+)\//.exec(output)?.[1] : undefined;
  return host ? `oss://${host}/${file.replace(/^\//, "")}` : file;
}

/**
 * JSON.parse, or the text itself when it is not JSON. MPS's own Result example for CaptionExtraction writes a
 * full-width colon after a key (`{"result"：[…]}`), so a text that fails is tried once more with the full-width
 * colons that follow a quoted key made ASCII.
 */
function parseJson(text: string): unknown {
  for (const candidate of [text, text.replace(/(?<!\\)"\s*：/g, '":')]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // Not JSON as written: the next candidate, or the text itself.
    }
  }
  return text;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function stringOf(v: unknown): string {
  return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
}
