/**
 * One resource, as both forms serve it: its declaration (the shape) and its lifecycle, whose operations each take
 * one typed request carrying the inputs, the resource's identity (its URN), whether it is a preview, the time limit
 * and the environment. The dynamic adapter (resource/dynamic.ts) and the plugin (plugin/server.ts) only translate
 * their protocol into these requests: nothing a resource does is written per form.
 */
import type { CheckFailure, CheckResult } from "../check/checker";
import { validated } from "../check/checker";
import type { Diff } from "../lifecycle/diff";
import type { PollSchedule } from "../lifecycle/poller";
import type { ProviderContext } from "../lifecycle/provider-context";
import type { ResourceSpec } from "../schema/declare";
import type { Cloud } from "../credentials/plan";
import { resourceReadiness } from "../credentials/readiness";

export type Props = Record<string, unknown>;

/** What an operation shares with the rest of its provider process, and where its lines go. */
export interface OperationEnv {
  ctx: ProviderContext;
  /** A line that stays: what happened (submitted, adopted, the result). */
  log(line: string): void;
  /** A status line while the operation waits, replaced by the next one and gone when it ends. */
  status(line: string): void;
  /** Poll schedule while waiting (tests shorten it). */
  poll?: PollSchedule;
}

/** How long one create or update waits, when the program says so (the plugin's `customTimeouts`). */
export interface WaitLimit {
  seconds: number;
  /** What set it, for the message when the wait stops, e.g. `customTimeouts.create`. */
  source: string;
}

interface Request {
  /** The resource's URN (provider/resource/identity.ts); absent when a provider is driven without the engine. */
  urn?: string;
  env: OperationEnv;
}

export interface CheckRequest extends Request {
  news: Props;
}
export interface DiffRequest extends Request {
  id: string;
  /** The recorded outputs (they hold the inputs too). */
  olds: Props;
  news: Props;
}
export interface CreateRequest extends Request {
  inputs: Props;
  /** `pulumi preview`: answer what is known before anything is sent. */
  preview: boolean;
  limit?: WaitLimit;
}
export interface UpdateRequest extends Request {
  id: string;
  olds: Props;
  inputs: Props;
  preview: boolean;
  limit?: WaitLimit;
}
export interface ReadRequest extends Request {
  id: string;
  /** The recorded outputs. */
  props: Props;
}
export interface ImportRequest extends Request {
  /** The id `pulumi import` (or the `import` option) names. */
  id: string;
}
export interface DeleteRequest extends Request {
  id: string;
  props: Props;
}

/** An existing resource adopted by `pulumi import`: its id, its inputs as a program would write them, its outputs. */
export interface Imported {
  id: string;
  inputs: Props;
  outs: Props;
}

/** What a resource does, operation by operation (pulumi-go-provider's `infer` controllers are the model). */
export interface Lifecycle {
  /** The documented rules; the inputs it answers (numbers and booleans normalised) are used from then on. */
  check(req: CheckRequest): CheckResult;
  diff(req: DiffRequest): Diff;
  /** A preview answers the inputs as the outputs known so far. */
  create(req: CreateRequest): Promise<{ id: string; outs: Props }>;
  update(req: UpdateRequest): Promise<Props>;
  /** Refresh: the outputs as the cloud reports them now; undefined when the resource is gone. */
  read(req: ReadRequest): Promise<Props | undefined>;
  /** `pulumi import` and the `import` option; undefined when there is no such resource. */
  import(req: ImportRequest): Promise<Imported | undefined>;
  delete(req: DeleteRequest): Promise<void>;
}

/** One resource of the package: its declaration, the dynamic form's entry, and its lifecycle as both forms run it. */
export interface ResourceDefinition<E extends string = string> {
  spec: ResourceSpec;
  /** `pulumi-mediajobs/provider/<entry>`, the module a dynamic resource's serialized provider requires. */
  entry: E;
  lifecycle: Lifecycle;
}

/**
 * A resource as both forms serve it. What every resource needs around its own lifecycle is added here, once:
 * create and update run check() first (the engine always checks, but a provider driven directly may not), a
 * preview of create answers the inputs, and create, read, update and delete are counted in flight, so an
 * interrupted provider process ends as soon as their answers are out (lifecycle/interrupt.ts).
 */
export function defineResource<E extends string>(spec: ResourceSpec, entry: E, lifecycle: Lifecycle,
  cloudOf: (inputs: Props) => Cloud | undefined): ResourceDefinition<E> {
  const counted = <T>(env: OperationEnv, fn: () => Promise<T>) => env.ctx.interrupts.run(fn);
  const checked = (env: OperationEnv, urn: string | undefined, inputs: Props) =>
    validated(spec.name, (news) => lifecycle.check({ news, urn, env }), inputs);
  return {
    spec,
    entry,
    lifecycle: {
      check: (req) => withReadiness(lifecycle.check(req), req.env, cloudOf),
      diff: (req) => lifecycle.diff(req),
      create: (req) => req.preview ? Promise.resolve({ id: "", outs: req.inputs })
        : counted(req.env, () => lifecycle.create({ ...req, inputs: checked(req.env, req.urn, req.inputs) })),
      update: (req) => req.preview ? lifecycle.update(req)
        : counted(req.env, () => lifecycle.update({ ...req, inputs: checked(req.env, req.urn, req.inputs) })),
      read: (req) => counted(req.env, () => lifecycle.read(req)),
      import: (req) => counted(req.env, () => lifecycle.import(req)),
      delete: (req) => counted(req.env, () => lifecycle.delete(req)),
    },
  };
}

/**
 * A resource's check with what its cloud's settings break (credentials, region): preview stops there, before any
 * resource of the stack is created. A source that only `up` can try (an instance's role, nothing being configured)
 * is a warning, said once per process and cloud.
 */
function withReadiness(result: CheckResult, env: OperationEnv, cloudOf: (inputs: Props) => Cloud | undefined):
  CheckResult {
  const cloud = cloudOf(result.inputs);
  if (!cloud) return result;
  const { failures, warning } = resourceReadiness(env.ctx, cloud);
  if (warning && env.ctx.firstTime(`credential warning ${cloud}`)) env.log(warning);
  return failures.length ? { ...result, failures: [...result.failures, ...failures] } : result;
}

/**
 * Check failures as the engine shows them. The engine prints a failure's property with the input's value
 * (`property bucket value {Bad} has a problem: …`), which reads well for a top-level input that was given; for a
 * nested path or a missing input it would print `value {<nil>}`, so those go without a property: the reason
 * already names the path.
 */
export function engineFailures(failures: readonly CheckFailure[], inputs: Props): CheckFailure[] {
  return failures.map((f) => ({ property: inputs[f.property] === undefined ? "" : f.property, reason: f.reason }));
}
