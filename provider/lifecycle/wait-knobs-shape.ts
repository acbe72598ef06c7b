/** The declared waiting knobs every job resource has (`wait-knobs.ts` checks and applies them). */
import { opt, t } from "../schema/declare";

export const WAIT_KNOB_INPUTS = {
  triggers: opt(t.array(t.any()), "Any values; a change runs a new job."),
  timeoutSeconds: opt(t.integer(), "How long `pulumi up` waits for a terminal state, in seconds (default 1800, at " +
    "most 7 days). A change updates in place."),
  skipAwait: opt(t.boolean(), "Return as soon as the job is submitted. A change updates in place."),
} as const;
