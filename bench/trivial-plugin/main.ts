/**
 * `pulumi-resource-benchtrivial`: the cheapest provider plugin there is, for the benchmark's plugin baseline (N
 * trivial resources of a plugin: the engine's own cost per plugin resource, with nothing behind it).
 *
 * It makes the engine do for each resource what the mediajobs plugin makes it do, and nothing more: it declares
 * previews (`supportsPreview`, as the mediajobs plugin must, so that an update's preview shows a finished job's
 * outputs), so every `pulumi preview` calls Check and then Create (preview) for each resource, as it does for any
 * provider that declares them. `@pulumi/pulumi/provider`'s server cannot declare previews, so the engine skipped that
 * Create for the baseline and charged it to the mediajobs plugin alone (a fifth of the plugin's preview at N = 200).
 *
 * Each call answers at once from the request's own messages (no conversion of the properties): what it costs is the
 * engine's, gRPC's and the protocol's, the same runtime as the mediajobs plugin's (provider/plugin/rpc.ts).
 */
import { listen, ServiceHandlers } from "../../provider/plugin/listen";
import { Empty, plugin, provider as proto } from "../../provider/plugin/rpc";

type Handler = (call: { request: any }, callback: (err: null, res: unknown) => void) => void;
const answer = (fn: (req: any) => unknown): Handler => (call, callback) => callback(null, fn(call.request));

/** The ResourceProvider service's handlers (those the engine calls for a resource's whole life). */
export const handlers: Record<string, Handler> = {
  getPluginInfo: answer(() => new plugin.PluginInfo().setVersion("0.0.1")),
  getSchema: answer(() => new proto.GetSchemaResponse().setSchema("{}")),
  checkConfig: answer((req: proto.CheckRequest) => new proto.CheckResponse().setInputs(req.getNews())),
  diffConfig: answer(() => new proto.DiffResponse().setChanges(proto.DiffResponse.DiffChanges.DIFF_NONE)),
  configure: answer(() => new proto.ConfigureResponse().setSupportspreview(true)),
  check: answer((req: proto.CheckRequest) => new proto.CheckResponse().setInputs(req.getNews())),
  diff: answer(() => new proto.DiffResponse().setChanges(proto.DiffResponse.DiffChanges.DIFF_NONE)),
  create: answer((req: proto.CreateRequest) => new proto.CreateResponse()
    .setId(`trivial-${String(req.getProperties()?.getFieldsMap().get("n")?.getNumberValue())}`)
    .setProperties(req.getProperties())),
  read: answer((req: proto.ReadRequest) => new proto.ReadResponse().setId(req.getId())
    .setProperties(req.getProperties()).setInputs(req.getInputs())),
  update: answer((req: proto.UpdateRequest) => new proto.UpdateResponse().setProperties(req.getNews())),
  delete: answer(() => new Empty()),
  cancel: answer(() => new Empty()),
};

if (require.main === module) {
  // The engine reads the port from the first line of stdout.
  listen(handlers as unknown as ServiceHandlers).then(({ port }) => process.stdout.write(`${port}\n`), (e: Error) => {
    process.stderr.write(`pulumi-resource-benchtrivial: ${e.message}\n`);
    process.exit(1);
  });
}
