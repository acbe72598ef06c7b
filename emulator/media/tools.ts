/**
 * ffmpeg and ffprobe for the emulator's real media processing. They come from the npm packages that ship the
 * binaries (`@ffmpeg-installer/ffmpeg`, `@ffprobe-installer/ffprobe`: optional peer dependencies of this package,
 * devDependencies of its repository), or from `MEDIAJOBS_FFMPEG` / `MEDIAJOBS_FFPROBE`. Nothing is downloaded.
 */
import { execFile } from "node:child_process";
import { accessSync, chmodSync, constants, statSync } from "node:fs";

export interface MediaTools {
  ffmpeg: string;
  ffprobe: string;
}

/** Thrown (as the job's failure) when real media is to be processed and a tool cannot be found. */
export class MissingToolError extends Error {}

let found: MediaTools | MissingToolError | undefined;

/** The tools, found once per process; an error saying how to install them when they cannot be. */
export function mediaTools(): MediaTools {
  found ??= locate();
  if (found instanceof Error) throw found;
  return found;
}

function locate(): MediaTools | MissingToolError {
  try {
    return {
      ffmpeg: executable(process.env.MEDIAJOBS_FFMPEG || packagedPath("@ffmpeg-installer/ffmpeg")),
      ffprobe: executable(process.env.MEDIAJOBS_FFPROBE || packagedPath("@ffprobe-installer/ffprobe")),
    };
  } catch (e) {
    return new MissingToolError("The emulator processes real media with ffmpeg and ffprobe: install " +
      "@ffmpeg-installer/ffmpeg and @ffprobe-installer/ffprobe next to pulumi-mediajobs, or set MEDIAJOBS_FFMPEG " +
      `and MEDIAJOBS_FFPROBE to executables (${e instanceof Error ? e.message : String(e)}).`);
  }
}

function packagedPath(name: string): string {
  // Their index modules throw a string (not an Error) on an unsupported platform.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(name) as { path: string }).path;
}

/** The path, made executable when an install skipped the package's own `chmod` (npm without install scripts). */
function executable(path: string): string {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    chmodSync(path, statSync(path).mode | 0o111);
  }
  return path;
}

/** Runs a tool; rejects with its last lines of stderr when it fails. */
export function run(tool: string, args: string[], timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const tail = String(stderr).trim().split("\n").slice(-3).join(" | ");
      reject(new Error(`${tool.split("/").pop()} failed: ${tail || err.message}`));
    });
  });
}
