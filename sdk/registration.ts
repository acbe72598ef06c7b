/**
 * How a resource class registers cheaply. While it registers a resource, @pulumi/pulumi wraps the promise of every
 * property in `debuggablePromise`, which reads `new Error().stack` for its report of leaked promises, and every
 * program runs with source-map-support, which maps each frame of each such trace through the source maps. For a job
 * resource (about 20 properties) that was half a millisecond per property: 2.7 s of CPU in the program of a
 * 200-resource preview (`npm run bench -- --profile`), more than the engine's own cost for those resources.
 *
 * Registering with `Error.stackTraceLimit` at 0 makes those traces empty. The resource's own stack trace, which the
 * engine records with its source position, is taken by the SDK with no limit and is unchanged; only a leak report
 * would lose the frames of these promises. The generated plugin SDK does the same (scripts/codegen/main.go).
 */

/** Sets `Error.stackTraceLimit` to 0 for a registration; answers the function that restores it. */
export function withoutPromiseTraces(): () => void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}
