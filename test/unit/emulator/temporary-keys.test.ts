import assert from "node:assert/strict";
import { cloudKeys, TemporaryKeys } from "../../../emulator/sts/temporary-keys";

describe("the emulator's temporary keys", () => {
  let now = 1_700_000_000_000;
  const clock = () => now;
  beforeEach(() => { now = 1_700_000_000_000; });

  it("issues keys shaped like each cloud's, living the time asked for, capped by the emulator's maximum", () => {
    const keys = new TemporaryKeys(clock, 5);
    const ali = keys.issue({ cloud: "alibaba", source: "AssumeRole", lifetimeSeconds: 3600, roleArn: "acs:ram::1:role/r" });
    const tc = keys.issue({ cloud: "tencent", source: "CvmRole", lifetimeSeconds: 2 });
    assert.match(ali.keyId, /^STS\.[A-Za-z0-9]{24}$/);
    assert.match(tc.keyId, /^AKID[A-Za-z0-9]{32}$/);
    assert.equal(ali.expiresAt, now + 5000, "capped at 5 s");
    assert.equal(tc.expiresAt, now + 2000, "shorter than the cap: as asked");
    assert.deepEqual(keys.issued().map((k) => Object.keys(k).sort()), [
      ["cloud", "expiresAt", "keyId", "roleArn", "source"], ["cloud", "expiresAt", "keyId", "source"]],
    "never the secret or the token");
  });

  it("answers the secret only with the key's own token and only before it expires, counting expired refusals", () => {
    const keys = new TemporaryKeys(clock);
    const key = keys.issue({ cloud: "tencent", source: "AssumeRole", lifetimeSeconds: 10 });
    const other = keys.issue({ cloud: "tencent", source: "AssumeRole", lifetimeSeconds: 10 });
    const tencent = cloudKeys("tencent", new Map([["LONG-TERM-ID-placeholder", "long-secret"]]), keys);
    assert.deepEqual(tencent.secretFor("LONG-TERM-ID-placeholder", undefined), { secret: "long-secret" }, "long-term keys as before");
    assert.deepEqual(tencent.secretFor(key.keyId, key.token), { secret: key.secret });
    assert.deepEqual(tencent.secretFor(key.keyId, undefined), { refusal: "tokenMissing" });
    assert.deepEqual(tencent.secretFor(key.keyId, other.token), { refusal: "tokenMismatch" });
    assert.deepEqual(tencent.secretFor(key.keyId, "made-up"), { refusal: "tokenMalformed" });
    assert.deepEqual(tencent.secretFor("NOBODY-ID", "x"), { refusal: "unknown" });
    assert.deepEqual(cloudKeys("alibaba", new Map(), keys).secretFor(key.keyId, key.token), { refusal: "unknown" },
      "a Tencent key is nothing to Alibaba");
    now += 9_999;
    assert.deepEqual(tencent.secretFor(key.keyId, key.token), { secret: key.secret });
    now += 1;
    assert.deepEqual(tencent.secretFor(key.keyId, key.token), { refusal: "expired" });
    assert.equal(keys.refusedExpired(), 1);
  });
});
