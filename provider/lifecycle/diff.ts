/**
 * diff (design §3). Inputs in `updatable` change in place; any other input change replaces the resource.
 * For jobs that set is only the waiting knobs: a job is immutable. `__provider` never counts.
 */
import { isDeepStrictEqual } from "node:util";
import { isUnknown } from "../check/checker";
import { IN_PLACE_KNOBS } from "./job-knobs";

export interface DiffOptions {
  /** Every input name of the resource (olds also hold outputs, which must not be compared). */
  inputNames: readonly string[];
  /** Inputs whose change is applied in place. */
  updatable: ReadonlySet<string>;
  /**
   * Inputs that the cloud fills in when omitted and that are echoed under the same output name (e.g. CI's
   * `queueId`): omitting them is not a change.
   */
  defaultedByCloud?: ReadonlySet<string>;
  /**
   * What an omitted input stands for when something else supplies it (e.g. `region`: the provider's): omitting it
   * and giving that value declare the same resource.
   */
  implied?: Readonly<Record<string, unknown>>;
}

export interface Diff {
  changes: boolean;
  /** Changed inputs that replace the resource. */
  replaces: string[];
  /** Changed inputs applied in place (the plugin's detailed diff shows them). */
  updates: string[];
  deleteBeforeReplace: boolean;
}

export function diffInputs(olds: Record<string, unknown>, news: Record<string, unknown>, opts: DiffOptions): Diff {
  const replaces: string[] = [];
  const updates: string[] = [];
  for (const name of opts.inputNames) {
    const after = news[name];
    if (normalize(after) === undefined && opts.defaultedByCloud?.has(name)) continue;
    const meant = (value: unknown) => normalize(value) ?? opts.implied?.[name];
    if (!isUnknown(after) && isDeepStrictEqual(meant(olds[name]), meant(after))) continue;
    (opts.updatable.has(name) ? updates : replaces).push(name);
  }
  return { changes: replaces.length > 0 || updates.length > 0, replaces, updates, deleteBeforeReplace: false };
}

/**
 * A job whose outputs are deleted on destroy is deleted before its replacement is created: otherwise the old job's
 * delete would remove what the new job just wrote under the same names.
 */
export function diffJob(olds: Record<string, unknown>, news: Record<string, unknown>,
  opts: Omit<DiffOptions, "updatable">): Diff {
  const diff = diffInputs(olds, news, { ...opts, updatable: IN_PLACE_KNOBS });
  return { ...diff, deleteBeforeReplace: diff.replaces.length > 0 && olds.deleteOutputsOnDestroy === true };
}

// Absent, empty string, empty list and empty object all mean "not set" to the clouds.
function normalize(value: unknown): unknown {
  if (value === null || value === "") return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) {
    return undefined;
  }
  return value;
}
