/** The documented IProductionJob constraints (../shared/api/alibaba-mps.md), each naming the field and the rule. */
import { Checker, CheckResult, describe, isUnknown } from "../check/checker";
import { checkWaitKnobs } from "../lifecycle/wait-knobs";
import { isKnownFunction, MULTI_RESULT_FUNCTIONS, NO_OUTPUT_FUNCTIONS } from "./functions";

const OSS_URL = /^oss:\/\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.oss-([a-z0-9-]+)\.aliyuncs\.com\/(.+)$/;
const OSS_RULE = "must be an OSS URL oss://<bucket>.oss-<region>.aliyuncs.com/<object>";
const MNS_URL = /^mns:\/\/(\d+)\.mns\.([a-z0-9-]+)\.aliyuncs\.com\/queues\/[A-Za-z0-9][A-Za-z0-9-]{0,255}$/;
const REGION = /^[a-z]+(-[a-z0-9]+)+$/;

export function checkIProductionJob(inputs: Record<string, unknown>): CheckResult {
  const c = new Checker();
  c.pattern("region", inputs.region, REGION, "must be a region id such as cn-shanghai");
  if (c.required("functionName", inputs.functionName, "the algorithm to run, e.g. Cover or ImageCartoonize")) {
    c.pattern("functionName", inputs.functionName, /^[A-Za-z][A-Za-z0-9]*$/, "must be an algorithm name");
  }
  const fn = typeof inputs.functionName === "string" ? inputs.functionName : undefined;

  const regions: { field: string; region: string }[] = [];
  if (c.required("input", inputs.input, "the OSS object to process")) {
    const m = ossMatch(c, "input", inputs.input);
    if (m) regions.push({ field: "input", region: m[2]! });
  }
  const outputRequired = fn !== undefined && isKnownFunction(fn) && !NO_OUTPUT_FUNCTIONS.has(fn);
  if (!outputRequired || c.required("output", inputs.output, `${fn} writes objects and needs an output URL`)) {
    const m = ossMatch(c, "output", inputs.output);
    if (m) {
      regions.push({ field: "output", region: m[2]! });
      if (fn && MULTI_RESULT_FUNCTIONS.has(fn) && !m[3]!.includes("{sequenceId}")) {
        c.fail("output", `output must contain {sequenceId} for ${fn}, which produces several results: each result ` +
          `needs its own object; got ${describe(inputs.output)}.`);
      }
    }
  }
  if (c.string("notifyUrl", inputs.notifyUrl)) {
    const m = MNS_URL.exec(inputs.notifyUrl);
    if (!m) {
      c.fail("notifyUrl", `notifyUrl must be an MNS queue URL mns://<accountId>.mns.<region>.aliyuncs.com/queues/` +
        `<queue>; got ${describe(inputs.notifyUrl)}.`);
    } else {
      regions.push({ field: "notifyUrl", region: m[2]! });
    }
  }
  // MPS reads and writes OSS (and notifies MNS) only within its own region.
  const jobRegion = typeof inputs.region === "string" && !isUnknown(inputs.region) ? inputs.region : regions[0]?.region;
  for (const { field, region } of regions) {
    if (jobRegion && region !== jobRegion) {
      c.fail(field, `${field} is in region ${region} but the job runs in ${jobRegion}: MPS needs its OSS buckets ` +
        `and MNS queue in the job's own region.`);
    }
  }

  c.pattern("pipelineId", inputs.pipelineId, /^[0-9a-f]{32}$/, "must be an MPS pipeline id (32 hex characters)");
  if (c.object("jobParams", inputs.jobParams) && fn) checkJobParams(c, fn, inputs.jobParams);
  if (c.present(inputs.scheduleParams) && typeof inputs.scheduleParams === "string") {
    try {
      JSON.parse(inputs.scheduleParams);
    } catch {
      c.fail("scheduleParams", "scheduleParams must be an object, or a string holding a JSON object.");
    }
  }
  c.string("userData", inputs.userData);
  c.string("modelId", inputs.modelId);
  checkWaitKnobs(c, inputs);
  return c.result(inputs);
}

function ossMatch(c: Checker, field: string, value: unknown): RegExpExecArray | undefined {
  if (!c.string(field, value)) return undefined;
  const m = OSS_URL.exec(value);
  if (!m) c.fail(field, `${field} ${OSS_RULE}; got ${describe(value)}.`);
  return m ?? undefined;
}

/** The ranges the API reference gives for known algorithms; other parameters are passed through. */
function checkJobParams(c: Checker, fn: string, params: Record<string, unknown>): void {
  switch (fn) {
    case "Cover":
      if (params.Model !== undefined && params.Model !== "" && params.Model !== "gif" && !isUnknown(params.Model)) {
        c.fail("jobParams.Model", `jobParams.Model must be "" (still covers) or "gif"; got ${describe(params.Model)}.`);
      }
      break;
    case "CaptionExtraction":
      c.integer("jobParams.fps", params.fps, 2, 10, "frames sampled per second");
      break;
    case "VideoDelogo":
      checkBoxes(c, "jobParams.Logo", params.Logo);
      break;
    case "VideoDetext":
      checkBoxes(c, "jobParams.Text", params.Text);
      break;
    case "TextToSpeech":
    case "AsyncTextToSpeech":
      c.integer("jobParams.volume", params.volume, 0, 100);
      c.integer("jobParams.speech_rate", params.speech_rate, -500, 500);
      c.integer("jobParams.pitch_rate", params.pitch_rate, -500, 500);
      break;
  }
}

/** At most two boxes `[x, y, w, h]`, each value a fraction of the frame (0–1). */
function checkBoxes(c: Checker, field: string, boxes: unknown): void {
  if (!c.present(boxes)) return;
  if (!Array.isArray(boxes)) {
    c.fail(field, `${field} must be a list of boxes [x, y, w, h]; got ${describe(boxes)}.`);
    return;
  }
  if (boxes.length > 2) c.fail(field, `${field} takes at most two boxes; got ${boxes.length}.`);
  boxes.forEach((box, i) => {
    const ok = Array.isArray(box) && box.length === 4 &&
      box.every((v) => typeof v === "number" && v >= 0 && v <= 1);
    if (!ok) c.fail(`${field}[${i}]`, `${field}[${i}] must be [x, y, w, h] with each value a fraction from 0 to 1.`);
  });
}
