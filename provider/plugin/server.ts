/**
 * The mediajobs provider plugin: Pulumi's ResourceProvider gRPC service over the provider core. It implements
 * what `@pulumi/pulumi/provider`'s server lacks: the provider's own config and secrets (Configure, CheckConfig,
 * DiffConfig), detailed diffs, previews of create and update, the program's custom timeouts, import (Read without
 * properties), and Cancel, which stops every wait and records the running jobs like SIGINT does.
 */
import { ConfigurationError, MediaJobsError, NotInitializedError } from "../errors";
import type { Diff } from "../lifecycle/diff";
import type { PollSchedule } from "../lifecycle/poller";
import { ProviderContext } from "../lifecycle/provider-context";
import { Interrupts } from "../lifecycle/interrupt";
import { engineFailures, OperationEnv, Props, WaitLimit } from "../resource/definition";
import { EngineLog } from "../resource/engine-log";
import { DYNAMIC_PROVIDER_KEY, IDENTITY_KEY, typeOfUrn } from "../resource/identity";
import { resourceOfToken } from "../resources";
import { packageSchema } from "../schema/package-schema";
import { changedSettings, checkConfig, configSource } from "./config";
import { Any, Empty, grpc, plugin, provider as proto, status } from "./rpc";
import { listen, ServiceHandlers } from "./listen";
import { fromStruct, toStruct } from "./values";

type RpcError = { code: number; details: string; metadata?: InstanceType<typeof grpc.Metadata> };
type Handler<Req, Res> = (call: { request: Req }, callback: (err: RpcError | null, res?: Res) => void) => void;

export interface PluginOptions {
  /** The plugin's version, answered by GetPluginInfo and written into the schema. */
  version: string;
  /** The engine's address, to log against resources; without it lines go to stderr. */
  engineAddress?: string;
  /** What the provider shares among its resources (default: a fresh one, interrupted by SIGINT/SIGTERM too). */
  context?: ProviderContext;
  /** Poll schedule while waiting (tests shorten it). */
  poll?: PollSchedule;
}

/** The plugin's service: one per plugin process, so one provider configuration (the engine starts one per provider). */
export class MediaJobsPlugin {
  readonly ctx: ProviderContext;
  private readonly engineLog: EngineLog | undefined;

  constructor(private readonly options: PluginOptions) {
    this.ctx = options.context ?? new ProviderContext({ interrupts: new Interrupts(true) });
    this.engineLog = options.engineAddress ? new EngineLog(options.engineAddress) : undefined;
  }

  /** The handlers of the ResourceProvider service, for `grpc.Server.addService`. */
  handlers(): Record<string, Handler<any, any>> {
    return {
      getPluginInfo: unary(async () => new plugin.PluginInfo().setVersion(this.options.version)),
      getSchema: unary(async (req: proto.GetSchemaRequest) => {
        if (req.getVersion() !== 0) {
          throw new ConfigurationError(`the mediajobs provider serves schema version 0; the engine asked for version ` +
            `${req.getVersion()}.`);
        }
        return new proto.GetSchemaResponse().setSchema(JSON.stringify(packageSchema(this.options.version)));
      }),
      checkConfig: unary(async (req: proto.CheckRequest) => this.checkConfig(req)),
      diffConfig: unary(async (req: proto.DiffRequest) => this.diffConfig(req)),
      configure: unary(async (req: proto.ConfigureRequest) => this.configure(req)),
      check: unary(async (req: proto.CheckRequest) => this.check(req)),
      diff: unary(async (req: proto.DiffRequest) => this.diff(req)),
      create: unary((req: proto.CreateRequest) => this.create(req)),
      read: unary((req: proto.ReadRequest) => this.read(req)),
      update: unary((req: proto.UpdateRequest) => this.update(req)),
      delete: unary((req: proto.DeleteRequest) => this.delete(req)),
      cancel: unary(async () => {
        this.ctx.interrupts.interrupt("the operation was cancelled (Ctrl-C)");
        return new Empty();
      }),
      attach: unary(async () => new Empty()),
    };
  }

  private checkConfig(req: proto.CheckRequest): proto.CheckResponse {
    const failures = checkConfig(fromStruct(req.getNews()));
    // The inputs go back as they came, secrets still marked.
    const resp = new proto.CheckResponse().setInputs(req.getNews());
    return resp.setFailuresList(failures.map((f) => new proto.CheckFailure().setProperty(f.property)
      .setReason(f.reason)));
  }

  /** New credentials, endpoints or limits apply in place: the provider, and so its resources, are never replaced. */
  private diffConfig(req: proto.DiffRequest): proto.DiffResponse {
    const olds = fromStruct(req.getOldInputs() ?? req.getOlds());
    const news = fromStruct(req.getNews());
    const changed = changedSettings(olds, news).map((s) => s.providerKey);
    return diffResponse({ changes: changed.length > 0, replaces: [], updates: changed, deleteBeforeReplace: false },
      olds, news);
  }

  private configure(req: proto.ConfigureRequest): proto.ConfigureResponse {
    const variables = new Map(req.getVariablesMap().toArray());
    this.ctx.settings.useStackConfig(configSource(variables), "provider");
    // Resource operations get no secrets (the engine marks the outputs of secret inputs secret again) and no
    // resource references; previews of create and update come here.
    return new proto.ConfigureResponse().setAcceptsecrets(false).setAcceptresources(false).setAcceptoutputs(false)
      .setSupportspreview(true);
  }

  private async check(req: proto.CheckRequest): Promise<proto.CheckResponse> {
    const urn = req.getUrn();
    const news = fromStruct(req.getNews());
    const result = resourceOfToken(typeOfUrn(urn)).lifecycle.check({ news, urn, env: this.env(urn) });
    return new proto.CheckResponse().setInputs(toStruct(result.inputs)).setFailuresList(
      engineFailures(result.failures, news).map((f) => new proto.CheckFailure().setProperty(f.property)
        .setReason(f.reason)));
  }

  private async diff(req: proto.DiffRequest): Promise<proto.DiffResponse> {
    const [id, urn] = [req.getId(), req.getUrn()];
    const [olds, news] = [fromStruct(req.getOlds()), fromStruct(req.getNews())];
    return diffResponse(resourceOfToken(typeOfUrn(urn)).lifecycle.diff({ id, olds, news, urn, env: this.env(urn) }),
      olds, news);
  }

  private async create(req: proto.CreateRequest): Promise<proto.CreateResponse> {
    const urn = req.getUrn();
    const inputs = fromStruct(req.getProperties());
    const { id, outs } = await resourceOfToken(typeOfUrn(urn)).lifecycle.create({ inputs,
      preview: req.getPreview(), urn, env: this.env(urn), ...this.limit(req.getTimeout(), "create") });
    // A preview answers the inputs themselves (defineResource): they go back as they came, with no conversion. The
    // engine sends the inputs this plugin's check answered, which hold no nulls and (acceptSecrets is off) no secrets.
    const props = outs === inputs ? req.getProperties() : undefined;
    return new proto.CreateResponse().setId(id).setProperties(props ?? toStruct(outs));
  }

  private async update(req: proto.UpdateRequest): Promise<proto.UpdateResponse> {
    const [id, urn] = [req.getId(), req.getUrn()];
    const outs = await resourceOfToken(typeOfUrn(urn)).lifecycle.update({ id, olds: fromStruct(req.getOlds()),
      inputs: fromStruct(req.getNews()), preview: req.getPreview(), urn, env: this.env(urn),
      ...this.limit(req.getTimeout(), "update") });
    return new proto.UpdateResponse().setProperties(toStruct(outs));
  }

  /** Refresh with the recorded properties; import (`pulumi import`, the `import` option) without any. */
  private async read(req: proto.ReadRequest): Promise<proto.ReadResponse> {
    const [id, urn] = [req.getId(), req.getUrn()];
    const props = fromStruct(req.getProperties());
    const { lifecycle } = resourceOfToken(typeOfUrn(urn));
    if (Object.keys(props).length === 0) {
      const imported = await lifecycle.import({ id, urn, env: this.env(urn) });
      if (!imported) return new proto.ReadResponse();
      return new proto.ReadResponse().setId(imported.id).setProperties(toStruct(imported.outs))
        .setInputs(toStruct(imported.inputs));
    }
    // A resource moved from the dynamic provider (an alias) still carries its hidden inputs: dropped here.
    delete props[DYNAMIC_PROVIDER_KEY];
    delete props[IDENTITY_KEY];
    const current = await lifecycle.read({ id, props, urn, env: this.env(urn) });
    if (!current) return new proto.ReadResponse();
    const resp = new proto.ReadResponse().setId(id).setProperties(toStruct(current));
    const inputs = req.getInputs();
    return inputs ? resp.setInputs(inputs) : resp;
  }

  private async delete(req: proto.DeleteRequest): Promise<Empty> {
    const [id, urn] = [req.getId(), req.getUrn()];
    await resourceOfToken(typeOfUrn(urn)).lifecycle.delete({ id, props: fromStruct(req.getProperties()), urn,
      env: this.env(urn) });
    return new Empty();
  }

  /** An operation's environment: the provider's context, and lines that reach the engine against the resource. */
  private env(urn: string): OperationEnv {
    const lines = this.engineLog?.linesFor(urn) ?? {
      log: (line: string) => process.stderr.write(`${line}\n`), status: () => {},
    };
    return { ctx: this.ctx, ...lines, ...(this.options.poll ? { poll: this.options.poll } : {}) };
  }

  /** The program's custom timeout for this operation, if it set one (the engine sends 0 otherwise). */
  private limit(timeoutSeconds: number, operation: "create" | "update"): { limit?: WaitLimit } {
    return timeoutSeconds > 0 ? { limit: { seconds: timeoutSeconds, source: `customTimeouts.${operation}` } } : {};
  }
}

/** A diff as the engine takes it: which keys changed, and for each whether it is added, deleted or updated. */
function diffResponse(diff: Diff, olds: Props, news: Props): proto.DiffResponse {
  const { DiffChanges } = proto.DiffResponse;
  const resp = new proto.DiffResponse().setChanges(diff.changes ? DiffChanges.DIFF_SOME : DiffChanges.DIFF_NONE)
    .setReplacesList(diff.replaces).setDeletebeforereplace(diff.deleteBeforeReplace)
    .setDiffsList([...diff.replaces, ...diff.updates]).setHasdetaileddiff(true);
  const detailed = resp.getDetaileddiffMap();
  const { Kind } = proto.PropertyDiff;
  for (const [keys, replace] of [[diff.replaces, true], [diff.updates, false]] as const) {
    for (const key of keys) {
      const kind = olds[key] === undefined ? (replace ? Kind.ADD_REPLACE : Kind.ADD)
        : news[key] === undefined ? (replace ? Kind.DELETE_REPLACE : Kind.DELETE)
          : replace ? Kind.UPDATE_REPLACE : Kind.UPDATE;
      detailed.set(key, new proto.PropertyDiff().setKind(kind).setInputdiff(true));
    }
  }
  return resp;
}

/** A unary gRPC handler over an async function; errors answer as the engine reads them (see errorOf). */
function unary<Req, Res>(fn: (req: Req) => Promise<Res>): Handler<Req, Res> {
  return (call, callback) => {
    fn(call.request).then((res) => callback(null, res), (e) => callback(errorOf(e as Error)));
  };
}

/**
 * An error as the engine shows it. A job that was submitted but did not finish (NotInitializedError) carries its
 * id and outputs as `ErrorResourceInitFailed`, so the engine records it and the next `up` resumes waiting.
 */
function errorOf(e: Error): RpcError {
  const message = shortened(e instanceof MediaJobsError ? e.message : String(e.stack ?? e.message));
  if (!(e instanceof NotInitializedError)) return { code: grpc.status.UNKNOWN, details: message };
  const failed = new proto.ErrorResourceInitFailed().setId(e.id).setProperties(toStruct(e.properties))
    .setReasonsList(e.reasons);
  const detail = new Any();
  detail.pack(failed.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const rpcStatus = new status.Status().setCode(grpc.status.UNKNOWN).setMessage(message).setDetailsList([detail]);
  const metadata = new grpc.Metadata();
  metadata.add("grpc-status-details-bin", Buffer.from(rpcStatus.serializeBinary()));
  return { code: grpc.status.UNKNOWN, details: message, metadata };
}

/**
 * The longest message an error answers with. gRPC carries it in a trailer, and one past HTTP/2's header limits never
 * reaches the engine: the call would wait for its deadline (a message quoting a huge id or name did).
 */
const MAX_MESSAGE = 4000;

function shortened(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}

/** Starts the service on a loopback port; answers the port (which the plugin prints for the engine). */
export function serve(service: MediaJobsPlugin): ReturnType<typeof listen> {
  return listen(service.handlers() as unknown as ServiceHandlers);
}
