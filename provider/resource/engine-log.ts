/**
 * Lines shown by the engine against a resource: permanent info lines (what happened), and ephemeral ones (the
 * status while a job waits), which the engine shows in the resource's row and drops once replaced, as
 * pulumi-kubernetes' "Waiting for Job…" lines. Every provider process the engine starts gets the engine's address
 * as its argument: the plugin, and the dynamic-provider process (`pulumi-resource-pulumi-nodejs`), whose own
 * protocol carries no way to log, so both forms show the same lines the same way.
 */
import { engine, engineService, grpc } from "../plugin/rpc";
import type { OperationEnv } from "./definition";

/** The engine's address among a provider process's arguments (after flags such as `--logtostderr`, `-v=N`). */
export function engineAddressOf(args: readonly string[]): string | undefined {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--tracing") i++;
    else if (!arg.startsWith("-")) rest.push(arg);
  }
  return rest[0];
}

export class EngineLog {
  private readonly client: InstanceType<typeof engineService.EngineClient>;

  constructor(address: string) {
    this.client = new engineService.EngineClient(address, grpc.credentials.createInsecure());
  }

  /** A line against the resource `urn`; `ephemeral` for a status that the next one replaces. */
  write(urn: string, line: string, ephemeral: boolean): void {
    const req = new engine.LogRequest().setSeverity(engine.LogSeverity.INFO).setMessage(line).setUrn(urn)
      .setEphemeral(ephemeral);
    this.client.log(req, () => { /* a line the engine did not take is not worth failing the operation */ });
  }

  /** An operation's log and status lines against `urn`. */
  linesFor(urn: string): Pick<OperationEnv, "log" | "status"> {
    return { log: (line) => this.write(urn, line, false), status: (line) => this.write(urn, line, true) };
  }

  close(): void {
    this.client.close();
  }
}
