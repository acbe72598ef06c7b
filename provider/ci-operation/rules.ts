/**
 * CI rules shared by CiMediaJob and InventoryTriggerJob (../shared/api/tencent-ci.md) that relate several fields:
 * what a tag needs and takes, output names, callbacks. The rules of each field alone are declared with it
 * (provider/ci-operation/shape.ts) and checked by provider/check/declared.ts first. The two resources hold the same
 * things at different paths (a job's `operation.smartCover` is a batch's `operation.jobParam.smartCover`), so every
 * rule takes the path it reports.
 */
import { Checker, isRecord, isUnknown, shown } from "../check/checker";
import {
  DOCUMENTED_TAGS, MQ_REGIONS, OUTPUT_NODE_TAGS, PARAMETER_NODE_TAGS, TAGS_WITHOUT_OUTPUT, TAGS_WITHOUT_OUTPUT_OBJECT,
} from "./tags";

const NUMBER_PLACEHOLDER = /\$\{[Nn]umber\}/;
const SMART_COVER_DEFAULT_COUNT = 3;
/**
 * How to write `${Number}` in Pulumi YAML, which reads `${…}` in any string as its own interpolation (a resource or
 * variable named Number) and takes `$$` for a literal `$`; every other language passes `${Number}` through as is.
 */
const NUMBER_IN_YAML = "(in a Pulumi YAML program write $${Number}: YAML reads ${…} as its own interpolation)";

/** Url callbacks need a URL (or `no`); TDMQ callbacks need the queue or topic they go to, and only they do. */
export function checkCallback(c: Checker, owner: Record<string, unknown>, prefix: string): void {
  const mqPath = `${prefix}callBackMqConfig`;
  if (owner.callBackType === "TDMQ") {
    if (c.required(mqPath, owner.callBackMqConfig, "TDMQ callbacks need mqMode, mqRegion and mqName") &&
      c.object(mqPath, owner.callBackMqConfig)) {
      const mq = owner.callBackMqConfig;
      c.required(`${mqPath}.mqMode`, mq.mqMode, "Queue or Topic");
      c.required(`${mqPath}.mqRegion`, mq.mqRegion, `the TDMQ region: ${MQ_REGIONS.join(", ")}`);
      c.required(`${mqPath}.mqName`, mq.mqName, "the TDMQ queue or topic");
    }
  } else {
    c.pattern(`${prefix}callBack`, owner.callBack, /^(no|https?:\/\/\S+)$/,
      "must be an http(s) URL, or \"no\" to turn off the queue's callback for this job");
    if (c.present(owner.callBackMqConfig)) c.fail(mqPath, `${mqPath} applies only when callBackType is TDMQ.`);
  }
}

/**
 * A template replaces the inline parameters of the typed tags (SmartCover, Snapshot): CI ignores them, so their
 * declared rules do not apply either. Said before the declared rules run.
 */
export function exemptTemplated(c: Checker, params: unknown, path: string): void {
  if (!isRecord(params) || !c.present(params.templateId)) return;
  for (const node of ["smartCover", "snapshot"]) c.exempt(`${path}.${node}`);
}

/**
 * The tag's parameters, found in `params` (a job's operation, or a batch's jobParam, reported under `paramsPath`),
 * and the output they need (`outputPath`). Output is required unless the tag writes nothing.
 */
export function checkTagAndOutput(c: Checker, tag: unknown, params: Record<string, unknown>, paramsPath: string,
  output: unknown, outputPath: string): void {
  const documented = typeof tag === "string" && DOCUMENTED_TAGS.includes(tag) ? tag : undefined;
  if (documented) checkNodesApply(c, documented, params, paramsPath, PARAMETER_NODE_TAGS);
  const needs = checkTagParams(c, tag, params, paramsPath);
  if (typeof tag !== "string" || isUnknown(tag)) return;
  if (TAGS_WITHOUT_OUTPUT.has(tag) && !c.present(output)) return;
  if (!c.required(outputPath, output, `the ${tag} job writes objects and needs an output ` +
    `(only ${[...TAGS_WITHOUT_OUTPUT].join(", ")} jobs do without)`)) return;
  if (!isRecord(output)) return;
  const out = output;
  if (documented) checkNodesApply(c, documented, out, outputPath, OUTPUT_NODE_TAGS);
  checkOutputObject(c, tag, needs, out, outputPath);
  checkSpriteObject(c, needs, out.spriteObject, `${outputPath}.spriteObject`);
  if (tag === "StreamExtract") checkStreamExtract(c, out.streamExtract, `${outputPath}.streamExtract`);
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
      `own name ${NUMBER_IN_YAML}; got ${shown(output.object)}.`);
  }
}

/** Sprite sheets: required when sprites are made, with `${Number}` when the Snapshot count is more than 1. */
function checkSpriteObject(c: Checker, needs: TagParamsNeeds, sprite: unknown, path: string): void {
  if (needs.needsSprite) c.required(path, sprite, "sprite sheets are written to output.spriteObject");
  if (typeof sprite !== "string" || !c.present(sprite)) return;
  if (needs.countAboveOne && !NUMBER_PLACEHOLDER.test(sprite)) {
    c.fail(path, `${path} must contain \${Number} when ${needs.countAboveOne} ${NUMBER_IN_YAML}; got ` +
      `${shown(sprite)}.`);
  }
}

/**
 * StreamExtract: a non-empty list of `{index, object}`, one per stream to extract. The index is declared an integer
 * or a string (CI's XML carries a string); the document says it is a stream number, so it must read as one.
 */
function checkStreamExtract(c: Checker, list: unknown, path: string): void {
  if (!c.required(path, list, "a StreamExtract job needs one {index, object} per stream to extract")) return;
  if (isUnknown(list)) return;
  if (!Array.isArray(list) || list.length === 0) {
    if (Array.isArray(list)) c.fail(path, `${path} must be a non-empty list of {index, object}; got ${shown(list)}.`);
    return;
  }
  list.forEach((entry, i) => {
    const index = (entry as Record<string, unknown> | undefined)?.index;
    c.integer(`${path}[${i}].index`, index, 0, Number.MAX_SAFE_INTEGER, "a stream number from MediaInfo");
  });
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

/**
 * What the typed tags' inline parameters require of the rest: a template replaces them (their own rules are
 * declared, and checked whether or not a template is given).
 */
function checkTagParams(c: Checker, tag: unknown, params: Record<string, unknown>, path: string): TagParamsNeeds {
  const templated = c.present(params.templateId);
  switch (tag) {
    case "SmartCover":
      return templated ? NEEDS_NOTHING : smartCoverNeeds(params.smartCover ?? {}, `${path}.smartCover`);
    case "Snapshot":
      return templated ? NEEDS_NOTHING : snapshotNeeds(params.snapshot ?? {}, `${path}.snapshot`);
    case "Transcode":
      if (!templated) {
        c.required(`${path}.transcode.container.format`, containerFormat(params.transcode),
          "a Transcode job needs a templateId or the target container format (e.g. mp4)");
      }
      return NEEDS_NOTHING;
    case "Animation": {
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

/** SmartCover writes `count` covers (3 by default): several need `${Number}` in the output name. */
function smartCoverNeeds(sc: unknown, path: string): TagParamsNeeds {
  if (!isRecord(sc)) return NEEDS_NOTHING;
  const count = sc.count === undefined ? SMART_COVER_DEFAULT_COUNT : Number(sc.count);
  return { numberBecause: !isUnknown(sc.count) && count > 1 ? `${path}.count is more than 1 (it defaults to 3)`
    : undefined, needsSprite: false };
}

/** Snapshot writes frames (output.object) unless only sprites, and sprite sheets (output.spriteObject) when asked. */
function snapshotNeeds(sn: unknown, path: string): TagParamsNeeds {
  if (!isRecord(sn)) return NEEDS_NOTHING;
  const framesWritten = !isUnknown(sn.snapshotOutMode) && sn.snapshotOutMode !== "OnlySprite";
  const countAboveOne = !isUnknown(sn.count) && Number(sn.count ?? 1) > 1 ? `${path}.count is more than 1`
    : undefined;
  return { numberBecause: framesWritten ? countAboveOne : undefined, countAboveOne, framesWritten,
    needsSprite: sn.snapshotOutMode === "OnlySprite" || sn.snapshotOutMode === "SnapshotAndSprite" };
}

function containerFormat(params: unknown): unknown {
  return (params as Record<string, Record<string, unknown>> | undefined)?.container?.format;
}

/** An element name CI's XML can carry: the camelCase names users write become PascalCase elements. */
const ELEMENT_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/**
 * Characters XML 1.0 cannot carry (most C0 controls, U+FFFE/U+FFFF, lone surrogates), and the carriage return,
 * which every XML reader turns into a line feed: a value holding one would not reach CI as written.
 */
const NOT_XML_TEXT = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A value that goes to CI as XML reaches it as written: every name in it is an element name (an open node takes
 * fields the declaration does not list, sent as written, and a name such as `a b`, `a<b` or `""` would break the
 * request), and every string holds only characters XML carries unchanged.
 */
export function checkXmlValue(c: Checker, value: unknown, path: string): void {
  if (typeof value === "string") {
    const bad = NOT_XML_TEXT.exec(value)?.[0];
    if (bad !== undefined) {
      const code = `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
      c.fail(path, `${path} holds the character ${code}, which CI's XML cannot carry as written (a control ` +
        `character, a carriage return or half a surrogate pair).`);
    }
  }
  if (Array.isArray(value)) return value.forEach((item, i) => checkXmlValue(c, item, `${path}[${i}]`));
  if (!isRecord(value)) return;
  for (const [name, child] of Object.entries(value)) {
    if (!ELEMENT_NAME.test(name)) {
      c.fail(`${path}.${name}`, `${path} holds the field ${shown(name)}, which is no name CI's XML can carry: a ` +
        `name starts with a letter and holds letters, digits, _, - and . only.`);
    } else checkXmlValue(c, child, `${path}.${name}`);
  }
}
