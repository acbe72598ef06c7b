/**
 * A ResourceProvider service on a loopback port, for the engine to reach at the port the plugin prints. Apart from
 * server.ts so that a plugin can serve its own handlers without loading the provider (the benchmark's trivial plugin).
 */
import { grpc, providerService } from "./rpc";

/** What `addService` takes: a handler for each method of the service (absent ones answer UNIMPLEMENTED). */
export type ServiceHandlers = Parameters<InstanceType<typeof grpc.Server>["addService"]>[1];

/** Serves `handlers` on 127.0.0.1 at a free port; answers the port. */
export async function listen(handlers: ServiceHandlers):
  Promise<{ port: number; server: InstanceType<typeof grpc.Server> }> {
  // No channelz: nothing reads its call counters, and keeping them costs every call.
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024, "grpc.enable_channelz": 0 });
  server.addService(providerService.ResourceProviderService, handlers);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0",
    grpc.ServerCredentials.createInsecure(), (err, p) => err ? reject(err) : resolve(p)));
  return { port, server };
}
