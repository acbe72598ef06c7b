/** The documented MediaPipeline constraints, each naming the field and the rule; fills the documented defaults. */
import { Checker, CheckResult, isUnknown } from "../check/checker";
import { checkCiQueueId, checkRegion } from "../check/ids";
import { valuesOf } from "../schema/declare";
import { MEDIA_PIPELINE, NOTIFY_CONFIG } from "./shape";

const INPUTS = MEDIA_PIPELINE.inputs;
const NOTIFY = NOTIFY_CONFIG.properties;

export const PIPELINE_DEFAULTS = { state: "Active", speed: "Standard" } as const;


export function checkMediaPipeline(inputs: Record<string, unknown>): CheckResult {
  const c = new Checker();
  if (!c.required("cloud", inputs.cloud, "alicloud for an MPS pipeline, tencentcloud for a CI queue")) {
    return c.result(inputs);
  }
  c.oneOf("cloud", inputs.cloud, valuesOf(INPUTS.cloud));
  checkRegion(c, "region", inputs.region, "cn-shanghai or ap-guangzhou");
  c.oneOf("state", inputs.state, valuesOf(INPUTS.state));
  if (inputs.cloud === "alicloud") checkAlicloud(c, inputs);
  if (inputs.cloud === "tencentcloud") checkTencentcloud(c, inputs);
  return c.result(inputs);
}

function checkName(c: Checker, name: unknown): void {
  if (c.string("name", name)) {
    const bytes = Buffer.byteLength(name);
    if (bytes > 128) c.fail("name", `name must be at most 128 bytes (UTF-8); got ${bytes}.`);
  }
}

function checkAlicloud(c: Checker, inputs: Record<string, unknown>): void {
  c.required("name", inputs.name, "the pipeline's name");
  checkName(c, inputs.name);
  c.pattern("speed", inputs.speed, /^[A-Za-z][A-Za-z0-9]*$/, "must be a pipeline type such as Standard or Boost");
  c.integer("speedLevel", inputs.speedLevel, 1, 3);
  if (c.object("notifyConfig", inputs.notifyConfig)) {
    const n = inputs.notifyConfig;
    const given = ["topic", "queueName"].filter((k) => c.present(n[k]) || isUnknown(n[k]));
    if (given.length !== 1) {
      c.fail("notifyConfig", `notifyConfig takes exactly one of topic (an MNS topic) or queueName (an MNS queue); ` +
        `got ${given.length === 0 ? "neither" : "both"}.`);
    }
    c.string("notifyConfig.topic", n.topic);
    c.string("notifyConfig.queueName", n.queueName);
  }
  c.string("role", inputs.role);
  for (const field of ["bucket", "queueId", "category"]) {
    if (c.present(inputs[field])) c.fail(field, `${field} is for cloud "tencentcloud" (CI queues), not MPS pipelines.`);
  }
}

function checkTencentcloud(c: Checker, inputs: Record<string, unknown>): void {
  if (c.required("bucket", inputs.bucket, "the bucket whose queue is adopted, as <BucketName>-<APPID>")) {
    c.pattern("bucket", inputs.bucket, /^[a-z0-9][a-z0-9-]*-\d{6,}$/, "must be <BucketName>-<APPID>, e.g. " +
      "examplebucket-1250000000");
  }
  checkCiQueueId(c, "queueId", inputs.queueId);
  c.oneOf("category", inputs.category, valuesOf(INPUTS.category));
  checkName(c, inputs.name);
  if (c.object("notifyConfig", inputs.notifyConfig)) {
    const n = inputs.notifyConfig;
    c.oneOf("notifyConfig.state", n.state, valuesOf(NOTIFY.state));
    c.oneOf("notifyConfig.type", n.type, valuesOf(NOTIFY.type));
    c.oneOf("notifyConfig.resultFormat", n.resultFormat, valuesOf(NOTIFY.resultFormat));
    c.oneOf("notifyConfig.mqMode", n.mqMode, valuesOf(NOTIFY.mqMode));
    c.pattern("notifyConfig.url", n.url, /^https?:\/\/\S+$/, "must be an http(s) URL");
    c.pattern("notifyConfig.event", n.event, /^[A-Za-z]+(,[A-Za-z]+)*$/,
      "must be a comma-separated list of events such as TaskFinish,WorkflowFinish");
    if (n.state === "On" && n.type === "Url") c.required("notifyConfig.url", n.url, "where CI sends Url notifications");
    if (n.state === "On" && n.type === "TDMQ") {
      for (const k of ["mqMode", "mqRegion", "mqName"]) {
        c.required(`notifyConfig.${k}`, n[k], "TDMQ notifications need the mode, region and name of the queue or topic");
      }
    }
  }
  for (const field of ["speed", "speedLevel", "role"]) {
    if (c.present(inputs[field])) c.fail(field, `${field} is for cloud "alicloud" (MPS pipelines), not CI queues.`);
  }
}

/** The inputs with MPS's documented defaults filled in, so state and diff see what the cloud will hold. */
export function withDefaults(inputs: Record<string, unknown>): Record<string, unknown> {
  if (inputs.cloud !== "alicloud") return inputs;
  return { ...inputs, state: inputs.state ?? PIPELINE_DEFAULTS.state, speed: inputs.speed ?? PIPELINE_DEFAULTS.speed };
}
