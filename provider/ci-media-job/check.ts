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
  c.oneOf("queueType", inputs.queueType, ["Transcoding", "SpeedTranscoding"]);
  checkCallback(c, inputs);
  checkWaitKnobs(c, inputs);

  if (c.required("operation", inputs.operation, "what the job does") && c.object("operation", inputs.operation)) {
    checkOperation(c, inputs.tag, inputs.operation as Record<string, unknown>);
  }
  return c.failures;
}

/** Url callbacks need a URL (or `no`); TDMQ callbacks need the queue or topic they go to, and only they do. */
function checkCallback(c: Checker, inputs: Record<string, unknown>): void {
  c.oneOf("callBackFormat", inputs.callBackFormat, ["JSON", "XML"]);
  c.oneOf("callBackType", inputs.callBackType, ["Url", "TDMQ"]);
  if (inputs.callBackType === "TDMQ") {
    if (c.required("callBackMqConfig", inputs.callBackMqConfig, "TDMQ callbacks need mqMode, mqRegion and mqName") &&
      c.object("callBackMqConfig", inputs.callBackMqConfig)) {
      const mq = inputs.callBackMqConfig;
      c.oneOf("callBackMqConfig.mqMode", mq.mqMode, ["Queue", "Topic"]);
      c.required("callBackMqConfig.mqMode", mq.mqMode, "Queue or Topic");
      c.required("callBackMqConfig.mqRegion", mq.mqRegion, "the TDMQ region");
      c.required("callBackMqConfig.mqName", mq.mqName, "the TDMQ queue or topic");
    }
  } else {
    c.pattern("callBack", inputs.callBack, /^(no|https?:\/\/\S+)$/,
      "must be an http(s) URL, or \"no\" to turn off the queue's callback for this job");
    if (c.present(inputs.callBackMqConfig)) {
      c.fail("callBackMqConfig", "callBackMqConfig applies only when callBackType is TDMQ.");
    }
  }
}

/** The parameter container of each typed tag: a container of another tag is a mistake. */
const TAG_CONTAINERS: Record<string, string> = {
  SmartCover: "smartCover", Snapshot: "snapshot", Transcode: "transcode", Animation: "animation",
};

function checkOperation(c: Checker, tag: unknown, op: Record<string, unknown>): void {
  for (const [otherTag, container] of Object.entries(TAG_CONTAINERS)) {
    if (typeof tag === "string" && tag !== otherTag && !isUnknown(tag) && c.present(op[container])) {
      c.fail(`operation.${container}`, `operation.${container} is for ${otherTag} jobs, not ${String(tag)} jobs.`);
    }
  }
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
  let needsSprite = false;
  const template = c.present(op.templateId);
  if (tag === "Snapshot" && !template && c.object("operation.snapshot", op.snapshot ?? {})) {
    const sn = (op.snapshot ?? {}) as Record<string, unknown>;
    c.oneOf("operation.snapshot.mode", sn.mode, ["Interval", "Average", "KeyFrame"]);
    c.integer("operation.snapshot.count", sn.count, 1, 10000, "frames");
    c.integer("operation.snapshot.width", sn.width, 1, 8192, "pixels");
    c.integer("operation.snapshot.height", sn.height, 1, 8192, "pixels");
    c.oneOf("operation.snapshot.snapshotOutMode", sn.snapshotOutMode, ["OnlySnapshot", "OnlySprite", "SnapshotAndSprite"]);
    needsNumber = !isUnknown(sn.count) && Number(sn.count ?? 1) > 1 && sn.snapshotOutMode !== "OnlySprite";
    needsSprite = sn.snapshotOutMode === "OnlySprite" || sn.snapshotOutMode === "SnapshotAndSprite";
  }
  if (tag === "Transcode" && !template) {
    const format = (op.transcode as Record<string, Record<string, unknown>> | undefined)?.container?.format;
    c.required("operation.transcode.container.format", format,
      "a Transcode job needs a templateId or the target container format (e.g. mp4)");
  }
  if (tag === "Animation" && !template) {
    const format = (op.animation as Record<string, Record<string, unknown>> | undefined)?.container?.format;
    if (c.required("operation.animation.container.format", format,
      "an Animation job needs a templateId or the target format (gif or webp)")) {
      c.oneOf("operation.animation.container.format", format, ["gif", "webp"]);
    }
  }
  if (tag === "SmartCover" && !template) {
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
      const count = tag === "SmartCover" ? "operation.smartCover.count is more than 1 (it defaults to 3)"
        : "operation.snapshot.count is more than 1";
      c.fail("operation.output.object", `operation.output.object must contain \${Number} when ${count}: each ` +
        `image needs its own name; got "${out.object}".`);
    }
  }
  if (needsSprite && c.required("operation.output.spriteObject", out.spriteObject,
    "sprite sheets are written to output.spriteObject")) {
    c.pattern("operation.output.spriteObject", out.spriteObject, /\.jpg$/, "must name a .jpg object (CI writes sprites as jpg)");
  }
}
