/**
 * The one place the XML codec is configured: CI's documents, and the error documents of the COS and OSS object
 * APIs (and the emulator's answers, which use the same codec).
 *
 * fast-xml-parser's defaults corrupt CI documents: value parsing turns `<Md5>0123e4</Md5>` into a number, and a
 * repeated element that happens to occur once comes back as an object. So every value stays a string and the
 * repeated elements are always arrays.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";

/** Elements that CI may repeat wherever they appear; they always parse to arrays. */
const REPEATED = new Set([
  "JobsDetail", "NonExistJobIds", "QueueList", "NonExistPIDs", "ObjectName", "Md5Info", "SpriteOutputFile",
]);

/** Repeated only as MediaInfo streams: `Video` is single in Transcode parameters, repeated in `Stream`. */
const REPEATED_IN_STREAM = new Set(["Video", "Audio", "Subtitle"]);

/** Elements repeated wherever they appear but in one place, where they are single (`Md5Info` names one object). */
const SINGLE_IN: Record<string, string> = { ObjectName: "Md5Info" };

/**
 * Repeated elements that hold elements, never text. CI writes an empty one for "none": `<Stream><Audio/>` is media
 * without an audio track, `<Md5Info/>` a sprite sheet not written. Such an element is no item, so it is dropped
 * and the list is empty (it would otherwise read as `[""]`, which is not a list of objects).
 */
const OBJECT_LISTS = new Set(["JobsDetail", "QueueList", "Md5Info", "SpriteOutputFile", ...REPEATED_IN_STREAM]);

function repeated(name: string, jpath: string): boolean {
  if (REPEATED_IN_STREAM.has(name)) return jpath.endsWith(`Stream.${name}`);
  return REPEATED.has(name) && !jpath.endsWith(`${SINGLE_IN[name]}.${name}`);
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  processEntities: true,
  isArray: (name, jpath) => repeated(name, String(jpath)),
});

const builder = new XMLBuilder({
  ignoreAttributes: true,
  format: false,
  suppressEmptyNode: false,
  processEntities: true,
});

/** An XML element as parsed: nested objects, string values, arrays for repeated elements. */
export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

/** Parses a CI document; returns its root element's content and name. Throws on malformed XML. */
export function parseXml(text: string): { root: string; body: XmlNode } {
  const doc = parser.parse(text, true) as XmlNode;
  const roots = Object.keys(doc);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  const root = roots[0]!;
  const body = doc[root];
  if (typeof body !== "object" || Array.isArray(body)) return { root, body: {} };
  dropEmptyItems(body, root);
  return { root, body };
}

/** Removes the empty items of the lists of elements in the tree (see OBJECT_LISTS), in place. */
function dropEmptyItems(node: XmlNode, path: string): void {
  for (const [name, value] of Object.entries(node)) {
    const jpath = `${path}.${name}`;
    const items = Array.isArray(value) ? value : [value];
    if (Array.isArray(value) && OBJECT_LISTS.has(name) && repeated(name, jpath)) {
      node[name] = value.filter((item) => item !== "");
    }
    for (const item of items) if (typeof item === "object" && !Array.isArray(item)) dropEmptyItems(item, jpath);
  }
}

/** Serializes `{ Tag: …, Input: {…} }` under a root element (no XML declaration, as CI accepts). */
export function buildXml(root: string, body: XmlNode): string {
  return builder.build({ [root]: body }) as string;
}

/** Reads an element that may be absent, empty or repeated as an array of nodes. */
export function nodes(value: XmlValue | undefined): XmlNode[] {
  if (value === undefined || value === "") return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is XmlNode => typeof v === "object" && !Array.isArray(v));
}

/** Reads a text element (absent → undefined). */
export function text(value: XmlValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Reads a repeated text element (`<ObjectName>a</ObjectName><ObjectName>b</ObjectName>`). */
export function texts(value: XmlValue | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v !== "");
}

/**
 * Reads a list of ids that CI's answers give in either of two forms, so both are read: flat, the element repeated
 * (`<NonExistPIDs>a</NonExistPIDs><NonExistPIDs>b</NonExistPIDs>`, what cos-go-sdk-v5 reads), or nested, one
 * element holding an element per id (`<NonExistPIDs><QueueId>a</QueueId><QueueId>b</QueueId></NonExistPIDs>`, what
 * cos-cpp-sdk-v5's DescribeQueuesResp reads).
 */
export function idList(value: XmlValue | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) =>
    typeof v === "object" && !Array.isArray(v) ? Object.values(v).flatMap(texts) : texts(v));
}
