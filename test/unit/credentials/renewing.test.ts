/** Renewal of temporary credentials: before expiry by the margin, once for concurrent callers, failures named. */
import assert from "node:assert/strict";
import { CredentialError } from "../../../provider/errors";
import { CredentialSource, IssuedCredentials, RenewingCredentials } from "../../../provider/credentials/renewing";

/** A source that issues `key-<n>` living `lifetimeMs` from the fake clock, each fetch taking one tick to answer. */
function source(clock: { now: number }, lifetimeMs: number | undefined, fail?: () => Error) {
  let n = 0;
  const src: CredentialSource & { fetches: number } = {
    description: "a test role (`mediajobs:test`)",
    identity: "test",
    fetches: 0,
    fetch: async (): Promise<IssuedCredentials> => {
      src.fetches++;
      await new Promise((r) => setImmediate(r));
      if (fail) throw fail();
      n++;
      return { keyId: `key-${n}`, secret: `secret-${n}`, securityToken: `token-${n}`,
        ...(lifetimeMs === undefined ? {} : { expiresAt: clock.now + lifetimeMs }) };
    },
  };
  return src;
}

describe("renewing credentials", () => {
  it("asks the source once for any number of concurrent callers, and keeps the answer until the margin", async () => {
    const clock = { now: 0 };
    const src = source(clock, 3_600_000);
    const renewing = new RenewingCredentials(src, () => clock.now);
    const first = await Promise.all(Array.from({ length: 50 }, () => renewing.get()));
    assert.equal(src.fetches, 1);
    assert.ok(first.every((c) => c.keyId === "key-1"));
    // An hour's credentials are renewed 5 minutes (the cap) before they expire, not earlier.
    clock.now = 3_600_000 - 300_001;
    assert.equal((await renewing.get()).keyId, "key-1");
    clock.now = 3_600_000 - 300_000;
    const renewed = await Promise.all([renewing.get(), renewing.get(), renewing.get()]);
    assert.deepEqual(renewed.map((c) => c.keyId), ["key-2", "key-2", "key-2"]);
    assert.equal(src.fetches, 2);
  });

  it("renews short-lived credentials a quarter of their lifetime early, so they are not renewed at once", async () => {
    const clock = { now: 1_000 };
    const src = source(clock, 8_000);
    const renewing = new RenewingCredentials(src, () => clock.now);
    await renewing.get();
    clock.now = 1_000 + 5_999;
    assert.equal((await renewing.get()).keyId, "key-1");
    clock.now = 1_000 + 6_000;
    assert.equal((await renewing.get()).keyId, "key-2");
  });

  it("never renews keys that do not expire", async () => {
    const clock = { now: 0 };
    const src = source(clock, undefined);
    const renewing = new RenewingCredentials(src, () => clock.now);
    await renewing.get();
    clock.now = 10 * 365 * 86_400_000;
    await renewing.get();
    assert.equal(src.fetches, 1);
  });

  it("names the source when a renewal fails, never a value, and tries again on the next call", async () => {
    const clock = { now: 0 };
    let failing = true;
    const src = source(clock, 60_000, () => (failing ? new Error("STS said no") : new Error("unreachable")));
    const renewing = new RenewingCredentials(src, () => clock.now);
    await assert.rejects(renewing.get(), (e: Error) => e instanceof CredentialError &&
      e.message === "No credentials from a test role (`mediajobs:test`): STS said no.");
    failing = false;
    await assert.rejects(renewing.get(), /unreachable/);
    assert.equal(src.fetches, 2, "a failed renewal is not remembered");
  });
});
