/** The benchmark's command line (see bench/bench.ts), parsed and checked once. */
import { parseArgs } from "node:util";

export interface BenchArgs {
  /** The sizes N to measure, in order. */
  jobs: number[];
  /** Rounds per size; each round measures every form once. */
  repeat: number;
  /**
   * Previews of each stack per round: the round's preview figure is their median. A preview is short, so one is
   * noisier than the other figures; more of them cost seconds, not a round.
   */
  previews: number;
  jobSeconds: number;
  /** `--parallel` of every `up` (default: N). */
  parallel?: number;
  skipDefaultParallelism: boolean;
  skipPlugin: boolean;
  curve: boolean;
  sizes: number[];
  json: boolean;
  /** Where CPU profiles of an extra, profiled round go. */
  profile?: string;
  updateReadme: boolean;
  /**
   * A diagnostic: the engine skips its intermediate checkpoints (PULUMI_SKIP_CHECKPOINTS) and writes the state once,
   * at the end of each run, so the figures show what is left of the overhead without the engine's state writes.
   */
  skipCheckpoints: boolean;
}

function positiveInts(flag: string, text: string): number[] {
  const xs = text.split(",").map((s) => s.trim()).filter((s) => s !== "").map(Number);
  if (xs.length === 0 || xs.some((x) => !Number.isInteger(x) || x < 1)) {
    throw new Error(`${flag} takes positive whole numbers separated by commas, not "${text}".`);
  }
  return xs;
}

/** Parses `argv` (without node and the script); throws a sentence a user can act on. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({ args: argv, strict: true, options: {
    jobs: { type: "string", default: "200" },
    repeat: { type: "string", default: "1" },
    previews: { type: "string", default: "1" },
    "job-seconds": { type: "string", default: "10" },
    parallel: { type: "string" },
    "skip-default-parallelism": { type: "boolean", default: false },
    "skip-plugin": { type: "boolean", default: false },
    curve: { type: "boolean", default: false },
    sizes: { type: "string", default: "10,50,200,500" },
    json: { type: "boolean", default: false },
    profile: { type: "string" },
    "update-readme": { type: "boolean", default: false },
    "skip-checkpoints": { type: "boolean", default: false },
  } });
  if (values["skip-checkpoints"] && values["update-readme"]) {
    throw new Error("--skip-checkpoints is a diagnostic: its figures are not how Pulumi runs, so they do not go into " +
      "the README (leave out --update-readme).");
  }
  const jobSeconds = Number(values["job-seconds"]);
  if (!(jobSeconds > 0)) throw new Error(`--job-seconds takes a positive number, not "${values["job-seconds"]}".`);
  return {
    jobs: positiveInts("--jobs", values.jobs),
    repeat: positiveInts("--repeat", values.repeat)[0]!,
    previews: positiveInts("--previews", values.previews)[0]!,
    jobSeconds,
    ...(values.parallel !== undefined ? { parallel: positiveInts("--parallel", values.parallel)[0]! } : {}),
    skipDefaultParallelism: values["skip-default-parallelism"],
    skipPlugin: values["skip-plugin"],
    curve: values.curve,
    sizes: positiveInts("--sizes", values.sizes),
    json: values.json,
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    updateReadme: values["update-readme"],
    skipCheckpoints: values["skip-checkpoints"],
  };
}

/**
 * The command as printed with the results (and put into the README): `argv` with the profiles' directory, which is
 * this machine's, written `<dir>`.
 */
export function printedCommand(argv: string[]): string {
  const shown = argv.map((a, i) => a.startsWith("--profile=") ? "--profile=<dir>"
    : argv[i - 1] === "--profile" ? "<dir>" : a);
  return `npm run bench -- ${shown.join(" ")}`.trim();
}
