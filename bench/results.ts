/**
 * From the raw runs of one size to the figures users choose between: per form (dynamic, plugin) and per round, the
 * jobs' figures over the same round's trivial baseline of the same form; then their medians and spreads, the
 * plugin's figures over the dynamic form's, and the targets, judged on the medians.
 */
import { StateSize } from "./state-size";
import { round, summarize, Summary, summarizeRecords } from "./stats";

export type Form = "dynamic" | "plugin";

/** N trivial resources of one form: the engine's (and SDK's) own cost. */
export interface TrivialRun {
  /** The median of the round's previews (`--previews`), each of which is in `previewSamples`. */
  previewSeconds: number;
  previewSamples: number[];
  upSeconds: number;
  providerPeakRssMb: number;
  state: StateSize;
}

/** N CiMediaJobs of one form: preview, then `up --parallel`, measured from outside. */
export interface JobsRun {
  /** The median of the round's previews (`--previews`), each of which is in `previewSamples`. */
  previewSeconds: number;
  previewSamples: number[];
  wallSeconds: number;
  apiCalls: number;
  apiCallsPerJob: number;
  peakRequestsPerSecond: number;
  p95DetectionLagMs: number;
  maxDetectionLagMs: number;
  providerPeakRssMb: number;
  jobsSubmitted: number;
  state: StateSize;
  /** Seconds since `up` started: where the wall time goes. */
  timeline: Record<string, number>;
}

/** One round: every form measured once, in `order`. */
export interface Round {
  order: string[];
  forms: Partial<Record<Form, { trivial: TrivialRun; jobs: JobsRun }>>;
}

/** The figures of one form in one round (what the medians are taken over). */
export interface FormFigures {
  wallSeconds: number;
  overheadRatio: number;
  previewSeconds: number;
  previewRatio: number;
  baselineUpSeconds: number;
  baselinePreviewSeconds: number;
  stateBytesPerResource: number;
  trivialStateBytesPerResource: number;
  providerPeakRssMb: number;
  trivialPeakRssMb: number;
  apiCallsPerJob: number;
  peakRequestsPerSecond: number;
  p95DetectionLagMs: number;
  maxDetectionLagMs: number;
  timeline: Record<string, number>;
  stateFields: Record<string, number>;
  trivialStateFields: Record<string, number>;
}

/** The figures compared across forms: plugin ÷ dynamic (≤ 1 where the plugin is as good or better). */
export const CROSS_FIGURES = ["wallSeconds", "previewSeconds", "stateBytesPerResource", "providerPeakRssMb"] as const;

export function formFigures(run: { trivial: TrivialRun; jobs: JobsRun }, jobSeconds: number): FormFigures {
  const { trivial, jobs } = run;
  return {
    wallSeconds: jobs.wallSeconds,
    // The ideal `up` is one job's duration plus what the engine costs for N resources of this form.
    overheadRatio: round(jobs.wallSeconds / (jobSeconds + trivial.upSeconds), 3),
    previewSeconds: jobs.previewSeconds,
    previewRatio: round(jobs.previewSeconds / trivial.previewSeconds, 3),
    baselineUpSeconds: trivial.upSeconds,
    baselinePreviewSeconds: trivial.previewSeconds,
    stateBytesPerResource: jobs.state.bytesPerResource,
    trivialStateBytesPerResource: trivial.state.bytesPerResource,
    providerPeakRssMb: jobs.providerPeakRssMb,
    trivialPeakRssMb: trivial.providerPeakRssMb,
    apiCallsPerJob: jobs.apiCallsPerJob,
    peakRequestsPerSecond: jobs.peakRequestsPerSecond,
    p95DetectionLagMs: jobs.p95DetectionLagMs,
    maxDetectionLagMs: jobs.maxDetectionLagMs,
    timeline: jobs.timeline,
    stateFields: jobs.state.fields,
    trivialStateFields: trivial.state.fields,
  };
}

/** Every figure of FormFigures as a Summary over the rounds. */
export type FormSummary = {
  [K in keyof FormFigures]: FormFigures[K] extends number ? Summary : Record<string, Summary>;
};

export interface DefaultParallelism {
  parallel: number;
  wallSeconds: number;
  overheadRatio: number;
  apiCallsPerJob: number;
  peakRequestsPerSecond: number;
  p95DetectionLagMs: number;
  providerPeakRssMb: number;
}

export interface Target {
  figure: string;
  form: Form | "plugin/dynamic" | "default parallelism";
  value: number;
  limit: number;
  met: boolean;
}

export interface SizeResult {
  jobs: number;
  jobSeconds: number;
  parallel: number;
  repeat: number;
  forms: Partial<Record<Form, FormSummary>>;
  pluginOverDynamic?: Record<(typeof CROSS_FIGURES)[number], Summary>;
  defaultParallelism?: DefaultParallelism;
  targets: Target[];
  /** The profiled round, apart: profiling slows the processes down, so it is not among the medians. */
  profiled?: Partial<Record<Form, FormFigures>>;
  rounds: Round[];
}

/** Detection lag target: 1 s + 10 % of the job's age when it ends. */
export const lagTargetMs = (jobSeconds: number) => 1000 + 0.1 * jobSeconds * 1000;

/** The limits, by figure: those that hold at every size, and those of the sizes the issue names. */
export function limitsFor(n: number, jobSeconds: number): Partial<Record<keyof FormFigures, number>> {
  return {
    apiCallsPerJob: 8, peakRequestsPerSecond: 100, p95DetectionLagMs: lagTargetMs(jobSeconds),
    ...(n === 200 ? { overheadRatio: 1.12, previewRatio: 1.2 } : {}),
    ...(n === 500 ? { overheadRatio: 1.25 } : {}),
  };
}

/** The plugin's state per resource, at every size. */
export const PLUGIN_STATE_LIMIT = 1200;

/** The targets of one size, judged on the medians. */
export function judge(r: Pick<SizeResult, "jobs" | "jobSeconds" | "forms" | "pluginOverDynamic" |
  "defaultParallelism">): Target[] {
  const targets: Target[] = [];
  const add = (figure: string, form: Target["form"], value: number, limit: number) =>
    targets.push({ figure, form, value, limit, met: value <= limit });
  const limits = limitsFor(r.jobs, r.jobSeconds);
  for (const form of ["dynamic", "plugin"] as const) {
    const s = r.forms[form];
    if (!s) continue;
    for (const [figure, limit] of Object.entries(limits)) {
      add(figure, form, (s[figure as keyof FormFigures] as Summary).median, limit);
    }
  }
  const plugin = r.forms.plugin;
  if (plugin) add("stateBytesPerResource", "plugin", plugin.stateBytesPerResource.median, PLUGIN_STATE_LIMIT);
  for (const [figure, s] of Object.entries(r.pluginOverDynamic ?? {})) add(figure, "plugin/dynamic", s.median, 1);
  if (r.defaultParallelism) {
    add("peakRequestsPerSecond", "default parallelism", r.defaultParallelism.peakRequestsPerSecond, 100);
  }
  return targets;
}

/** Medians, spreads, cross-form ratios and targets from the rounds of one size. */
export function sizeResult(opts: { jobs: number; jobSeconds: number; parallel: number; rounds: Round[];
  profiled?: Round; defaultParallelism?: DefaultParallelism }): SizeResult {
  const { rounds, jobSeconds } = opts;
  const perForm = (form: Form) =>
    rounds.flatMap((r) => (r.forms[form] ? [formFigures(r.forms[form]!, jobSeconds)] : []));
  const forms: SizeResult["forms"] = {};
  for (const form of ["dynamic", "plugin"] as const) {
    const figures = perForm(form);
    if (figures.length) forms[form] = summarizeRecords(figures as unknown as Record<string, unknown>[]) as FormSummary;
  }
  const both = rounds.filter((r) => r.forms.dynamic && r.forms.plugin);
  const pluginOverDynamic = both.length ? Object.fromEntries(CROSS_FIGURES.map((k) => [k, summarize(both.map((r) =>
    round(formFigures(r.forms.plugin!, jobSeconds)[k] / formFigures(r.forms.dynamic!, jobSeconds)[k], 3)))])) as
    SizeResult["pluginOverDynamic"] : undefined;
  const profiled = opts.profiled && Object.fromEntries(Object.entries(opts.profiled.forms)
    .map(([form, run]) => [form, formFigures(run, jobSeconds)]));
  const base = { jobs: opts.jobs, jobSeconds, forms, ...(pluginOverDynamic ? { pluginOverDynamic } : {}),
    ...(opts.defaultParallelism ? { defaultParallelism: opts.defaultParallelism } : {}) };
  return { ...base, parallel: opts.parallel, repeat: rounds.length, targets: judge(base),
    ...(profiled ? { profiled } : {}), rounds };
}
