/**
 * Building blocks for `check()`: each rule names the field (dotted path as the user wrote it) and the rule broken.
 * Values still unknown during `pulumi preview` are skipped: they are checked once known, at `pulumi up`.
 */

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

/** Collects failures; every method ignores unknown values and (unless `required`) absent ones. */
export class Checker {
  readonly failures: CheckFailure[] = [];

  fail(property: string, reason: string): void {
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
      this.fail(property, `${property} must be a string; got ${describe(value)}.`);
      return false;
    }
    return true;
  }

  pattern(property: string, value: unknown, re: RegExp, rule: string): void {
    if (this.string(property, value) && !re.test(value)) this.fail(property, `${property} ${rule}; got ${describe(value)}.`);
  }

  oneOf(property: string, value: unknown, allowed: readonly string[]): void {
    if (this.string(property, value) && !allowed.includes(value)) {
      this.fail(property, `${property} must be one of ${allowed.join(", ")}; got ${describe(value)}.`);
    }
  }

  integer(property: string, value: unknown, min: number, max: number, rule = ""): void {
    if (!this.present(value)) return;
    const n = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
      this.fail(property, `${property} must be an integer from ${min} to ${max}${rule ? ` (${rule})` : ""}; ` +
        `got ${describe(value)}.`);
    }
  }

  boolean(property: string, value: unknown): void {
    if (this.present(value) && typeof value !== "boolean" && value !== "true" && value !== "false") {
      this.fail(property, `${property} must be true or false; got ${describe(value)}.`);
    }
  }

  object(property: string, value: unknown): value is Record<string, unknown> {
    if (!this.present(value)) return false;
    if (typeof value !== "object" || Array.isArray(value)) {
      this.fail(property, `${property} must be an object; got ${describe(value)}.`);
      return false;
    }
    return true;
  }
}

export function describe(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 60 ? value.slice(0, 57) + "..." : value}"`;
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

/** The waiting knobs shared by every job resource. */
export function checkWaitKnobs(c: Checker, inputs: Record<string, unknown>): void {
  c.integer("timeoutSeconds", inputs.timeoutSeconds, 1, 7 * 24 * 3600, "seconds, at most 7 days");
  c.boolean("skipAwait", inputs.skipAwait);
  if (c.present(inputs.triggers) && !Array.isArray(inputs.triggers)) {
    c.fail("triggers", `triggers must be a list; got ${describe(inputs.triggers)}.`);
  }
}
