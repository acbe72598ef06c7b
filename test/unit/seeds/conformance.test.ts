/**
 * docs/conformance.md lists every request node and response field of the five vendor documents. The nodes are
 * extracted here from the documents themselves (three table layouts), so the table cannot silently fall behind.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DOCUMENTED_TAGS } from "../../../provider/ci-operation/tags";
import { DOCUMENTS, readDocument } from "../../helpers/seeds";

const ROOT = join(__dirname, "..", "..", "..", "..");
const STATUSES = new Set(["input", "output", "echo", "wire", "unused"]);

/** MPS pages: `Name | Type | …` rows under "Request parameters" and "Response parameters". */
function mpsNodes(text: string): string[] {
  const request = text.indexOf("Request parameters");
  const response = text.indexOf("Response parameters");
  const end = text.indexOf("Examples", response);
  const rows = (part: string, prefix: string) =>
    [...part.matchAll(/^(\w+) \| (?:String|Integer|Long|Boolean) \|/gm)].map((m) => `${prefix}.${m[1]}`);
  return [...rows(text.slice(request, response), "Request"), ...rows(text.slice(response, end), "Response")];
}

/** CI page in one-line tables: `Name | Parent | …`. */
function pipeNodes(text: string): string[] {
  return [...text.matchAll(/^(\w+) \| ((?:Request|Response)[\w.]*) \|/gm)].map((m) => `${m[2]}.${m[1]}`);
}

/** CI pages with one cell per line: a name, then its parent, then a description (a header row is followed by None). */
function lineNodes(text: string): string[] {
  const lines = text.split("\n").map((l) => l.trim());
  const found: string[] = [];
  for (let i = 0; i + 2 < lines.length; i++) {
    if (/^[A-Z]\w*$/.test(lines[i]!) && /^(Request|Response)(\.\w+)*$/.test(lines[i + 1]!) && lines[i + 2] !== "None") {
      found.push(`${lines[i + 1]}.${lines[i]}`);
    }
  }
  return found;
}

const EXTRACT: Record<string, (text: string) => string[]> = {
  [DOCUMENTS.submitIProductionJob]: mpsNodes,
  [DOCUMENTS.queryIProductionJob]: mpsNodes,
  [DOCUMENTS.smartCover]: pipeNodes,
  [DOCUMENTS.mediaInfo]: lineNodes,
  [DOCUMENTS.inventoryTriggerJob]: lineNodes,
};

interface Row { node: string; status: string; test: string }

/** The table's rows by document (its sections are headed by the document's number). */
function table(): Map<string, Row[]> {
  const byDoc = new Map<string, Row[]>();
  let doc = "";
  for (const line of readFileSync(join(ROOT, "docs", "conformance.md"), "utf8").split("\n")) {
    const heading = /^## (\d{3}) /.exec(line);
    if (heading) doc = Object.values(DOCUMENTS).find((f) => f.startsWith(heading[1]!)) ?? "";
    const row = /^\| `([\w.]+)` \| (\w+) \|.*\| (`[^`]+` › .+) \|$/.exec(line);
    if (row && doc) byDoc.set(doc, [...(byDoc.get(doc) ?? []), { node: row[1]!, status: row[2]!, test: row[3]! }]);
  }
  return byDoc;
}

describe("docs/conformance.md", () => {
  const rows = table();

  for (const [name, file] of Object.entries(DOCUMENTS)) {
    it(`has one row for each node of document ${file.slice(0, 3)} (${name}), and no other`, () => {
      const documented = [...new Set(EXTRACT[file]!(readDocument(file)))].sort();
      assert.ok(documented.length > 10, `${documented.length} nodes found in ${file}`);
      const listed = (rows.get(file) ?? []).map((r) => r.node);
      assert.deepEqual([...new Set(listed)].sort(), documented);
      assert.equal(listed.length, new Set(listed).size, "each node once");
    });
  }

  it("gives each row a status and a test that exists", () => {
    for (const row of [...rows.values()].flat()) {
      assert.ok(STATUSES.has(row.status), `${row.node}: status ${row.status}`);
      const [, file, title] = /^`([^`]+)` › (.+)$/.exec(row.test)!;
      assert.ok(existsSync(join(ROOT, file!)), `${row.node}: ${file} exists`);
      assert.ok(readFileSync(join(ROOT, file!), "utf8").includes(title!), `${row.node}: "${title}" in ${file}`);
    }
  });

  it("knows every tag of document 004's list (its two misspellings corrected)", () => {
    const text = readDocument(DOCUMENTS.inventoryTriggerJob);
    const list = text.slice(text.indexOf("Operation.Tag supports the following types:"),
      text.indexOf("TimeInterval has the following sub-nodes:")).split("\n").map((l) => l.trim());
    const tags = list.filter((_, i) => i >= 4 && i % 2 === 0); // after the heading and "Job Type", "Tag": description, tag, …
    const corrected = tags.map((t) => ({ Animatin: "Animation", VoiceSpearte: "VoiceSeparate" })[t] ?? t);
    assert.deepEqual([...new Set(corrected)].sort(), [...DOCUMENTED_TAGS].sort());
  });
});
