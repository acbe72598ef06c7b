/**
 * diff for job resources (design §3): a job is immutable, so any change of a job input or of `triggers` replaces
 * it; the knobs that only steer waiting update in place; `__provider` never counts.
 */
import { isDeepStrictEqual } from "node:util";
import { isUnknown } from "./validation";

/** Inputs that only steer waiting: a change updates state in place and never submits a new job. */
export const WAIT_KNOBS: ReadonlySet<string> = new Set(["timeoutSeconds", "skipAwait"]);

export interface JobDiffOptions {
  /** Every input name of the resource (olds also hold outputs, which must not be compared). */
  inputNames: readonly string[];
  /**
   * Inputs that the cloud fills in when omitted and that are echoed under the same output name (e.g. CI's
   * `queueId`): omitting them is not a change.
   */
  defaultedByCloud?: ReadonlySet<string>;
}

export interface JobDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

export function diffJob(olds: Record<string, unknown>, news: Record<string, unknown>, opts: JobDiffOptions): JobDiff {
  const replaces: string[] = [];
  let knobChanged = false;
  for (const name of opts.inputNames) {
    if (name === "__provider") continue;
    const before = olds[name];
    const after = news[name];
    if (after === undefined && opts.defaultedByCloud?.has(name)) continue;
    if (!isUnknown(after) && isDeepStrictEqual(normalize(before), normalize(after))) continue;
    if (WAIT_KNOBS.has(name)) knobChanged = true;
    else replaces.push(name);
  }
  return { changes: replaces.length > 0 || knobChanged, replaces, deleteBeforeReplace: false };
}

// The engine round-trips numbers and strings faithfully, but an absent list and an empty one mean the same.
function normalize(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 0) return undefined;
  return value;
}
