/**
 * Building blocks for `check()`: each rule names the field (dotted path as the user wrote it) and the rule broken.
 * Values still unknown during `pulumi preview` are skipped: they are checked once known, at `pulumi up`.
 */

import { ValidationError } from "../errors";

/** A check failure as the Pulumi engine shows it. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** The placeholder the engine sends for a value that is not known yet (a preview of an unresolved Output). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** What `check()` answers: the inputs to use from here on (normalised), and the rules they break. */
export interface CheckResult {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Collects failures; every method ignores unknown values and (unless `required`) absent ones. Values arrive as
 * strings from stack config and from other languages: a rule that reads a number or a boolean from a string
 * remembers the value (by its path, array elements included: `a.b[0].c`), and `result()` writes it back as a real
 * number or boolean, so everything after `check()` sees one type.
 */
export class Checker {
  readonly failures: CheckFailure[] = [];
  /** Values read as numbers or booleans from strings, by the dotted path the rule reports. */
  private readonly typed = new Map<string, number | boolean>();
  /** Paths whose declared rules do not apply (a cross-field rule said so: see `exempt`). */
  private readonly exempted = new Set<string>();

  /**
   * The declared rules of the value at `path` do not apply: another field makes it moot (a template replaces a
   * tag's inline parameters). Said before the declared rules run.
   */
  exempt(path: string): void {
    this.exempted.add(path);
  }

  isExempt(path: string): boolean {
    return this.exempted.has(path);
  }

  /** A broken rule; the same one found twice (by a declared and a cross-field rule) is reported once. */
  fail(property: string, reason: string): void {
    if (this.failures.some((f) => f.property === property && f.reason === reason)) return;
    this.failures.push({ property, reason });
  }

  /** True when the value can be checked (present and known). */
  present(value: unknown): boolean {
    return value !== undefined && value !== null && value !== "" && !isUnknown(value);
  }

  required(property: string, value: unknown, what: string): boolean {
    if (isUnknown(value)) return false;
    if (value === undefined || value === null || value === "") {
      this.fail(property, `${property} is required: ${what}.`);
      return false;
    }
    return true;
  }

  string(property: string, value: unknown): value is string {
    if (!this.present(value)) return false;
    if (typeof value !== "string") {
      this.fail(property, `${property} must be a string; got ${shown(value)}.`);
      return false;
    }
    return true;
  }

  pattern(property: string, value: unknown, re: RegExp, rule: string): void {
    if (this.string(property, value) && !re.test(value)) this.fail(property, `${property} ${rule}; got ${shown(value)}.`);
  }

  oneOf(property: string, value: unknown, allowed: readonly string[]): void {
    if (this.string(property, value) && !allowed.includes(value)) {
      this.fail(property, `${property} must be one of ${allowed.join(", ")}; got ${shown(value)}.`);
    }
  }

  /** An integer in the range (a string of digits counts, and is returned as a number). */
  integer(property: string, value: unknown, min = -Infinity, max = Infinity, rule = ""): void {
    if (!this.present(value)) return;
    const n = this.read(property, value, INTEGER);
    if (n === undefined || !Number.isInteger(n) || n < min || n > max) {
      this.fail(property, `${property} must be an integer${range(min, max)}${rule ? ` (${rule})` : ""}; ` +
        `got ${shown(value)}.`);
    }
  }

  /** A finite number in the range (a decimal string counts, and is returned as a number). */
  number(property: string, value: unknown, min = -Infinity, rule = "", max = Infinity): void {
    if (!this.present(value)) return;
    const n = this.read(property, value, DECIMAL);
    if (n === undefined || !Number.isFinite(n) || n < min || n > max) {
      this.fail(property, `${property} must be a number${range(min, max)}${rule ? ` (${rule})` : ""}; ` +
        `got ${shown(value)}.`);
    }
  }

  /** true or false (the strings "true" and "false" count, and are returned as booleans). */
  boolean(property: string, value: unknown): void {
    if (!this.present(value) || typeof value === "boolean") return;
    if (value === "true" || value === "false") this.typed.set(property, value === "true");
    else this.fail(property, `${property} must be true or false; got ${shown(value)}.`);
  }

  /** A list (of anything: its elements are checked by the caller). */
  list(property: string, value: unknown): value is unknown[] {
    if (!this.present(value)) return false;
    if (!Array.isArray(value)) {
      this.fail(property, `${property} must be a list; got ${shown(value)}.`);
      return false;
    }
    return true;
  }

  /**
   * Whether the rules `fn` applies to a fresh Checker pass (for one-of alternatives); when they do, the values they
   * read from strings are kept here too.
   */
  passes(fn: (trial: Checker) => void): boolean {
    const trial = new Checker();
    fn(trial);
    if (trial.failures.length) return false;
    for (const [path, value] of trial.typed) this.typed.set(path, value);
    return true;
  }

  object(property: string, value: unknown): value is Record<string, unknown> {
    if (!this.present(value)) return false;
    if (typeof value !== "object" || Array.isArray(value)) {
      this.fail(property, `${property} must be an object; got ${shown(value)}.`);
      return false;
    }
    return true;
  }

  /**
   * The answer of `check()`: with failures, the inputs as given (the engine stops there); otherwise the inputs with
   * every value a rule read from a string written back as the number or boolean it is.
   */
  result(inputs: Record<string, unknown>): CheckResult {
    return { inputs: this.failures.length ? inputs : this.normalised(inputs), failures: this.failures };
  }

  /** The inputs with every value a rule read from a string written back, whatever failed. */
  normalised(inputs: Record<string, unknown>): Record<string, unknown> {
    if (this.typed.size === 0) return inputs;
    const normalised = structuredClone(inputs);
    for (const [path, value] of this.typed) setPath(normalised, path, value);
    return normalised;
  }


  /** A number, from a number or a string of the given form (remembered); undefined for anything else. */
  private read(property: string, value: unknown, form: RegExp): number | undefined {
    if (typeof value === "number") return value;
    if (typeof value !== "string" || !form.test(value)) return undefined;
    const n = Number(value);
    this.typed.set(property, n);
    return n;
  }
}

/** " from 1 to 3", " of at least 0", " of at most 10", or "" for no bound. */
function range(min: number, max: number): string {
  if (min !== -Infinity && max !== Infinity) return ` from ${min} to ${max}`;
  if (min !== -Infinity) return ` of at least ${min}`;
  return max !== Infinity ? ` of at most ${max}` : "";
}

/** `operation.output.streamExtract[0].index` → ["operation", "output", "streamExtract", 0, "index"]. */
function pathKeys(path: string): (string | number)[] {
  return path.split(".").flatMap((part) => {
    const [name, ...indexes] = part.split("[");
    return [...(name ? [name] : []), ...indexes.map((i) => Number(i.slice(0, -1)))];
  });
}

function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = pathKeys(path);
  let node: unknown = root;
  for (const key of keys.slice(0, -1)) {
    node = (node as Record<string | number, unknown> | undefined)?.[key];
    if (node === null || typeof node !== "object") return;
  }
  (node as Record<string | number, unknown>)[keys[keys.length - 1]!] = value;
}

/** A plain object (not a list, not null): what an object-typed input must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as a failure message shows it: strings quoted (and cut), lists and objects named. */
export function shown(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 60 ? value.slice(0, 57) + "..." : value}"`;
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

/**
 * The inputs as check() would return them, or a ValidationError naming every failure. create and update run it:
 * the engine always checks first, but a provider driven directly (users' own tests) may not.
 */
export function validated(resource: string, check: (inputs: Record<string, unknown>) => CheckResult,
  inputs: Record<string, unknown>): Record<string, unknown> {
  const result = check(inputs);
  if (result.failures.length) throw ValidationError.of(resource, result.failures);
  return result.inputs;
}
