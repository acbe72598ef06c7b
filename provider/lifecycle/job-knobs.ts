/**
 * The knobs of our own that every job resource has: `triggers` asks for a new job; `timeoutSeconds` and `skipAwait`
 * steer waiting and `deleteOutputsOnDestroy` what destroy does, and a change of those three updates the resource in
 * place, never submitting a new job.
 */
import { opt, t, ValuesOf } from "../schema/declare";

/**
 * Inputs that only steer waiting, or what destroy does: a change updates state in place and never submits a new
 * job.
 */
export const IN_PLACE_KNOBS: ReadonlySet<string> = new Set(["timeoutSeconds", "skipAwait", "deleteOutputsOnDestroy"]);

/** Default wait limit; pulumi-kubernetes waits 10 minutes for a Job, media jobs often take longer. */
export const DEFAULT_TIMEOUT_SECONDS = 1800;

/** At most a week: the longest a deployment can reasonably hold a job open. */
const MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;

/** The knobs' declaration, for every job resource's shape. */
export const JOB_KNOB_INPUTS = {
  triggers: opt(t.array(t.any()), "Any values; a change runs a new job."),
  timeoutSeconds: opt(t.integer({ min: 1, max: MAX_TIMEOUT_SECONDS, unit: "seconds, at most 7 days" }), "How long `pulumi up` waits for a terminal state, in seconds (default " +
    `${DEFAULT_TIMEOUT_SECONDS}, at most ${MAX_TIMEOUT_SECONDS / 86_400} days). A change updates in place.`),
  skipAwait: opt(t.boolean(), "Return as soon as the job is submitted. A change updates in place."),
  deleteOutputsOnDestroy: opt(t.boolean(), "When true, `pulumi destroy` (and a replacement, which then deletes " +
    "before it creates) deletes the objects the job reported writing, through the COS or OSS object API with the " +
    "provider's credentials; objects already gone are skipped. Default false: outputs are kept. A change updates " +
    "in place."),
} as const;

/** The knobs as create and update use them: the inputs come from check(), which made them a number and a boolean. */
export function waitSettingsOf(props: Record<string, unknown>): { timeoutSeconds: number; skipAwait: boolean } {
  return {
    timeoutSeconds: typeof props.timeoutSeconds === "number" ? props.timeoutSeconds : DEFAULT_TIMEOUT_SECONDS,
    skipAwait: props.skipAwait === true,
  };
}

/** The knobs of our own on every job resource: `triggers`, `timeoutSeconds`, `skipAwait`, `deleteOutputsOnDestroy`. */
export type JobKnobs = ValuesOf<typeof JOB_KNOB_INPUTS>;
/** @deprecated The same as {@link JobKnobs}, by its 0.1 name (it holds more than waiting: `triggers`). */
export type WaitKnobs = JobKnobs;
