/**
 * The dynamic form's adapter: a resource's lifecycle as a `pulumi.dynamic.ResourceProvider`. The dynamic protocol
 * passes neither the resource's URN nor a preview flag nor a time limit: the URN comes from the hidden input
 * `__identity` the SDK sets (split off here, and kept in the outputs as before), previews never reach create or
 * update, and the wait is limited by `timeoutSeconds` alone. Progress lines reach the engine against the resource
 * when the process was started by the engine (engine-log.ts); otherwise (a provider driven by a user's own tests)
 * they go to the console.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { NotInitializedError } from "../errors";
import type { PollSchedule } from "../lifecycle/poller";
import { ProviderContext, providerProcessContext } from "../lifecycle/provider-context";
import { engineFailures, OperationEnv, Props, ResourceDefinition } from "./definition";
import { EngineLog, engineAddressOf } from "./engine-log";
import { DYNAMIC_PROVIDER_KEY, IDENTITY_KEY, parseUrn } from "./identity";

/** How a dynamic provider is made (the options of `create…Provider` in `pulumi-mediajobs/provider`). */
export interface DynamicProviderOptions {
  /** What the provider shares with the others of its process (default: this process's own). */
  context?: ProviderContext;
  /** Where the lines that stay go (default: to the engine against the resource, or the console outside one). */
  log?: (line: string) => void;
  /** Where status lines go while a job waits (default: the engine's; none outside an engine). */
  status?: (line: string) => void;
  /** Poll schedule while waiting (tests shorten it). */
  poll?: PollSchedule;
}

/**
 * The inputs as the lifecycle takes them, without the two hidden ones: the provider's code (`__provider`) and the
 * resource's URN (`__identity`); `kept` holds both, to go back into everything the engine records.
 */
function split(props: Props): { urn: string | undefined; inputs: Props; kept: Props } {
  const { [IDENTITY_KEY]: identity, [DYNAMIC_PROVIDER_KEY]: code, ...inputs } = props;
  const urn = typeof identity === "string" && identity !== "" ? identity : undefined;
  return { urn, inputs, kept: { ...(code !== undefined ? { [DYNAMIC_PROVIDER_KEY]: code } : {}),
    ...(urn ? { [IDENTITY_KEY]: urn } : {}) } };
}

/** A job recorded as not finished keeps the hidden inputs in its recorded state, as every other answer does. */
async function keeping<T>(kept: Props, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof NotInitializedError ? e.withProperties(kept) : e;
  }
}

let processEngineLog: EngineLog | null | undefined;

/**
 * The engine's log when this process is the dynamic-provider host the engine started (it runs
 * `@pulumi/pulumi/cmd/dynamic-provider` with the engine's address as its argument); null otherwise.
 */
function engineLogOfProcess(): EngineLog | null {
  if (processEngineLog === undefined) {
    const host = /[\\/]cmd[\\/]dynamic-provider([\\/]index\.js)?$/.test(require.main?.filename ?? "");
    const address = host ? engineAddressOf(process.argv.slice(2)) : undefined;
    processEngineLog = address ? new EngineLog(address) : null;
  }
  return processEngineLog;
}

/** The resource's lifecycle as a dynamic provider; each operation's request is built here and nowhere else. */
export function dynamicProvider(definition: ResourceDefinition, options: DynamicProviderOptions = {}):
  dynamic.ResourceProvider {
  const { lifecycle } = definition;
  const ctx = () => options.context ?? providerProcessContext();
  const env = (urn: string | undefined): OperationEnv => {
    const engineLog = options.log || options.status ? null : engineLogOfProcess();
    const lines = urn && parseUrn(urn) && engineLog ? engineLog.linesFor(urn)
      : { log: options.log ?? ((line: string) => console.log(line)), status: options.status ?? (() => {}) };
    return { ctx: ctx(), ...lines, ...(options.poll ? { poll: options.poll } : {}) };
  };
  return {
    configure: async (req: dynamic.ConfigureRequest) => ctx().configure(req),
    async check(_olds: Props, news: Props): Promise<dynamic.CheckResult> {
      const { urn, inputs, kept } = split(news);
      const result = lifecycle.check({ news: inputs, urn, env: env(urn) });
      return { inputs: { ...result.inputs, ...kept }, failures: engineFailures(result.failures, inputs) };
    },
    async diff(id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
      const { urn, inputs } = split(news);
      return lifecycle.diff({ id, olds: split(olds).inputs, news: inputs, urn, env: env(urn) });
    },
    async create(props: Props): Promise<dynamic.CreateResult> {
      const { urn, inputs, kept } = split(props);
      const { id, outs } = await keeping(kept, () => lifecycle.create({ inputs, preview: false, urn, env: env(urn) }));
      return { id, outs: { ...outs, ...kept } };
    },
    async update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult> {
      const { urn, inputs, kept } = split(news);
      const outs = await keeping(kept, () =>
        lifecycle.update({ id, olds: split(olds).inputs, inputs, preview: false, urn, env: env(urn) }));
      return { outs: { ...outs, ...kept } };
    },
    async read(id: string, props: Props): Promise<dynamic.ReadResult> {
      const { urn, inputs, kept } = split(props);
      const outs = await lifecycle.read({ id, props: inputs, urn, env: env(urn) });
      return outs ? { id, props: { ...outs, ...kept } } : { id: "", props: {} };
    },
    async delete(id: string, props: Props): Promise<void> {
      const { urn, inputs } = split(props);
      await lifecycle.delete({ id, props: inputs, urn, env: env(urn) });
    },
  };
}
