import assert from "node:assert/strict";
import { RateLimiter } from "../../../provider/http/rate-limit";

describe("rate limiter", () => {
  /** A fake clock that sleeping advances; records when each request was let through. */
  function run(rate: number, requests: number, arrivals: (i: number) => number = () => 0) {
    let t = 0;
    const limiter = new RateLimiter(rate, () => t, async (ms) => { t += ms; });
    return (async () => {
      const sent: number[] = [];
      for (let i = 0; i < requests; i++) {
        t = Math.max(t, arrivals(i));
        await limiter.acquire();
        sent.push(t);
      }
      return sent;
    })();
  }

  it("spaces requests evenly at the rate", async () => {
    const sent = await run(10, 25);
    assert.deepEqual(sent.slice(0, 3).map(Math.round), [0, 103, 206], "10/s: one every 103 ms (3 % headroom)");
    assert.equal(Math.round(sent[24]!), 2474);
  });

  it("never lets more than `rate` through in any sliding second", async () => {
    const sent = await run(100, 1000);
    for (let start = 0; start < 10_000; start += 5) {
      const inWindow = sent.filter((t) => t >= start && t < start + 1000).length;
      assert.ok(inWindow <= 98, `${inWindow} requests in [${start}, ${start + 1000})`);
    }
    assert.ok(Math.abs(sent[999]! - 9990 / 0.97) < 1, "1000 requests at 97/s take 10.3 s");
  });

  it("does not delay requests that arrive slower than the rate", async () => {
    const sent = await run(10, 5, (i) => i * 500);
    assert.deepEqual(sent, [0, 500, 1000, 1500, 2000]);
  });
});
