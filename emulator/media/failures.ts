/** How a job processed for real fails when the emulator cannot run it or ffmpeg cannot read its input. */
import { UnsupportedError } from "./ffmpeg-jobs";
import { MissingToolError } from "./tools";

/** Each cloud's codes for a job the emulator cannot run, and for an input ffmpeg cannot read. */
export interface FailureCodes {
  unsupported: string;
  unreadable: string;
}

/** Why processing failed, in a cloud's terms. */
export function failureOf(e: Error, codes: FailureCodes): { code: string; message: string } {
  return e instanceof UnsupportedError || e instanceof MissingToolError
    ? { code: codes.unsupported, message: `The emulator could not run this job: ${e.message}` }
    : { code: codes.unreadable, message: `The input media cannot be processed: ${e.message}` };
}
