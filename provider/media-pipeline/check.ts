/** The documented MediaPipeline constraints, each naming the field and the rule; fills the documented defaults. */
import { Checker, CheckFailure, isUnknown } from "../validation";

export const PIPELINE_DEFAULTS = { state: "Active", speed: "Standard" } as const;

export function checkMediaPipeline(inputs: Record<string, unknown>): CheckFailure[] {
  const c = new Checker();
  if (!c.required("cloud", inputs.cloud, "alicloud for an MPS pipeline")) return c.failures;
  if (inputs.cloud === "tencentcloud") {
    c.fail("cloud", "cloud \"tencentcloud\" (adopting a CI queue) is not available in this version of " +
      "pulumi-mediajobs; only \"alicloud\" (MPS pipelines) is.");
    return c.failures;
  }
  c.oneOf("cloud", inputs.cloud, ["alicloud"]);
  c.pattern("region", inputs.region, /^[a-z]+(-[a-z0-9]+)+$/, "must be a region id such as cn-shanghai");
  if (c.required("name", inputs.name, "the pipeline's name") && c.string("name", inputs.name)) {
    const bytes = Buffer.byteLength(inputs.name);
    if (bytes > 128) c.fail("name", `name must be at most 128 bytes (UTF-8); got ${bytes}.`);
  }
  c.oneOf("state", inputs.state, ["Active", "Paused"]);
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
  return c.failures;
}

/** The inputs with MPS's documented defaults filled in, so state and diff see what the cloud will hold. */
export function withDefaults(inputs: Record<string, unknown>): Record<string, unknown> {
  if (inputs.cloud !== "alicloud") return inputs;
  return { ...inputs, state: inputs.state ?? PIPELINE_DEFAULTS.state, speed: inputs.speed ?? PIPELINE_DEFAULTS.speed };
}
