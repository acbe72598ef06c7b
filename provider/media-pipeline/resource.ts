/**
 * MediaPipeline (design §3). MPS pipelines (`cloud: "alicloud"`) are added and deleted; CI queues
 * (`cloud: "tencentcloud"`) are adopted and restored. Name, state and notify config (and the MPS role) update in
 * place; cloud, region, speed, speedLevel, bucket, queueId and category replace. Existing pipelines and queues can
 * be imported.
 */
import type { CheckResult } from "../check/checker";
import { ValidationError } from "../errors";
import { readAsDeclared } from "../check/declared";
import { Diff, diffInputs } from "../lifecycle/diff";
import {
  CheckRequest, CreateRequest, defineResource, DeleteRequest, DiffRequest, ImportRequest, Lifecycle, ReadRequest,
  UpdateRequest,
} from "../resource/definition";
import { alicloudPipelines, importMpsPipeline } from "./alicloud";
import { Imported, outputs, PipelineBackend, Props } from "./backend";
import { checkMediaPipeline, withDefaults } from "./check";
import { IMPORT_ID_FORMATS, MEDIA_PIPELINE, MEDIA_PIPELINE_SHAPE } from "./shape";
import { importCiQueue, tencentcloudQueues } from "./tencentcloud";

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

/** MediaPipeline's lifecycle, over the backend of the resource's cloud. */
class PipelineLifecycle implements Lifecycle {
  check({ news }: CheckRequest): CheckResult {
    return checkWithDefaults(news);
  }

  /** An omitted region is the provider's: recorded without one (imported) or naming it, the pipeline is the same. */
  diff({ olds, news, env }: DiffRequest): Diff {
    const region = env.ctx.settings.defaultRegion(isTencent(news) ? "ci" : "mps");
    // Compared as the declaration reads them (an earlier version may have kept strings where check() gives numbers).
    const diff = diffInputs(readAsDeclared(MEDIA_PIPELINE, olds), readAsDeclared(MEDIA_PIPELINE, news), { inputNames: MEDIA_PIPELINE_SHAPE.inputs, updatable: UPDATABLE,
      defaultedByCloud: DEFAULTED[String(news.cloud)], ...(region ? { implied: { region } } : {}) });
    // An adopted CI queue is restored before another adoption, which may be of the same queue.
    return { ...diff, deleteBeforeReplace: isTencent(olds) && diff.replaces.length > 0 };
  }

  async create({ inputs, env }: CreateRequest): Promise<{ id: string; outs: Props }> {
    const { id, computed } = await backendOf(inputs).create(inputs, env);
    return { id, outs: outputs(inputs, computed) };
  }

  /** Settings update in place; a preview shows the new ones over what was recorded (ids, speed, the original). */
  async update({ id, olds, inputs, preview, env }: UpdateRequest): Promise<Props> {
    if (preview) return { ...olds, ...inputs };
    return outputs(inputs, await backendOf(inputs).update(id, olds, inputs, env));
  }

  /** What the cloud holds now; undefined when the pipeline or queue is gone. */
  async read({ id, props, env }: ReadRequest): Promise<Props | undefined> {
    const current = await backendOf(props).read(id, props, env);
    return current && outputs(props, current);
  }

  delete({ id, props, env }: DeleteRequest): Promise<void> {
    return backendOf(props).delete(id, props, env);
  }

  /**
   * Adopts an existing pipeline or queue into the stack (`pulumi import`, the `import` option): its inputs as a
   * program would write them, and its outputs. An adopted CI queue's settings at import are what destroy restores.
   */
  import({ id: ref, env }: ImportRequest): Promise<Imported | undefined> {
    const parts = ref.split("/");
    if (parts.every(Boolean)) {
      if (parts.length === 1) return importMpsPipeline(ref, env);
      if (parts.length === 2) return importCiQueue({ bucket: parts[0]!, queueId: parts[1]! }, env);
      if (parts.length === 3) return importCiQueue({ region: parts[0]!, bucket: parts[1]!, queueId: parts[2]! }, env);
    }
    throw new ValidationError(`MediaPipeline cannot import "${ref}": give ${IMPORT_ID_FORMATS}.`);
  }
}

/** MediaPipeline, as both forms serve it (`pulumi-mediajobs/provider/media-pipeline` in the dynamic form). */
export const MEDIA_PIPELINE_RESOURCE = defineResource(MEDIA_PIPELINE, "media-pipeline", new PipelineLifecycle(),
  (inputs) => (inputs.cloud === "alicloud" ? "alibaba" : inputs.cloud === "tencentcloud" ? "tencent" : undefined));
