/** The documented CiMediaJob constraints (../shared/api/tencent-ci.md), each a check failure naming field and rule. */
import { Checker, checkWaitKnobs, CheckFailure, isUnknown } from "../validation";
import { TAGS_WITHOUT_OUTPUT } from "./types";

const BUCKET = /^[a-z0-9][a-z0-9-]*-\d{6,}$/;
const BUCKET_RULE = "must be <BucketName>-<APPID> (lowercase letters, digits and hyphens, then the numeric APPID), " +
  "e.g. examplebucket-1250000000";
const REGION = /^[a-z]+(-[a-z0-9]+)+$/;
const REGION_RULE = "must be a region id such as ap-guangzhou";
const TAG = /^[A-Z][A-Za-z0-9]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NUMBER_PLACEHOLDER = /\$\{[Nn]umber\}/;
const SMART_COVER_DEFAULT_COUNT = 3;

export function checkCiMediaJob(inputs: Record<string, unknown>): CheckFailure[] {
  const c = new Checker();
  if (c.required("bucket", inputs.bucket, "the bucket that holds the input, as <BucketName>-<APPID>")) {
    c.pattern("bucket", inputs.bucket, BUCKET, BUCKET_RULE);
  }
  c.pattern("region", inputs.region, REGION, REGION_RULE);
  if (c.required("tag", inputs.tag, "the kind of job, e.g. SmartCover or MediaInfo")) {
    c.pattern("tag", inputs.tag, TAG, "must be a CI job tag such as SmartCover, MediaInfo or Transcode");
  }
  if (c.required("input", inputs.input, "the object to process") && c.object("input", inputs.input)) {
    const object = (inputs.input as Record<string, unknown>).object;
    if (c.required("input.object", object, "the name of the object to process")) {
      c.pattern("input.object", object, /^[^/]/, "is an object name and must not start with /");
    }
  }
  c.pattern("queueId", inputs.queueId, /^p[0-9A-Za-z]+$/, "must be a CI queue id (it starts with p)");
  c.oneOf("callBackFormat", inputs.callBackFormat, ["JSON", "XML"]);
  c.oneOf("callBackType", inputs.callBackType, ["Url", "TDMQ"]);
  c.pattern("callBack", inputs.callBack, /^(no|https?:\/\/\S+)$/,
    "must be an http(s) URL, or \"no\" to turn off the queue's callback for this job");
  checkWaitKnobs(c, inputs);

  if (c.required("operation", inputs.operation, "what the job does") && c.object("operation", inputs.operation)) {
    checkOperation(c, inputs.tag, inputs.operation as Record<string, unknown>);
  }
  return c.failures;
}

function checkOperation(c: Checker, tag: unknown, op: Record<string, unknown>): void {
  if (c.string("operation.userData", op.userData)) {
    if (op.userData.length > 1024) {
      c.fail("operation.userData", `operation.userData must be at most 1024 characters; got ${op.userData.length}.`);
    }
    if (!PRINTABLE_ASCII.test(op.userData)) {
      c.fail("operation.userData", "operation.userData must be printable ASCII (no control or non-ASCII characters).");
    }
  }
  c.integer("operation.jobLevel", op.jobLevel, 0, 2, "0 is the default; higher runs first");

  let needsNumber = false;
  if (tag === "SmartCover" && !c.present(op.templateId)) {
    const sc = op.smartCover ?? {};
    if (c.object("operation.smartCover", sc)) {
      c.oneOf("operation.smartCover.format", sc.format, ["jpg", "png", "webp"]);
      c.integer("operation.smartCover.width", sc.width, 128, 4096, "pixels");
      c.integer("operation.smartCover.height", sc.height, 128, 4096, "pixels");
      c.integer("operation.smartCover.count", sc.count, 1, 10, "default 3");
      c.boolean("operation.smartCover.deleteDuplicates", sc.deleteDuplicates);
      const count = sc.count === undefined ? SMART_COVER_DEFAULT_COUNT : Number(sc.count);
      needsNumber = !isUnknown(sc.count) && count > 1;
    }
  }

  if (typeof tag === "string" && TAGS_WITHOUT_OUTPUT.has(tag) && !c.present(op.output)) return;
  if (isUnknown(tag)) return;
  if (!c.required("operation.output", op.output, `the ${String(tag)} job writes objects and needs an output ` +
    `(only ${[...TAGS_WITHOUT_OUTPUT].join(", ")} jobs do without)`)) return;
  if (!c.object("operation.output", op.output)) return;
  const out = op.output;
  if (c.required("operation.output.bucket", out.bucket, "the bucket to write to")) {
    c.pattern("operation.output.bucket", out.bucket, BUCKET, BUCKET_RULE);
  }
  if (c.required("operation.output.region", out.region, "the region of the output bucket")) {
    c.pattern("operation.output.region", out.region, REGION, REGION_RULE);
  }
  if (c.required("operation.output.object", out.object, "the name of the object to write")) {
    if (needsNumber && typeof out.object === "string" && !NUMBER_PLACEHOLDER.test(out.object)) {
      c.fail("operation.output.object", "operation.output.object must contain ${Number} when " +
        "operation.smartCover.count is more than 1 (it defaults to 3): each cover needs its own name; " +
        `got "${out.object}".`);
    }
  }
}
