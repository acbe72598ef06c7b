/**
 * How the property-based tests run: fast-check with a fixed seed (MEDIAJOBS_FC_SEED overrides it, MEDIAJOBS_FC_RUNS
 * the number of cases of every property), each property printing how many cases it ran, with which seed, in how
 * long, so a failure is replayed by setting the seed it names. A failure is reported with its shrunk case.
 */
import fc from "fast-check";

/** The seed of every property, unless MEDIAJOBS_FC_SEED names another. */
export const SEED = envInteger("MEDIAJOBS_FC_SEED") ?? 20231;

/** A property's cases: its default, unless MEDIAJOBS_FC_RUNS names another count. */
export function runs(defaultRuns: number): number {
  return envInteger("MEDIAJOBS_FC_RUNS") ?? defaultRuns;
}

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer; got "${raw}".`);
  return n;
}

/**
 * Runs a property with the shared seed, prints `property <name>: <N> cases (seed <S>) in <ms> ms`, and fails with
 * fast-check's report (the shrunk counterexample, the seed and the path that replays it).
 */
export async function holds<Ts extends [unknown, ...unknown[]]>(name: string,
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, numRuns: number, more: fc.Parameters<Ts> = {}): Promise<void> {
  const started = performance.now();
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, { ...more, seed: SEED, numRuns });
  const ms = Math.round(performance.now() - started);
  const skipped = details.numSkips ? `, ${details.numSkips} generated inputs skipped` : "";
  console.log(`      property ${name}: ${details.numRuns} cases (seed ${SEED}) in ${ms} ms${skipped}`);
  if (details.failed) {
    // Huge generated values are cut, so the report stays readable.
    const report = (fc.defaultReportMessage(details) ?? "").replace(/(.)\1{200,}/gs,
      (run: string, ch: string) => `${ch}…(${run.length} times)`);
    throw new Error(`${report}\nError: ${String(details.errorInstance).slice(0, 4000)}`);
  }
}

/** Strings that have broken parsers and lookups before: markup, escapes, lookup keys of every object. */
export const ODD_STRINGS = [
  "", " ", "<", ">", "&", "&amp;", "&lt;", "]]>", "<![CDATA[x]]>", "<a>", "</Request>", "\"", "'", "=", "+", "%",
  "%20", "%zz", "&a=b", "a+b=c&d", "\u0000", "\u0001", "\t", "\n", "\r\n", "\u007f", "\u0085", "\u2028", "\ufeff",
  "\ud800", "😀", "é", "中文", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf",
  "NaN", "Infinity", "-Infinity", "1e400", "-0", "0x10", "1.", ".5", "true", "false", "null", "undefined",
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "${Number}", "{sequenceId}",
];

/** A string of odd characters: a mix of the odd strings, unicode and plain text. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.array(fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ unit: "grapheme", maxLength: 4 }),
    fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 6 }).map((parts) => parts.join("")),
  fc.string({ maxLength: 20 }),
);

/** Keys that reach an object's prototype when assigned instead of defined. */
export const PROTO_KEYS = ["__proto__", "constructor", "prototype"] as const;

/** An object with the given own properties, `__proto__` among them as a plain key (as JSON.parse makes it). */
export function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * Any JSON-ish value: scalars of every kind (numbers as such and as strings, NaN and Infinity among them), odd
 * strings, null, lists and objects nested a few levels, with `__proto__`, `constructor` and `prototype` keys.
 */
export function jsonish(keys: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(fc.constantFrom(...keys, ...PROTO_KEYS), fc.string({ maxLength: 6 }));
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof({ depthSize: "small", withCrossShrink: true },
      fc.constant(null), fc.boolean(), fc.integer(), fc.double(), oddString,
      fc.constantFrom("1", "0", "-1", "3.5", "1e3", "NaN", "Infinity", "-Infinity", "true", "false"),
      fc.array(tie("value"), { maxLength: 3 }),
      fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }).map(ownObject)),
  }));
  return value;
}
