import assert from "node:assert/strict";
import { CheckFailure, CheckResult } from "../../provider/check/checker";
import { Settings } from "../../provider/config/settings";
import { ProviderContext } from "../../provider/lifecycle/provider-context";
import type { OperationEnv } from "../../provider/resource/definition";

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

/**
 * What a resource's check runs with in tests of its rules: a provider context whose settings give both clouds keys
 * and regions from a made-up environment (never the process's), so only the inputs' own rules speak.
 */
export function checkEnv(): OperationEnv {
  const settings = new Settings({ TENCENTCLOUD_SECRET_ID: "check-id", TENCENTCLOUD_SECRET_KEY: "check-key",
    ALICLOUD_ACCESS_KEY: "check-id", ALICLOUD_SECRET_KEY: "check-key" });
  return { ctx: new ProviderContext({ settings }), log: () => {}, status: () => {} };
}
