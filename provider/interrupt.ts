/**
 * SIGINT and SIGTERM during a wait. The engine runs each plugin in its own process group and, when it shuts a plugin
 * down (an interrupted or cancelled `pulumi up`), sends it SIGINT and then SIGKILL 5 seconds later; deployment
 * systems send SIGTERM. On either signal every wait stops at once and its job is returned in the init-error shape,
 * so the engine records it and the next `pulumi up` resumes waiting (or `pulumi destroy` cancels it). A second
 * signal, or a grace period, ends the process.
 */

import { setMaxListeners } from "node:events";

/** How long the process stays up after a signal so the recorded jobs reach the engine. */
const GRACE_MS = 3000;

let controller: AbortController | undefined;

/** Aborted on the first SIGINT/SIGTERM this process receives. Handlers are installed on first use. */
export function interruptSignal(): AbortSignal {
  if (!controller) {
    const c = new AbortController();
    // Every waiting job listens on this one signal: hundreds at once in a large stack, by design.
    setMaxListeners(0, c.signal);
    const onSignal = (signal: NodeJS.Signals) => {
      if (c.signal.aborted) process.exit(130);
      c.abort(signal);
      setTimeout(() => process.exit(130), GRACE_MS);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    controller = c;
  }
  return controller.signal;
}
