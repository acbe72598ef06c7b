/**
 * Submitting without duplicates. A submission whose answer is lost after it may have reached the cloud (the
 * connection dropped after sending, a timeout, a 5xx, a garbled 200) is never repeated blindly: the request
 * carries a unique marker, the job is looked up by it, and adopted if found. Only when the lookup shows the job
 * does not exist is the same request (same marker) sent again.
 */
import { randomBytes } from "node:crypto";
import { CloudApiError } from "./errors";
import { TransportError } from "./http/transport";

/** A marker to carry in a submission's UserData (when the user left it empty). */
export function newMarker(): string {
  return `mediajobs-${randomBytes(12).toString("hex")}`;
}

/** Whether a failed submission may nonetheless have been processed by the cloud. */
export function isAmbiguous(error: unknown): boolean {
  if (error instanceof TransportError) return error.sent;
  if (error instanceof CloudApiError) return error.status >= 500 || error.vendorCode === "InvalidResponse";
  return false;
}

export interface SubmitOnceOptions<T> {
  submit: () => Promise<T>;
  /** Looks the submission up (by its marker); undefined when the cloud has no such job. */
  find: () => Promise<T | undefined>;
  /** Submissions at most (default 3). */
  attempts?: number;
  /** Lookups after an ambiguous failure, and the pause between them (a new job may take a moment to be listed). */
  lookups?: number;
  lookupDelayMs?: number;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export async function submitOnce<T>(opts: SubmitOnceOptions<T>): Promise<T> {
  const attempts = opts.attempts ?? 3;
  const lookups = opts.lookups ?? 3;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await opts.submit();
    } catch (e) {
      if (!isAmbiguous(e) || attempt >= attempts) throw e;
      for (let i = 0; i < lookups; i++) {
        const found = await opts.find();
        if (found) {
          opts.log?.(`the answer to a submission was lost (${(e as Error).message}); the job it created was found ` +
            `and adopted instead of submitting again`);
          return found;
        }
        await sleep(opts.lookupDelayMs ?? 1000);
      }
      opts.log?.(`the answer to a submission was lost (${(e as Error).message}) and no job was created: submitting again`);
    }
  }
}
