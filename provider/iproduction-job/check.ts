/** The documented IProductionJob constraints (../shared/api/alibaba-mps.md), each naming the field and the rule. */
import { Checker, CheckResult, shown, isUnknown } from "../check/checker";
import { checkJobKnobs } from "../lifecycle/job-knobs";
import { checkRegion } from "../check/ids";
import { OssLocation, parseOssUrl } from "../clients/alibaba/oss-url";
import { isKnownFunction, MULTI_RESULT_FUNCTIONS, NO_INPUT_FUNCTIONS, NO_OUTPUT_FUNCTIONS } from "./functions";

const OSS_RULE = "must be an OSS URL oss://<bucket>.oss-<region>.aliyuncs.com/<object>";
/** `<accountId>.mns.<region>`, or `<accountId>.oss-<region>` as the API reference's own example writes it. */
const MNS_URL = /^mns:\/\/(\d+)\.(?:mns\.|oss-)([a-z0-9-]+)\.aliyuncs\.com\/queues\/[A-Za-z0-9][A-Za-z0-9-]{0,255}$/;

/** Where a location field (input, output, notifyUrl) points: the region in its URL. */
interface Located {
  field: string;
  region: string;
}

export function checkIProductionJob(inputs: Record<string, unknown>): CheckResult {
  const c = new Checker();
  checkRegion(c, "region", inputs.region, "cn-shanghai");
  const fn = checkFunctionName(c, inputs.functionName);
  const located = [
    ...checkInput(c, fn, inputs.input),
    ...checkOutput(c, fn, inputs.output),
    ...checkNotifyUrl(c, inputs.notifyUrl),
  ];
  checkSameRegion(c, inputs.region, located);
  c.pattern("pipelineId", inputs.pipelineId, /^[0-9a-f]{32}$/, "must be an MPS pipeline id (32 hex characters)");
  if (c.object("jobParams", inputs.jobParams) && fn) checkJobParams(c, fn, inputs.jobParams);
  checkScheduleParams(c, inputs.scheduleParams);
  c.string("userData", inputs.userData);
  c.string("modelId", inputs.modelId);
  checkJobKnobs(c, inputs);
  return c.result(inputs);
}

/** The algorithm's name, when it is one (an undocumented name is the SDK's warning, not a failure). */
function checkFunctionName(c: Checker, value: unknown): string | undefined {
  if (c.required("functionName", value, "the algorithm to run, e.g. Cover or ImageCartoonize")) {
    c.pattern("functionName", value, /^[A-Za-z][A-Za-z0-9]*$/, "must be an algorithm name");
  }
  return typeof value === "string" ? value : undefined;
}

/** Optional in the API reference; required for the documented algorithms that process a media file. */
function checkInput(c: Checker, fn: string | undefined, input: unknown): Located[] {
  const required = fn !== undefined && isKnownFunction(fn) && !NO_INPUT_FUNCTIONS.has(fn);
  if (required && !c.required("input", input, `${fn} processes an OSS object and needs an input URL`)) return [];
  if (!c.present(input)) return [];
  const m = ossMatch(c, "input", input);
  return m ? [{ field: "input", region: m.region }] : [];
}

/** Required for file-producing algorithms; `{sequenceId}` for those that write several results. */
function checkOutput(c: Checker, fn: string | undefined, output: unknown): Located[] {
  const required = fn !== undefined && isKnownFunction(fn) && !NO_OUTPUT_FUNCTIONS.has(fn);
  if (required && !c.required("output", output, `${fn} writes objects and needs an output URL`)) return [];
  const m = ossMatch(c, "output", output);
  if (!m) return [];
  if (fn && MULTI_RESULT_FUNCTIONS.has(fn) && !m.key.includes("{sequenceId}")) {
    c.fail("output", `output must contain {sequenceId} for ${fn}, which produces several results: each result ` +
      `needs its own object; got ${shown(output)}.`);
  }
  return [{ field: "output", region: m.region }];
}

function checkNotifyUrl(c: Checker, notifyUrl: unknown): Located[] {
  if (!c.string("notifyUrl", notifyUrl)) return [];
  const m = MNS_URL.exec(notifyUrl);
  if (m) return [{ field: "notifyUrl", region: m[2]! }];
  c.fail("notifyUrl", `notifyUrl must be an MNS queue URL mns://<accountId>.mns.<region>.aliyuncs.com/queues/` +
    `<queue>; got ${shown(notifyUrl)}.`);
  return [];
}

/** MPS reads and writes OSS (and notifies MNS) only within its own region. */
function checkSameRegion(c: Checker, region: unknown, located: Located[]): void {
  const jobRegion = typeof region === "string" && !isUnknown(region) ? region : located[0]?.region;
  for (const { field, region: where } of located) {
    if (jobRegion && where !== jobRegion) {
      c.fail(field, `${field} is in region ${where} but the job runs in ${jobRegion}: MPS needs its OSS buckets ` +
        `and MNS queue in the job's own region.`);
    }
  }
}

function checkScheduleParams(c: Checker, value: unknown): void {
  if (!c.present(value) || typeof value !== "string") return;
  try {
    JSON.parse(value);
  } catch {
    c.fail("scheduleParams", "scheduleParams must be an object, or a string holding a JSON object.");
  }
}

function ossMatch(c: Checker, field: string, value: unknown): OssLocation | undefined {
  if (!c.string(field, value)) return undefined;
  const m = parseOssUrl(value);
  if (!m) c.fail(field, `${field} ${OSS_RULE}; got ${shown(value)}.`);
  return m;
}

/** The ranges the API reference gives for known algorithms; other parameters are passed through. */
function checkJobParams(c: Checker, fn: string, params: Record<string, unknown>): void {
  switch (fn) {
    case "Cover":
      if (params.Model !== undefined && params.Model !== "" && params.Model !== "gif" && !isUnknown(params.Model)) {
        c.fail("jobParams.Model", `jobParams.Model must be "" (still covers) or "gif"; got ${shown(params.Model)}.`);
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
    c.fail(field, `${field} must be a list of boxes [x, y, w, h]; got ${shown(boxes)}.`);
    return;
  }
  if (boxes.length > 2) c.fail(field, `${field} takes at most two boxes; got ${boxes.length}.`);
  boxes.forEach((box, i) => {
    const ok = Array.isArray(box) && box.length === 4 &&
      box.every((v) => typeof v === "number" && v >= 0 && v <= 1);
    if (!ok) c.fail(`${field}[${i}]`, `${field}[${i}] must be [x, y, w, h] with each value a fraction from 0 to 1.`);
  });
}
