/**
 * SIGINT and SIGTERM during a wait. The engine runs each plugin in its own process group and, when it shuts a plugin
 * down (an interrupted or cancelled `pulumi up`), sends it SIGINT and then SIGKILL 5 seconds later; deployment
 * systems send SIGTERM. On either signal every wait stops at once and its job is returned in the init-error shape,
 * so the engine records it and the next `pulumi up` resumes waiting (or `pulumi destroy` cancels it). The process
 * ends once the operations in flight have answered (at once when there are none: the engine closes its plugins
 * with the same signal at the end of every run), or after a grace period, or on a second signal.
 */

import type * as dynamic from "@pulumi/pulumi/dynamic";
import { setMaxListeners } from "node:events";

/** The longest the process stays up after a signal so the recorded jobs reach the engine. */
const GRACE_MS = 3000;
/** Time for the last answers to be written to the engine once every operation has returned. */
const FLUSH_MS = 100;

let controller: AbortController | undefined;
let active = 0;
let onIdle: (() => void) | undefined;

/** Counts an engine call in flight, so a signal ends the process as soon as every answer is out. */
async function inFlight<T>(fn: () => Promise<T>): Promise<T> {
  active++;
  try {
    return await fn();
  } finally {
    if (--active === 0) onIdle?.();
  }
}

/** The provider with its calls counted in flight (see inFlight). */
export function tracked<P extends dynamic.ResourceProvider>(provider: P): P {
  const wrapped = { ...provider };
  for (const name of ["create", "read", "update", "delete"] as const) {
    const method = provider[name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (method) (wrapped as Record<string, unknown>)[name] = (...args: unknown[]) => inFlight(() => method(...args));
  }
  return wrapped;
}

/** The number of engine calls in flight (tests). */
export function callsInFlight(): number {
  return active;
}

/** Aborted on the first SIGINT/SIGTERM this process receives. Handlers are installed on first use. */
export function interruptSignal(): AbortSignal {
  if (!controller) {
    const c = new AbortController();
    // Every waiting job listens on this one signal: hundreds at once in a large stack, by design.
    setMaxListeners(0, c.signal);
    const exitSoon = () => setTimeout(() => process.exit(130), FLUSH_MS);
    const onSignal = (signal: NodeJS.Signals) => {
      if (c.signal.aborted) process.exit(130);
      c.abort(signal);
      setTimeout(() => process.exit(130), GRACE_MS);
      if (active === 0) exitSoon();
      else onIdle = exitSoon;
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    controller = c;
  }
  return controller.signal;
}
