/**
 * The plugin's resources, by token: the same lifecycles the dynamic providers run (provider/lifecycle for the jobs,
 * PipelineLifecycle for MediaPipeline), each call with the plugin's context and a log that reaches the engine
 * against the resource.
 */
import type { CheckResult } from "../check/checker";
import { CI_MEDIA_JOB_SPEC } from "../ci-media-job/provider";
import { ValidationError } from "../errors";
import { INVENTORY_TRIGGER_JOB_SPEC } from "../inventory-trigger-job/provider";
import { IPRODUCTION_JOB_SPEC } from "../iproduction-job/provider";
import type { Diff } from "../lifecycle/diff";
import { JobComputed, JobLifecycle, JobSpec, WaitLimit } from "../lifecycle/job-provider";
import type { PollSchedule } from "../lifecycle/poller";
import type { ProviderEnv } from "../lifecycle/provider-context";
import type { Imported } from "../media-pipeline/backend";
import { IMPORT_ID_FORMATS, PipelineLifecycle } from "../media-pipeline/provider";
import { tokenOf } from "../schema/package-schema";

type Props = Record<string, unknown>;

/** What one engine call gives a resource: the provider's context and log, and the program's custom timeout. */
export interface Call {
  env: ProviderEnv;
  /** From the program's `customTimeouts` (create or update); none when it set none. */
  limit?: WaitLimit;
  /** Poll schedule while waiting (tests shorten it). */
  poll?: PollSchedule;
}

/** One resource type as the plugin serves it. */
export interface PluginResource {
  check(news: Props, call: Call): CheckResult;
  diff(olds: Props, news: Props, call: Call): Diff;
  create(news: Props, call: Call): Promise<{ id: string; outs: Props }>;
  /** The outputs an update will have, as far as they are known before it runs (`pulumi preview`). */
  previewUpdate(id: string, olds: Props, news: Props, call: Call): Props;
  update(id: string, olds: Props, news: Props, call: Call): Promise<Props>;
  /** Refresh: the outputs as the cloud reports them now; undefined when the resource is gone. */
  read(id: string, props: Props, call: Call): Promise<Props | undefined>;
  /** `pulumi import` and the `import` option: inputs and outputs of an existing resource, by the id given. */
  import(id: string, call: Call): Promise<Imported | undefined>;
  delete(id: string, props: Props, call: Call): Promise<void>;
}

function jobResource<C extends JobComputed>(spec: JobSpec<C>): PluginResource {
  const job = (call: Call) => new JobLifecycle(spec, { context: call.env.ctx, log: call.env.log, poll: call.poll });
  return {
    check: (news, call) => job(call).check(news),
    diff: (olds, news, call) => job(call).diff(olds, news),
    create: async (news, call) => {
      const { id, outs } = await job(call).create(news, call.limit);
      return { id, outs: outs ?? {} };
    },
    // A job that has ended keeps its outputs (only the waiting knobs update in place); one still running is awaited.
    previewUpdate: (id, olds, news, call) => job(call).settledOutcome(id, olds, news) ?? { ...news, jobId: id },
    update: async (id, olds, news, call) => (await job(call).update(id, olds, news, call.limit)).outs ?? {},
    read: async (id, props, call) => {
      const { id: found, props: outs } = await job(call).read(id, props);
      return found ? outs : undefined;
    },
    import: async (id) => {
      throw new ValidationError(`${spec.kind} ${id} cannot be imported: a job is submitted by the stack that ` +
        `declares it, and its inputs cannot be read back from the cloud. Declare it in the program to run it; ` +
        `only MediaPipeline can be imported (${IMPORT_ID_FORMATS}).`);
    },
    delete: (id, props, call) => job(call).delete(id, props),
  };
}

const pipelines = (call: Call) => new PipelineLifecycle(call.env);

const mediaPipeline: PluginResource = {
  check: (news, call) => pipelines(call).check(news),
  diff: (olds, news, call) => pipelines(call).diff(olds, news),
  create: (news, call) => pipelines(call).create(news),
  // Settings update in place: the new ones over what was recorded (ids, speed and the adopted queue's original).
  previewUpdate: (_id, olds, news) => ({ ...olds, ...news }),
  update: (id, olds, news, call) => pipelines(call).update(id, olds, news),
  read: (id, props, call) => pipelines(call).read(id, props),
  import: (id, call) => pipelines(call).import(id),
  delete: (id, props, call) => pipelines(call).delete(id, props),
};

/** Every resource of the package by its token (`mediajobs:index:<Name>`). */
export const PLUGIN_RESOURCES: ReadonlyMap<string, PluginResource> = new Map([
  [tokenOf("CiMediaJob"), jobResource(CI_MEDIA_JOB_SPEC)],
  [tokenOf("InventoryTriggerJob"), jobResource(INVENTORY_TRIGGER_JOB_SPEC)],
  [tokenOf("IProductionJob"), jobResource(IPRODUCTION_JOB_SPEC)],
  [tokenOf("MediaPipeline"), mediaPipeline],
]);
