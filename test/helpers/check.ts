import assert from "node:assert/strict";
import { CheckFailure, CheckResult } from "../../provider/check/checker";

type Args = Record<string, unknown>;

/**
 * Test helpers for a `check()` rule set: `failures(change)` runs the check on a valid base changed by `change`;
 * `assertOne(change, property, reason)` asserts that exactly one rule fails, on that field, for that reason.
 */
export function checkHelpers(check: (args: Args) => CheckResult, base: () => Args) {
  function failures(change: (args: Args) => void): CheckFailure[] {
    const args = base();
    change(args);
    return check(args).failures;
  }
  function assertOne(change: (args: Args) => void, property: string, reason: RegExp): void {
    const found = failures(change);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0]!.property, property);
    assert.match(found[0]!.reason, reason);
  }
  return { failures, assertOne };
}
