/**
 * SIGINT and SIGTERM during a wait. The engine runs each plugin in its own process group and, when it shuts a plugin
 * down (an interrupted or cancelled `pulumi up`), sends it SIGINT and then SIGKILL 5 seconds later; deployment
 * systems send SIGTERM. On either signal every wait stops at once and its job is returned in the init-error shape,
 * so the engine records it and the next `pulumi up` resumes waiting (or `pulumi destroy` cancels it). The process
 * ends once the operations in flight have answered (at once when there are none: the engine closes its plugins
 * with the same signal at the end of every run), or after a grace period, or on a second signal.
 */
import { setMaxListeners } from "node:events";

/** The longest the process stays up after a signal so the recorded jobs reach the engine. */
const GRACE_MS = 3000;
/** Time for the last answers to be written to the engine once every operation has returned. */
const FLUSH_MS = 100;
/** The exit status of a process ended by SIGINT (128 + 2), as shells report it. */
const EXIT_INTERRUPTED = 130;

/**
 * One provider process's interruption: a signal every wait listens on, and the count of engine calls in flight so
 * the process can end as soon as their answers are out.
 */
export class Interrupts {
  private readonly controller = new AbortController();
  private active = 0;
  private onIdle: (() => void) | undefined;
  private installed = false;

  /** `handleProcessSignals`: SIGINT/SIGTERM of this process interrupt (handlers installed on first use). */
  constructor(private readonly handleProcessSignals = false) {
    // Every waiting job listens on this one signal: hundreds at once in a large stack, by design.
    setMaxListeners(0, this.controller.signal);
  }

  /** Aborted on interruption: every wait stops and records its job. */
  get signal(): AbortSignal {
    if (this.handleProcessSignals && !this.installed) this.install();
    return this.controller.signal;
  }

  /** Stops every wait (what a signal does; tests call it directly). */
  interrupt(reason: string): void {
    this.controller.abort(reason);
  }

  /** The number of engine calls in flight. */
  get inFlight(): number {
    return this.active;
  }

  /**
   * Runs one engine call counted in flight: create, read, update, delete and import, the operations that record
   * something in the stack (resource/definition.ts counts them, for both forms).
   */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await fn();
    } finally {
      if (--this.active === 0) this.onIdle?.();
    }
  }

  private install(): void {
    this.installed = true;
    const exitSoon = () => setTimeout(() => process.exit(EXIT_INTERRUPTED), FLUSH_MS);
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
      this.interrupt(signal);
      setTimeout(() => process.exit(EXIT_INTERRUPTED), GRACE_MS);
      if (this.active === 0) exitSoon();
      else this.onIdle = exitSoon;
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
}
