/**
 * The MediaPipeline provider (design §3). MPS pipelines (`cloud: "alicloud"`) are added and deleted; CI queues
 * (`cloud: "tencentcloud"`) are adopted and restored. Name, state and notify config (and the MPS role) update in
 * place; cloud, region, speed, speedLevel, bucket, queueId and category replace. The lifecycle is shared by the
 * dynamic provider below and the plugin (provider/plugin), which also imports existing pipelines and queues.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { CheckResult, validated } from "../check/checker";
import { ValidationError } from "../errors";
import { Diff, diffInputs } from "../lifecycle/diff";
import { ProviderEnv, providerEnv, ProviderOptions } from "../lifecycle/provider-context";
import { alicloudPipelines, importMpsPipeline } from "./alicloud";
import { Imported, outputs, PipelineBackend, Props } from "./backend";
import { checkMediaPipeline, withDefaults } from "./check";
import { MEDIA_PIPELINE, MEDIA_PIPELINE_SHAPE } from "./shape";
import { importCiQueue, tencentcloudQueues } from "./tencentcloud";

const UPDATABLE: ReadonlySet<string> = new Set(MEDIA_PIPELINE.updatable);
/** Omitted, these keep what the cloud has: not a change. */
const DEFAULTED: Record<string, ReadonlySet<string>> = {
  alicloud: new Set(["speedLevel"]),
  tencentcloud: new Set(["queueId", "category", "name", "state", "notifyConfig"]),
};

const isTencent = (props: Props) => props.cloud === "tencentcloud";
const backendOf = (props: Props): PipelineBackend => isTencent(props) ? tencentcloudQueues : alicloudPipelines;

/**
 * How `pulumi import` names what to adopt: an MPS pipeline by its id (region from the provider), a CI queue as
 * `[<region>/]<BucketName-APPID>/<queueId>` (region from the provider when omitted).
 */
export const IMPORT_ID_FORMATS = "an MPS pipeline id, or a CI queue as [<region>/]<BucketName-APPID>/<queueId>";

/** The documented rules, and MPS's documented defaults filled in so state and diff see what the cloud will hold. */
function checkWithDefaults(news: Props): CheckResult {
  const { inputs, failures } = checkMediaPipeline(news);
  return { inputs: failures.length ? inputs : withDefaults(inputs), failures };
}

/** One MediaPipeline operation's lifecycle, over the backend of the resource's cloud. */
export class PipelineLifecycle {
  constructor(readonly env: ProviderEnv) {}

  check(news: Props): CheckResult {
    return checkWithDefaults(news);
  }

  /** An omitted region is the provider's: recorded without one (imported) or naming it, the pipeline is the same. */
  diff(olds: Props, news: Props): Diff {
    const region = this.env.ctx.settings.defaultRegion(isTencent(news) ? "ci" : "mps");
    const diff = diffInputs(olds, news, { inputNames: MEDIA_PIPELINE_SHAPE.inputs, updatable: UPDATABLE,
      defaultedByCloud: DEFAULTED[String(news.cloud)], ...(region ? { implied: { region } } : {}) });
    // An adopted CI queue is restored before another adoption, which may be of the same queue.
    return { ...diff, deleteBeforeReplace: isTencent(olds) && diff.replaces.length > 0 };
  }

  async create(given: Props): Promise<{ id: string; outs: Props }> {
    const props = validated("MediaPipeline", checkWithDefaults, given);
    const { id, computed } = await backendOf(props).create(props, this.env);
    return { id, outs: outputs(props, computed) };
  }

  async update(id: string, olds: Props, given: Props): Promise<Props> {
    const news = validated("MediaPipeline", checkWithDefaults, given);
    return outputs(news, await backendOf(news).update(id, olds, news, this.env));
  }

  /** What the cloud holds now; undefined when the pipeline or queue is gone. */
  async read(id: string, props: Props): Promise<Props | undefined> {
    const current = await backendOf(props).read(id, props, this.env);
    return current && outputs(props, current);
  }

  delete(id: string, props: Props): Promise<void> {
    return backendOf(props).delete(id, props, this.env);
  }

  /**
   * Adopts an existing pipeline or queue into the stack (`pulumi import`, the `import` option): its inputs as a
   * program would write them, and its outputs. An adopted CI queue's settings at import are what destroy restores.
   */
  import(ref: string): Promise<Imported | undefined> {
    const parts = ref.split("/");
    if (parts.every(Boolean)) {
      if (parts.length === 1) return importMpsPipeline(ref, this.env);
      if (parts.length === 2) return importCiQueue({ bucket: parts[0]!, queueId: parts[1]! }, this.env);
      if (parts.length === 3) return importCiQueue({ region: parts[0]!, bucket: parts[1]!, queueId: parts[2]! }, this.env);
    }
    throw new ValidationError(`MediaPipeline cannot import "${ref}": give ${IMPORT_ID_FORMATS}.`);
  }
}

export type MediaPipelineProviderOptions = ProviderOptions;

/** `options` may also be the log function alone (as in 0.1). */
export function createMediaPipelineProvider(options: MediaPipelineProviderOptions | ((line: string) => void) = {}):
  dynamic.ResourceProvider {
  const pipelines = new PipelineLifecycle(providerEnv(typeof options === "function" ? { log: options } : options));
  return pipelines.env.ctx.interrupts.track({
    configure: async (req: dynamic.ConfigureRequest) => pipelines.env.ctx.configure(req),
    check: async (_olds: Props, news: Props): Promise<dynamic.CheckResult> => pipelines.check(news),
    diff: async (_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> => pipelines.diff(olds, news),
    create: (given: Props): Promise<dynamic.CreateResult> => pipelines.create(given),
    update: async (id: string, olds: Props, given: Props): Promise<dynamic.UpdateResult> =>
      ({ outs: await pipelines.update(id, olds, given) }),
    async read(id: string, props: Props): Promise<dynamic.ReadResult> {
      const current = await pipelines.read(id, props);
      return current ? { id, props: current } : { id: "", props: {} };
    },
    delete: (id: string, props: Props) => pipelines.delete(id, props),
  });
}

/** The provider that `pulumi-mediajobs`' MediaPipeline resources use. */
export const mediaPipelineProvider: dynamic.ResourceProvider = createMediaPipelineProvider();
