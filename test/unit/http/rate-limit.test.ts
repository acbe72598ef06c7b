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

  it("lets one second's worth through at once, then spaces requests evenly", async () => {
    const sent = await run(10, 25);
    assert.deepEqual(sent.slice(0, 10), Array(10).fill(0), "a burst of 10 at a rate of 10/s");
    assert.equal(Math.round(sent[10]!), 100);
    assert.equal(Math.round(sent[24]!), 1500);
  });

  it("never lets more than rate + burst through in any second", async () => {
    const sent = await run(100, 1000);
    for (let start = 0; start < 9000; start += 250) {
      const inWindow = sent.filter((t) => t >= start && t < start + 1000).length;
      assert.ok(inWindow <= 200, `${inWindow} requests in [${start}, ${start + 1000})`);
    }
    assert.ok(Math.abs(sent[999]! - 9000) < 1, "1000 requests at 100/s take 9 s after the first burst");
  });

  it("does not delay requests that arrive slower than the rate", async () => {
    const sent = await run(10, 5, (i) => i * 500);
    assert.deepEqual(sent, [0, 500, 1000, 1500, 2000]);
  });
});
