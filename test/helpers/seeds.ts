/**
 * The vendor documents (copied from ../shared/seeds into test/fixtures/seeds, verbatim but for the SecretId of two
 * sample Authorization headers, written `<SecretId>`: the vendor printed a masked key of a real key's shape, and no
 * key-shaped string is committed) and the samples they hold (copied verbatim into test/fixtures/seeds/samples). Two
 * samples are not well-formed XML as printed; each repair is named here, and the tests prove it is needed and that it
 * is the only change.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const SEEDS_DIR = join(__dirname, "..", "..", "..", "test", "fixtures", "seeds");

export const DOCUMENTS = {
  submitIProductionJob: "000_a98f1c08ab28b8c0.txt",
  queryIProductionJob: "001_0f2155097dd1401f.txt",
  smartCover: "002_87e048cb09432cac.txt",
  mediaInfo: "003_7b77ea764ba4bc68.txt",
  inventoryTriggerJob: "004_f278124f5c03c2f6.txt",
} as const;

export interface Erratum {
  /** What the document prints. */
  printed: string;
  /** What it must be for the XML to be well formed. */
  meant: string;
}

/** Sample file → its document and repairs. */
export const SAMPLES: Record<string, { document: string; errata?: Erratum[] }> = {
  "000-submit-request.txt": { document: DOCUMENTS.submitIProductionJob },
  "000-submit-response.xml": { document: DOCUMENTS.submitIProductionJob },
  "000-submit-response.json": { document: DOCUMENTS.submitIProductionJob },
  "001-query-request.txt": { document: DOCUMENTS.queryIProductionJob },
  "001-query-response.xml": { document: DOCUMENTS.queryIProductionJob },
  "001-query-response.json": { document: DOCUMENTS.queryIProductionJob },
  "002-smartcover-template-request.xml": { document: DOCUMENTS.smartCover },
  "002-smartcover-template-response.xml": { document: DOCUMENTS.smartCover },
  "002-smartcover-inline-request.xml": { document: DOCUMENTS.smartCover },
  "002-smartcover-inline-response.xml": { document: DOCUMENTS.smartCover },
  "003-mediainfo-request.xml": { document: DOCUMENTS.mediaInfo,
    errata: [{ printed: "<CallBackFormat>JSON<CallBackFormat>", meant: "<CallBackFormat>JSON</CallBackFormat>" }] },
  "003-mediainfo-response.xml": { document: DOCUMENTS.mediaInfo },
  "004-batch-request.xml": { document: DOCUMENTS.inventoryTriggerJob },
  "004-batch-response.xml": { document: DOCUMENTS.inventoryTriggerJob, errata: [{
    printed: "<RequestId>NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==<RequestId>",
    meant: "<RequestId>NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==</RequestId>" }] },
};

export function readDocument(file: string): string {
  return readFileSync(join(SEEDS_DIR, file), "utf8");
}

/** A sample as printed. */
export function printedSample(file: string): string {
  return readFileSync(join(SEEDS_DIR, "samples", file), "utf8");
}

/** A sample with its errata applied. */
export function sample(file: string): string {
  let text = printedSample(file);
  for (const { printed, meant } of SAMPLES[file]?.errata ?? []) text = text.replace(printed, meant);
  return text;
}

/**
 * The documents mask account-specific characters with `****` (pipeline ids, bucket names, account ids). A masked
 * value is not a value; the tests fill each mask with `0000`, which keeps the value's form (hex, digits, names).
 */
export function unmasked(text: string): string {
  return text.replace(/\*\*\*\*/g, "0000");
}

/** The parameters of an MPS sample request (`http(s)://host/?A=1\n&B=2\n&<Common request parameters>`). */
export function mpsSampleParams(text: string): Record<string, string> {
  const query = text.slice(text.indexOf("?") + 1).replace(/\n/g, "");
  return Object.fromEntries(query.split("&").filter((p) => !p.startsWith("<")).map((p) => {
    const eq = p.indexOf("=");
    return [p.slice(0, eq), p.slice(eq + 1)];
  }));
}

/** The JavaScript-style object literal the MPS documents print for JobParams (`{mode:"gif"}`), read as JSON. */
export function relaxedJson(text: string): unknown {
  return JSON.parse(text.replace(/([{,]\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:/g, '$1"$2":'));
}
