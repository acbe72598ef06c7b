/**
 * The MediaPipeline dynamic provider (design §3). MPS pipelines (`cloud: "alicloud"`) are added and deleted;
 * CI queues (`cloud: "tencentcloud"`) are adopted and restored. Name, state and notify config (and the MPS role)
 * update in place; cloud, region, speed, speedLevel, bucket, queueId and category replace.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { CheckResult, validated } from "../check/checker";
import { diffInputs } from "../lifecycle/diff";
import { providerEnv, ProviderOptions } from "../lifecycle/provider-context";
import { alicloudPipelines } from "./alicloud";
import { outputs, PipelineBackend, Props } from "./backend";
import { checkMediaPipeline, withDefaults } from "./check";
import { MEDIA_PIPELINE, MEDIA_PIPELINE_SHAPE } from "./shape";
import { tencentcloudQueues } from "./tencentcloud";

const UPDATABLE: ReadonlySet<string> = new Set(MEDIA_PIPELINE.updatable);
/** Omitted, these keep what the cloud has: not a change. */
const DEFAULTED: Record<string, ReadonlySet<string>> = {
  alicloud: new Set(["speedLevel"]),
  tencentcloud: new Set(["queueId", "category", "name", "state", "notifyConfig"]),
};

const isTencent = (props: Props) => props.cloud === "tencentcloud";
const backendOf = (props: Props): PipelineBackend => isTencent(props) ? tencentcloudQueues : alicloudPipelines;

/** The documented rules, and MPS's documented defaults filled in so state and diff see what the cloud will hold. */
function checkWithDefaults(news: Props): CheckResult {
  const { inputs, failures } = checkMediaPipeline(news);
  return { inputs: failures.length ? inputs : withDefaults(inputs), failures };
}

export type MediaPipelineProviderOptions = ProviderOptions;

/** `options` may also be the log function alone (as in 0.1). */
export function createMediaPipelineProvider(options: MediaPipelineProviderOptions | ((line: string) => void) = {}):
  dynamic.ResourceProvider {
  const env = providerEnv(typeof options === "function" ? { log: options } : options);
  return env.ctx.interrupts.track({
    configure: async (req: dynamic.ConfigureRequest) => env.ctx.configure(req),

    check: async (_olds: Props, news: Props): Promise<dynamic.CheckResult> => checkWithDefaults(news),

    async diff(_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
      const diff = diffInputs(olds, news, { inputNames: MEDIA_PIPELINE_SHAPE.inputs, updatable: UPDATABLE,
        defaultedByCloud: DEFAULTED[String(news.cloud)] });
      // An adopted CI queue is restored before another adoption, which may be of the same queue.
      return { ...diff, deleteBeforeReplace: isTencent(olds) && diff.replaces.length > 0 };
    },

    async create(given: Props): Promise<dynamic.CreateResult> {
      const props = validated("MediaPipeline", checkWithDefaults, given);
      const { id, computed } = await backendOf(props).create(props, env);
      return { id, outs: outputs(props, computed) };
    },

    async update(id: string, olds: Props, given: Props): Promise<dynamic.UpdateResult> {
      const news = validated("MediaPipeline", checkWithDefaults, given);
      return { outs: outputs(news, await backendOf(news).update(id, olds, news, env)) };
    },

    async read(id: string, props: Props): Promise<dynamic.ReadResult> {
      const current = await backendOf(props).read(id, props, env);
      return current ? { id, props: outputs(props, current) } : { id: "", props: {} };
    },

    delete: (id: string, props: Props) => backendOf(props).delete(id, props, env),
  });
}

/** The provider that `pulumi-mediajobs`' MediaPipeline resources use. */
export const mediaPipelineProvider: dynamic.ResourceProvider = createMediaPipelineProvider();
