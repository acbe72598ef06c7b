/**
 * CI rules shared by CiMediaJob and InventoryTriggerJob (../shared/api/tencent-ci.md). The two resources hold the
 * same things at different paths (a job's `operation.smartCover` is a batch's `operation.jobParam.smartCover`), so
 * every rule takes the path it reports.
 */
import { Checker, shown, isUnknown } from "../check/checker";
import { checkRegion } from "../check/ids";
import {
  DOCUMENTED_TAGS, MQ_REGIONS, OUTPUT_NODE_TAGS, PARAMETER_NODE_TAGS, TAGS_WITHOUT_OUTPUT, TAGS_WITHOUT_OUTPUT_OBJECT,
} from "./tags";
import { valuesOf } from "../schema/declare";
import { CI_CALLBACK, CI_DIGITAL_WATERMARK, CI_MQ_CONFIG, CI_SMART_COVER, CI_SNAPSHOT } from "./shape";

export const BUCKET = /^[a-z0-9][a-z0-9-]*-\d{6,}$/;
export const BUCKET_RULE = "must be <BucketName>-<APPID> (lowercase letters, digits and hyphens, then the numeric " +
  "APPID), e.g. examplebucket-1250000000";
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NUMBER_PLACEHOLDER = /\$\{[Nn]umber\}/;
const SMART_COVER_DEFAULT_COUNT = 3;

export function checkBucket(c: Checker, path: string, value: unknown, what: string): void {
  if (c.required(path, value, what)) c.pattern(path, value, BUCKET, BUCKET_RULE);
}

/** `UserData` printable ASCII ≤ 1024; `JobLevel` 0–2. */
export function checkUserDataAndLevel(c: Checker, owner: Record<string, unknown>, prefix: string): void {
  const userData = owner.userData;
  if (c.string(`${prefix}userData`, userData)) {
    if (userData.length > 1024) {
      c.fail(`${prefix}userData`, `${prefix}userData must be at most 1024 characters; got ${userData.length}.`);
    }
    if (!PRINTABLE_ASCII.test(userData)) {
      c.fail(`${prefix}userData`, `${prefix}userData must be printable ASCII (no control or non-ASCII characters).`);
    }
  }
  c.integer(`${prefix}jobLevel`, owner.jobLevel, 0, 2, "0 is the default; higher runs first");
}

/** Url callbacks need a URL (or `no`); TDMQ callbacks need the queue or topic they go to, and only they do. */
export function checkCallback(c: Checker, owner: Record<string, unknown>, prefix: string): void {
  c.oneOf(`${prefix}callBackFormat`, owner.callBackFormat, valuesOf(CI_CALLBACK.callBackFormat));
  c.oneOf(`${prefix}callBackType`, owner.callBackType, valuesOf(CI_CALLBACK.callBackType));
  const mqPath = `${prefix}callBackMqConfig`;
  if (owner.callBackType === "TDMQ") {
    if (c.required(mqPath, owner.callBackMqConfig, "TDMQ callbacks need mqMode, mqRegion and mqName") &&
      c.object(mqPath, owner.callBackMqConfig)) {
      const mq = owner.callBackMqConfig;
      c.oneOf(`${mqPath}.mqMode`, mq.mqMode, valuesOf(CI_MQ_CONFIG.properties.mqMode));
      c.required(`${mqPath}.mqMode`, mq.mqMode, "Queue or Topic");
      if (c.required(`${mqPath}.mqRegion`, mq.mqRegion, `the TDMQ region: ${MQ_REGIONS.join(", ")}`)) {
        c.oneOf(`${mqPath}.mqRegion`, mq.mqRegion, MQ_REGIONS);
      }
      c.required(`${mqPath}.mqName`, mq.mqName, "the TDMQ queue or topic");
    }
  } else {
    c.pattern(`${prefix}callBack`, owner.callBack, /^(no|https?:\/\/\S+)$/,
      "must be an http(s) URL, or \"no\" to turn off the queue's callback for this job");
    if (c.present(owner.callBackMqConfig)) c.fail(mqPath, `${mqPath} applies only when callBackType is TDMQ.`);
  }
}

/**
 * The tag's parameters, found in `params` (a job's operation, or a batch's jobParam, reported under `paramsPath`),
 * and the output they need (`outputPath`). Output is required unless the tag writes nothing.
 */
export function checkTagAndOutput(c: Checker, tag: unknown, params: Record<string, unknown>, paramsPath: string,
  output: unknown, outputPath: string): void {
  const documented = typeof tag === "string" && DOCUMENTED_TAGS.includes(tag) ? tag : undefined;
  if (documented) checkNodesApply(c, documented, params, paramsPath, PARAMETER_NODE_TAGS);
  checkDigitalWatermark(c, params.digitalWatermark, `${paramsPath}.digitalWatermark`);
  const needs = checkTagParams(c, tag, params, paramsPath);
  if (typeof tag !== "string" || isUnknown(tag)) return;
  if (TAGS_WITHOUT_OUTPUT.has(tag) && !c.present(output)) return;
  if (!c.required(outputPath, output, `the ${tag} job writes objects and needs an output ` +
    `(only ${[...TAGS_WITHOUT_OUTPUT].join(", ")} jobs do without)`)) return;
  if (!c.object(outputPath, output)) return;
  checkBucket(c, `${outputPath}.bucket`, output.bucket, "the bucket to write to");
  if (c.required(`${outputPath}.region`, output.region, "the region of the output bucket")) {
    checkRegion(c, `${outputPath}.region`, output.region);
  }
  if (documented) checkNodesApply(c, documented, output, outputPath, OUTPUT_NODE_TAGS);
  checkOutputObject(c, tag, needs, output, outputPath);
  checkSpriteObject(c, needs, output.spriteObject, `${outputPath}.spriteObject`);
  if (tag === "StreamExtract") checkStreamExtract(c, output.streamExtract, `${outputPath}.streamExtract`);
}

/** A node the document says takes effect for other tags only is a mistake: the cloud would ignore it. */
function checkNodesApply(c: Checker, tag: string, owner: Record<string, unknown>, path: string,
  nodeTags: Readonly<Record<string, readonly string[]>>): void {
  for (const [node, tags] of Object.entries(nodeTags)) {
    if (c.present(owner[node]) && !tags.includes(tag)) {
      c.fail(`${path}.${node}`, `${path}.${node} takes effect only for ${tags.join(", ")} jobs, not ${tag} jobs.`);
    }
  }
}

/**
 * Output.Object, required unless the tag is Snapshot, VoiceSeparate or StreamExtract; the first two need it or their
 * own result name ("cannot be empty at the same time"), and inline Snapshot frames need it.
 */
function checkOutputObject(c: Checker, tag: string, needs: TagParamsNeeds, output: Record<string, unknown>,
  path: string): void {
  const objectPath = `${path}.object`;
  const alternative = tag === "Snapshot" ? "spriteObject" : tag === "VoiceSeparate" ? "auObject" : undefined;
  if (!TAGS_WITHOUT_OUTPUT_OBJECT.has(tag) || needs.framesWritten) {
    c.required(objectPath, output.object, "the name of the object to write");
  } else if (alternative && !c.present(output.object) && !c.present(output[alternative])) {
    c.fail(objectPath, `${objectPath} or ${path}.${alternative} is required: the ${tag} job needs a name for ` +
      `its result.`);
  }
  if (c.string(objectPath, output.object) && needs.numberBecause && !NUMBER_PLACEHOLDER.test(output.object)) {
    c.fail(objectPath, `${objectPath} must contain \${Number} when ${needs.numberBecause}: each image needs its ` +
      `own name; got ${shown(output.object)}.`);
  }
}

/** Sprite sheets: jpg only, `${Number}` when the Snapshot count is more than 1, required when sprites are made. */
function checkSpriteObject(c: Checker, needs: TagParamsNeeds, sprite: unknown, path: string): void {
  if (needs.needsSprite) c.required(path, sprite, "sprite sheets are written to output.spriteObject");
  if (!c.string(path, sprite)) return;
  c.pattern(path, sprite, /\.jpg$/, "must name a .jpg object (CI writes sprites as jpg only)");
  if (needs.countAboveOne && !NUMBER_PLACEHOLDER.test(sprite)) {
    c.fail(path, `${path} must contain \${Number} when ${needs.countAboveOne}; got ${shown(sprite)}.`);
  }
}

/** StreamExtract: a list of `{index, object}`, one per stream to extract. */
function checkStreamExtract(c: Checker, list: unknown, path: string): void {
  if (!c.required(path, list, "a StreamExtract job needs one {index, object} per stream to extract")) return;
  if (isUnknown(list)) return;
  if (!Array.isArray(list) || list.length === 0) {
    c.fail(path, `${path} must be a non-empty list of {index, object}; got ${shown(list)}.`);
    return;
  }
  list.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    if (!c.object(at, entry)) return;
    if (c.required(`${at}.index`, entry.index, "the stream's number (Stream.Video/Audio.Index in MediaInfo)")) {
      c.integer(`${at}.index`, entry.index, 0, Number.MAX_SAFE_INTEGER, "a stream number from MediaInfo");
    }
    c.required(`${at}.object`, entry.object, "the object the stream is written to");
  });
}

/** DigitalWatermark: Message ≤ 64 of letters, digits, `_`, `-`, `*`; Type Text; Version V1; IgnoreError boolean. */
function checkDigitalWatermark(c: Checker, wm: unknown, path: string): void {
  if (!c.object(path, wm)) return;
  if (c.required(`${path}.message`, wm.message, "the text to embed")) {
    c.pattern(`${path}.message`, wm.message, /^[A-Za-z0-9_*-]{1,64}$/,
      "must be at most 64 letters, digits, _, - and *");
  }
  const declared = CI_DIGITAL_WATERMARK.properties;
  if (c.required(`${path}.type`, wm.type, "Text")) c.oneOf(`${path}.type`, wm.type, valuesOf(declared.type));
  if (c.required(`${path}.version`, wm.version, "V1")) c.oneOf(`${path}.version`, wm.version, valuesOf(declared.version));
  c.boolean(`${path}.ignoreError`, wm.ignoreError);
}

interface TagParamsNeeds {
  /** Why the output object needs `${Number}` (several images), if it does. */
  numberBecause?: string;
  /** Snapshot: why a sprite name needs `${Number}` (count more than 1), if it does. */
  countAboveOne?: string;
  /** Whether sprite sheets are written (output.spriteObject). */
  needsSprite: boolean;
  /** Snapshot: whether frames are written (output.object), known from inline parameters. */
  framesWritten?: boolean;
}

const NEEDS_NOTHING: TagParamsNeeds = { needsSprite: false };

/** Inline parameters of the typed tags. A template replaces them, but their numbers are still read as numbers. */
function checkTagParams(c: Checker, tag: unknown, params: Record<string, unknown>, path: string): TagParamsNeeds {
  const templated = c.present(params.templateId);
  switch (tag) {
    case "SmartCover":
      return templated ? NEEDS_NOTHING : checkSmartCover(c, params.smartCover ?? {}, `${path}.smartCover`);
    case "Snapshot":
      return checkSnapshot(c, params.snapshot ?? {}, `${path}.snapshot`, templated);
    case "Transcode":
      checkMediaParams(c, params.transcode, `${path}.transcode`, TRANSCODE_NUMBERS);
      if (!templated) {
        c.required(`${path}.transcode.container.format`, containerFormat(params.transcode),
          "a Transcode job needs a templateId or the target container format (e.g. mp4)");
      }
      return NEEDS_NOTHING;
    case "Animation": {
      checkMediaParams(c, params.animation, `${path}.animation`, ANIMATION_NUMBERS);
      const format = containerFormat(params.animation);
      if (!templated && c.required(`${path}.animation.container.format`, format,
        "an Animation job needs a templateId or the target format (gif or webp)")) {
        c.oneOf(`${path}.animation.container.format`, format, ["gif", "webp"]);
      }
      return NEEDS_NOTHING;
    }
    default:
      return NEEDS_NOTHING;
  }
}

function checkSmartCover(c: Checker, sc: unknown, path: string): TagParamsNeeds {
  if (!c.object(path, sc)) return NEEDS_NOTHING;
  c.oneOf(`${path}.format`, sc.format, valuesOf(CI_SMART_COVER.properties.format));
  c.integer(`${path}.width`, sc.width, 128, 4096, "pixels");
  c.integer(`${path}.height`, sc.height, 128, 4096, "pixels");
  c.integer(`${path}.count`, sc.count, 1, 10, "default 3");
  c.boolean(`${path}.deleteDuplicates`, sc.deleteDuplicates);
  const count = sc.count === undefined ? SMART_COVER_DEFAULT_COUNT : Number(sc.count);
  return { numberBecause: !isUnknown(sc.count) && count > 1 ? `${path}.count is more than 1 (it defaults to 3)`
    : undefined, needsSprite: false };
}

function checkSnapshot(c: Checker, sn: unknown, path: string, templated: boolean): TagParamsNeeds {
  if (!c.object(path, sn)) return NEEDS_NOTHING;
  c.number(`${path}.start`, sn.start, 0, "seconds from the start");
  c.number(`${path}.timeInterval`, sn.timeInterval, 0, "seconds between frames");
  if (templated) return NEEDS_NOTHING;
  c.oneOf(`${path}.mode`, sn.mode, valuesOf(CI_SNAPSHOT.properties.mode));
  c.integer(`${path}.count`, sn.count, 1, 10000, "frames");
  c.integer(`${path}.width`, sn.width, 1, 8192, "pixels");
  c.integer(`${path}.height`, sn.height, 1, 8192, "pixels");
  c.oneOf(`${path}.snapshotOutMode`, sn.snapshotOutMode, valuesOf(CI_SNAPSHOT.properties.snapshotOutMode));
  const framesWritten = !isUnknown(sn.snapshotOutMode) && sn.snapshotOutMode !== "OnlySprite";
  const countAboveOne = !isUnknown(sn.count) && Number(sn.count ?? 1) > 1 ? `${path}.count is more than 1`
    : undefined;
  return { numberBecause: framesWritten ? countAboveOne : undefined, countAboveOne, framesWritten,
    needsSprite: sn.snapshotOutMode === "OnlySprite" || sn.snapshotOutMode === "SnapshotAndSprite" };
}

/** The typed numbers of a Transcode or Animation container, by sub-element. */
type NumberFields = Record<string, Record<string, string>>;

const TIME_INTERVAL_NUMBERS = { start: "seconds from the start", duration: "seconds" };
const TRANSCODE_NUMBERS: NumberFields = {
  video: { width: "pixels", height: "pixels", fps: "frames per second", bitrate: "kbit/s", crf: "quality factor" },
  audio: { samplerate: "Hz", bitrate: "kbit/s", channels: "channels" },
  timeInterval: TIME_INTERVAL_NUMBERS,
};
const ANIMATION_NUMBERS: NumberFields = {
  video: { width: "pixels", height: "pixels", fps: "frames per second" },
  timeInterval: TIME_INTERVAL_NUMBERS,
};

/** Each typed number of the container is a number (given as one, or as a decimal string). */
function checkMediaParams(c: Checker, params: unknown, path: string, fields: NumberFields): void {
  if (!c.object(path, params)) return;
  for (const [element, numbers] of Object.entries(fields)) {
    const node = params[element];
    if (!c.object(`${path}.${element}`, node)) continue;
    for (const [key, unit] of Object.entries(numbers)) c.number(`${path}.${element}.${key}`, node[key], 0, unit);
  }
}

function containerFormat(params: unknown): unknown {
  return (params as Record<string, Record<string, unknown>> | undefined)?.container?.format;
}
