/**
 * The benchmark's statistics over repeated runs: one run's figures move by ±0.1 in ratio on a shared machine, so a
 * figure is reported as the median of its runs with their spread, and a target is judged on the median.
 */

/** A figure over K runs: the median, the spread (min–max) and every run, in the order measured. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** The median (the mean of the middle two for an even count); NaN without runs. */
export function median(xs: readonly number[]): number {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (nearest rank); NaN without values. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Median and spread of the runs (runs that produced no figure, NaN, are left out of all three). */
export function summarize(runs: readonly number[], digits = 3): Summary {
  const present = runs.filter((x) => !Number.isNaN(x));
  return {
    median: round(median(present), digits),
    min: present.length ? round(Math.min(...present), digits) : NaN,
    max: present.length ? round(Math.max(...present), digits) : NaN,
    runs: [...runs],
  };
}

/** Every numeric field of a list of records, summarized field by field (fields that are objects recurse). */
export function summarizeRecords(records: readonly Record<string, unknown>[], digits = 3): Record<string, unknown> {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(keys.flatMap((k): [string, unknown][] => {
    const values = records.map((r) => r[k]);
    if (values.every((v) => typeof v === "number" || v === undefined)) {
      return [[k, summarize(values.map((v) => (v === undefined ? NaN : (v as number))), digits)]];
    }
    if (values.every((v) => typeof v === "object" && v !== null)) {
      return [[k, summarizeRecords(values as Record<string, unknown>[], digits)]];
    }
    return [];
  }));
}

/**
 * The order of the measurements in round `round`: a row of a Williams square. Over a full cycle of rounds
 * (items.length rounds, twice that for an odd count) each measurement takes each position equally often and comes
 * right after each other measurement equally often. A plain rotation would leave each measurement always after the
 * same one, so whatever that one leaves behind (a busy disk, a garbage-laden process) would always be charged to it.
 */
export function balancedOrder<T>(items: readonly T[], round: number): T[] {
  const n = items.length;
  if (n === 0) return [];
  // The first row: 0, 1, n-1, 2, n-2, …; row r adds r to each (mod n). For an odd n the second n rows are the first
  // n reversed, which balances the pairs the first n rows cannot.
  const first = Array.from({ length: n }, (_, i) => (i % 2 ? (i + 1) / 2 : (n - i / 2) % n));
  const r = round % (n % 2 ? 2 * n : n);
  const row = first.map((k) => items[(k + r) % n]!);
  return r >= n ? row.reverse() : row;
}

/** The largest number of events within any sliding window of `windowMs` (times in ms). */
export function peakPerWindow(times: readonly number[], windowMs = 1000): number {
  const at = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let lo = 0, hi = 0; hi < at.length; hi++) {
    while (at[hi]! - at[lo]! >= windowMs) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return peak;
}

/** `count` timings taken one after the other (seconds, to 2 decimals): their median and every one of them. */
export async function medianOf(count: number, once: () => Promise<number>):
  Promise<{ seconds: number; samples: number[] }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(round(await once(), 2));
  return { seconds: round(median(samples), 2), samples };
}
