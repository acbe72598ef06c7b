/**
 * The README's benchmark tables, rendered from one invocation's results, and the README block they replace: the
 * figures a reader sees are always those of one run of `npm run bench`, with the command that made them.
 */
import { FormFigures, SizeResult, Target } from "./results";
import { Summary } from "./stats";

export const README_BEGIN = "<!-- bench:begin -->";
export const README_END = "<!-- bench:end -->";

/** "median (min–max)", or the median alone when every run agrees. */
export function cell(s: Summary | undefined): string {
  if (!s || Number.isNaN(s.median)) return "–";
  return s.min === s.max ? String(s.median) : `${s.median} (${s.min}–${s.max})`;
}

/** The rows of a size's table: label, figure. */
const ROWS: [string, keyof FormFigures][] = [
  ["wall of `up --parallel N` (s)", "wallSeconds"],
  ["overhead ratio (wall / (D + trivial up))", "overheadRatio"],
  ["preview (s)", "previewSeconds"],
  ["preview ratio (vs N trivial resources)", "previewRatio"],
  ["trivial baseline up (s)", "baselineUpSeconds"],
  ["trivial baseline preview (s)", "baselinePreviewSeconds"],
  ["state bytes per job resource", "stateBytesPerResource"],
  ["state bytes per trivial resource", "trivialStateBytesPerResource"],
  ["provider peak RSS (MB)", "providerPeakRssMb"],
  ["API calls per job", "apiCallsPerJob"],
  ["peak requests per second", "peakRequestsPerSecond"],
  ["p95 detection lag (ms)", "p95DetectionLagMs"],
];

const TIMELINE = ["firstRequest", "firstSubmit", "lastSubmit", "lastJobEnd", "lastDetection", "upExit"];

/** The target column and the met column of a row, from the targets on that figure. */
function judged(targets: Target[]): [string, string] {
  if (targets.length === 0) return ["", ""];
  const limits = [...new Set(targets.map((t) => t.limit))];
  const missed = targets.filter((t) => !t.met).map((t) => t.form);
  return [`≤ ${limits.join(" / ")}`, missed.length ? `MISSED (${missed.join(", ")})` : "met"];
}

const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

/** One size: rows = figures, columns = dynamic, plugin (median and spread), target, met. */
export function renderSizeTable(r: SizeResult): string {
  const { dynamic, plugin } = r.forms;
  const lines = [`**N = ${r.jobs}** CiMediaJobs of D = ${r.jobSeconds} s, \`--parallel ${r.parallel}\`, ` +
    `median (min–max) of ${r.repeat} run${r.repeat === 1 ? "" : "s"}:`, "",
  row(["figure", "dynamic", "plugin", "target", "met"]), row(["---", "---:", "---:", "---", "---"])];
  for (const [label, key] of ROWS) {
    const [target, met] = judged(r.targets.filter((t) => t.figure === key && t.form !== "plugin/dynamic"));
    lines.push(row([label, cell(dynamic?.[key] as Summary), cell(plugin?.[key] as Summary), target, met]));
  }
  for (const [key, s] of Object.entries(r.pluginOverDynamic ?? {})) {
    const label = ROWS.find(([, k]) => k === key)?.[0].replace(/ \(.*\)$/, "") ?? key;
    const [target, met] = judged(r.targets.filter((t) => t.figure === key && t.form === "plugin/dynamic"));
    lines.push(row([`plugin ÷ dynamic: ${label}`, "", cell(s), target, met]));
  }
  for (const event of TIMELINE) {
    lines.push(row([`timeline: ${event} (s after up started)`, cell(dynamic?.timeline[event]),
      cell(plugin?.timeline[event]), "", ""]));
  }
  const d = r.defaultParallelism;
  if (d) {
    lines.push("", `At the engine's default parallelism (\`--parallel ${d.parallel}\`, dynamic form, one run): wall ` +
      `${d.wallSeconds} s, overhead ratio ${d.overheadRatio}, ${d.apiCallsPerJob} API calls per job, peak ` +
      `${d.peakRequestsPerSecond} requests per second, p95 detection lag ${d.p95DetectionLagMs} ms.`);
  }
  return lines.join("\n");
}

/** Bytes per resource by top-level field of the exported state: job resources and trivial ones, in both forms. */
export function renderStateTable(r: SizeResult): string {
  const columns: [string, Record<string, Summary> | undefined][] = [
    ["dynamic job", r.forms.dynamic?.stateFields], ["plugin job", r.forms.plugin?.stateFields],
    ["dynamic trivial", r.forms.dynamic?.trivialStateFields], ["plugin trivial", r.forms.plugin?.trivialStateFields],
  ];
  const fields = [...new Set(columns.flatMap(([, f]) => Object.keys(f ?? {})))];
  const lines = [`State bytes per resource by top-level field (\`pulumi stack export\`, N = ${r.jobs}):`, "",
    row(["field", ...columns.map(([c]) => c)]), row(["---", ...columns.map(() => "---:")])];
  // The dynamic provider's serialized code is counted within `outputs` too: its own row shows what it costs.
  const label = (field: string) => (field.includes(".") ? `\`${field}\` (within \`outputs\`)` : `\`${field}\``);
  for (const field of fields) lines.push(row([label(field), ...columns.map(([, f]) => cell(f?.[field]))]));
  lines.push(row(["whole resource", cell(r.forms.dynamic?.stateBytesPerResource),
    cell(r.forms.plugin?.stateBytesPerResource), cell(r.forms.dynamic?.trivialStateBytesPerResource),
    cell(r.forms.plugin?.trivialStateBytesPerResource)]));
  return lines.join("\n");
}

/** Everything for the README: how it was made, then per size its figures and its state breakdown. */
export function renderMarkdown(results: SizeResult[], how: { command: string; date: string; nproc: number;
  jobSeconds: number; diagnostic?: string }): string {
  const header = `Measured with \`${how.command}\` on ${how.date}, ${how.nproc} CPUs, D = ${how.jobSeconds} s.` +
    (how.diagnostic ? ` **Diagnostic: ${how.diagnostic}.**` : "");
  return [header, ...results.flatMap((r) => [renderSizeTable(r), renderStateTable(r)])].join("\n\n") + "\n";
}

/** `readme` with the text between the bench markers replaced by `block`; throws when the markers are missing. */
export function replaceReadmeBlock(readme: string, block: string): string {
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < 0 || end < begin) {
    throw new Error(`README.md has no block between ${README_BEGIN} and ${README_END} (in that order): add the ` +
      "two markers where the benchmark's tables go.");
  }
  return `${readme.slice(0, begin + README_BEGIN.length)}\n${block.trim()}\n${readme.slice(end)}`;
}
