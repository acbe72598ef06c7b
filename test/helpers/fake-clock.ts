import type { PollerClock } from "../../provider/lifecycle/poller";

/** A fake clock: `runUntil` fires due timers in order and lets the answers settle, so a schedule is exact. */
export function fakeClock() {
  let t = 0;
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  const clock: PollerClock = {
    now: () => t,
    setTimer(fn, ms) {
      const timer = { at: t + ms, fn, live: true };
      timers.push(timer);
      return () => { timer.live = false; };
    },
  };
  const settle = () => new Promise((r) => setImmediate(r));
  return {
    clock,
    now: () => t,
    async runUntil(end: number) {
      for (;;) {
        await settle();
        const next = timers.filter((x) => x.live && x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        next.live = false;
        t = next.at;
        next.fn();
      }
      t = end;
      await settle();
    },
  };
}
