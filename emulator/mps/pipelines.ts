/** Emulated MPS pipelines: AddPipeline, UpdatePipeline, QueryPipelineList, SearchPipeline, DeletePipeline. */
import { randomBytes } from "node:crypto";

export interface Pipeline {
  Id: string;
  Name: string;
  State: "Active" | "Paused";
  Speed: string;
  SpeedLevel: number;
  QuotaAllocate: number;
  Role: string;
  NotifyConfig: { Topic: string; QueueName: string; MqTopic: string; MqTag: string };
  /** When the pipeline was added, `yyyy-MM-ddTHH:mm:ssZ` (UTC), as MPS reports it. */
  CreationTime: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const SPEEDS = new Set(["Standard", "Boost", "NarrowBandHDV2", "AIVideoCover", "AIVideoTag", "AIVideoCensor",
  "AIVideoFPShot", "AIAudioASR"]);

export class PipelineStore {
  private readonly pipelines = new Map<string, Pipeline>();

  constructor(private readonly now: () => number = Date.now) {}

  add(p: Record<string, string>): Pipeline {
    const name = required(p, "Name");
    checkName(name);
    const speed = p.Speed ?? "Standard";
    if (!SPEEDS.has(speed)) throw new ApiError(400, "InvalidParameter.Speed", `The Speed "${speed}" is not supported.`);
    const level = Number(p.SpeedLevel ?? "1");
    if (!Number.isInteger(level) || level < 1 || level > 3) {
      throw new ApiError(400, "InvalidParameter.SpeedLevel", "SpeedLevel must be 1, 2 or 3.");
    }
    const pipeline: Pipeline = {
      Id: randomBytes(16).toString("hex"), Name: name, State: "Active", Speed: speed, SpeedLevel: level,
      QuotaAllocate: speed === "Boost" ? 20 : 10, Role: p.Role ?? "", NotifyConfig: notify(p.NotifyConfig),
      CreationTime: new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    };
    this.pipelines.set(pipeline.Id, pipeline);
    return pipeline;
  }

  update(p: Record<string, string>): Pipeline {
    const pipeline = this.require(required(p, "PipelineId"));
    const name = required(p, "Name");
    const state = required(p, "State");
    checkName(name);
    if (state !== "Active" && state !== "Paused") {
      throw new ApiError(400, "InvalidParameter.State", `State must be Active or Paused; got "${state}".`);
    }
    pipeline.Name = name;
    pipeline.State = state;
    if (p.NotifyConfig !== undefined) pipeline.NotifyConfig = notify(p.NotifyConfig);
    if (p.Role !== undefined) pipeline.Role = p.Role;
    return pipeline;
  }

  query(ids: string[]): { found: Pipeline[]; missing: string[] } {
    if (ids.length > 10) throw new ApiError(400, "InvalidParameter.PipelineIds", "At most 10 PipelineIds.");
    const found = ids.map((id) => this.pipelines.get(id)).filter((x): x is Pipeline => x !== undefined);
    return { found, missing: ids.filter((id) => !this.pipelines.has(id)) };
  }

  search(state: string, page: number, size: number): { total: number; list: Pipeline[] } {
    const all = [...this.pipelines.values()].filter((p) => state === "All" || p.State === state);
    return { total: all.length, list: all.slice((page - 1) * size, page * size) };
  }

  delete(id: string): void {
    this.require(id);
    this.pipelines.delete(id);
  }

  get(id: string): Pipeline | undefined {
    return this.pipelines.get(id);
  }

  all(): Pipeline[] {
    return [...this.pipelines.values()];
  }

  private require(id: string): Pipeline {
    const pipeline = this.pipelines.get(id);
    if (!pipeline) throw new ApiError(404, "InvalidParameter.ResourceNotFound", `The pipeline "${id}" does not exist.`);
    return pipeline;
  }
}

function required(p: Record<string, string>, name: string): string {
  const value = p[name];
  if (!value) throw new ApiError(400, "MissingParameter", `${name} is mandatory for this action.`);
  return value;
}

function checkName(name: string): void {
  if (Buffer.byteLength(name) > 128) throw new ApiError(400, "InvalidParameter.Name", "Name is longer than 128 bytes.");
}

function notify(json: string | undefined): Pipeline["NotifyConfig"] {
  const empty = { Topic: "", QueueName: "", MqTopic: "", MqTag: "" };
  if (!json) return empty;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(json) as Record<string, unknown>;
  } catch {
    throw new ApiError(400, "InvalidParameter.NotifyConfig", "NotifyConfig is not valid JSON.");
  }
  return { ...empty, ...Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)])) };
}
