/**
 * `pulumi-resource-mediajobs`: the entry of the provider plugin. The engine starts it with its own address as the
 * argument (after flags such as `--logtostderr`, `-v=N`, `--tracing <endpoint>`), reads the port it prints on
 * stdout, and talks gRPC to it; `bin/pulumi-resource-mediajobs` runs this file after `npm run build`.
 */
import { engineAddressOf } from "../resource/engine-log";
import { MediaJobsPlugin, serve } from "./server";
import { packageVersion } from "./version";

/** Serves the plugin at this version (the package's, or the one the release was built with). */
export async function main(version: string = packageVersion()): Promise<void> {
  const engineAddress = engineAddressOf(process.argv.slice(2));
  const plugin = new MediaJobsPlugin({ version, ...(engineAddress ? { engineAddress } : {}) });
  const { port } = await serve(plugin);
  // The engine reads the port from the first line of stdout; nothing else is written there.
  process.stdout.write(`${port}\n`);
}

/** Runs the plugin as a process: a failure to start is printed and exits 1. */
export function start(version?: string): void {
  main(version).catch((e: Error) => {
    process.stderr.write(`pulumi-resource-mediajobs: ${e.stack ?? e.message}\n`);
    process.exit(1);
  });
}

if (require.main === module) start();
