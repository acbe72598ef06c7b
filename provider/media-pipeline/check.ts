/**
 * MediaPipeline's check(): the rules its declaration states (provider/check/declared.ts: `cloud` picks the case, and
 * the case's inputs), then those that relate several fields: one notification target for MPS, and what CI's
 * notification settings need for their type.
 */
import { Checker, CheckResult, isRecord, isUnknown } from "../check/checker";
import { checkInputs } from "../check/declared";
import { checkXmlValue } from "../ci-operation/rules";
import { MEDIA_PIPELINE } from "./shape";

export const PIPELINE_DEFAULTS = { state: "Active", speed: "Standard" } as const;

export function checkMediaPipeline(inputs: Record<string, unknown>): CheckResult {
  const c = new Checker();
  checkInputs(c, MEDIA_PIPELINE, inputs);
  const notify = inputs.notifyConfig;
  if (isRecord(notify) && inputs.cloud === "alicloud") checkMnsTarget(c, notify);
  if (isRecord(notify) && inputs.cloud === "tencentcloud") {
    checkQueueNotify(c, notify);
  }
  // What the queue update carries as XML (the notify fields over the queue's own).
  if (inputs.cloud === "tencentcloud") for (const sent of ["name", "notifyConfig"]) checkXmlValue(c, inputs[sent], sent);
  return c.result(inputs);
}

/** MPS notifies one MNS topic or one MNS queue. */
function checkMnsTarget(c: Checker, n: Record<string, unknown>): void {
  const given = ["topic", "queueName"].filter((k) => c.present(n[k]) || isUnknown(n[k]));
  if (given.length !== 1) {
    c.fail("notifyConfig", `notifyConfig takes exactly one of topic (an MNS topic) or queueName (an MNS queue); ` +
      `got ${given.length === 0 ? "neither" : "both"}.`);
  }
}

/** CI notifications that are on need where they go: a URL (Url), or the mode, region and name (TDMQ). */
function checkQueueNotify(c: Checker, n: Record<string, unknown>): void {
  if (n.state === "On" && n.type === "Url") c.required("notifyConfig.url", n.url, "where CI sends Url notifications");
  if (n.state === "On" && n.type === "TDMQ") {
    for (const k of ["mqMode", "mqRegion", "mqName"]) {
      c.required(`notifyConfig.${k}`, n[k], "TDMQ notifications need the mode, region and name of the queue or topic");
    }
  }
}

/** The inputs with MPS's documented defaults filled in, so state and diff see what the cloud will hold. */
export function withDefaults(inputs: Record<string, unknown>): Record<string, unknown> {
  if (inputs.cloud !== "alicloud") return inputs;
  return { ...inputs, state: inputs.state ?? PIPELINE_DEFAULTS.state, speed: inputs.speed ?? PIPELINE_DEFAULTS.speed };
}
