/**
 * How long the clouds remember a job after it ended. Neither keeps jobs for ever (CI lists jobs of the last months,
 * MPS queries answer for a limited time), and a provider must keep a finished job's result when the cloud forgets
 * it: `jobHistorySeconds` (`--job-history-seconds`) makes the emulator forget ended jobs, batches and smart-production
 * jobs that long after their end. By default it remembers them for ever.
 */

/** Whether an ended job has aged out of a history that keeps jobs `historyMs` after their end. */
export function agedOut(endedAt: number | undefined, now: number, historyMs: number | undefined): boolean {
  return historyMs !== undefined && endedAt !== undefined && now - endedAt >= historyMs;
}
