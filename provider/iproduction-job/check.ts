/**
 * IProductionJob's check(): the rules its declaration states (provider/check/declared.ts), then those that relate
 * several fields (../shared/api/alibaba-mps.md): what the algorithm needs (input, output, `{sequenceId}`, its
 * parameters' ranges), and one region for the job, its OSS objects and its MNS queue.
 */
import { Checker, CheckResult, isUnknown, shown } from "../check/checker";
import { checkInputs } from "../check/declared";
import { parseOssUrl } from "../clients/alibaba/oss-url";
import { isKnownFunction, MULTI_RESULT_FUNCTIONS, NO_INPUT_FUNCTIONS, NO_OUTPUT_FUNCTIONS } from "./functions";
import { IPRODUCTION_JOB, MNS_URL } from "./shape";

/** Where a location field (input, output, notifyUrl) points: the region in its URL. */
interface Located {
  field: string;
  region: string;
}

export function checkIProductionJob(inputs: Record<string, unknown>): CheckResult {
  const c = new Checker();
  checkInputs(c, IPRODUCTION_JOB, inputs);
  const fn = typeof inputs.functionName === "string" ? inputs.functionName : undefined;
  const located = [
    ...checkInput(c, fn, inputs.input),
    ...checkOutput(c, fn, inputs.output),
    ...locatedIn("notifyUrl", typeof inputs.notifyUrl === "string" ? MNS_URL.exec(inputs.notifyUrl)?.[2] : undefined),
  ];
  checkSameRegion(c, inputs.region, located);
  if (fn && typeof inputs.jobParams === "object" && inputs.jobParams !== null) {
    checkJobParams(c, fn, inputs.jobParams as Record<string, unknown>);
  }
  checkScheduleParams(c, inputs.scheduleParams);
  return c.result(inputs);
}

function locatedIn(field: string, region: string | undefined): Located[] {
  return region ? [{ field, region }] : [];
}

/** Optional in the API reference; required for the documented algorithms that process a media file. */
function checkInput(c: Checker, fn: string | undefined, input: unknown): Located[] {
  const required = fn !== undefined && isKnownFunction(fn) && !NO_INPUT_FUNCTIONS.has(fn);
  if (required) c.required("input", input, `${fn} processes an OSS object and needs an input URL`);
  return locatedIn("input", typeof input === "string" ? parseOssUrl(input)?.region : undefined);
}

/** Required for file-producing algorithms; `{sequenceId}` for those that write several results. */
function checkOutput(c: Checker, fn: string | undefined, output: unknown): Located[] {
  const required = fn !== undefined && isKnownFunction(fn) && !NO_OUTPUT_FUNCTIONS.has(fn);
  if (required && !c.required("output", output, `${fn} writes objects and needs an output URL`)) return [];
  const at = typeof output === "string" ? parseOssUrl(output) : undefined;
  if (!at) return [];
  if (fn && MULTI_RESULT_FUNCTIONS.has(fn) && !at.key.includes("{sequenceId}")) {
    c.fail("output", `output must contain {sequenceId} for ${fn}, which produces several results: each result ` +
      `needs its own object; got ${shown(output)}.`);
  }
  return [{ field: "output", region: at.region }];
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
