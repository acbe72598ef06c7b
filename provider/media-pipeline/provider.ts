/**
 * The MediaPipeline dynamic provider (design §3). MPS pipelines (`cloud: "alicloud"`) are added and deleted;
 * CI queues (`cloud: "tencentcloud"`) are adopted and restored. Name, state and notify config (and the MPS role)
 * update in place; cloud, region, speed, speedLevel, bucket, queueId and category replace.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { tracked } from "../lifecycle/interrupt";
import { diffInputs } from "../lifecycle/diff";
import { ConfigSource, useStackConfig } from "../config/settings";
import {
  createAlicloudPipeline, deleteAlicloudPipeline, readAlicloudPipeline, updateAlicloudPipeline,
} from "./alicloud";
import { checkMediaPipeline, withDefaults } from "./check";
import { MEDIA_PIPELINE_SHAPE } from "./shape";
import { adoptTencentQueue, readTencentQueue, restoreTencentQueue, updateTencentQueue } from "./tencentcloud";
import {
  AlicloudPipelineComputed, AlicloudPipelineInputs, QueueSettings, TencentcloudPipelineInputs,
} from "./types";

type Props = Record<string, unknown>;

const UPDATABLE: ReadonlySet<string> = new Set(["name", "state", "notifyConfig", "role"]);
/** Omitted, these keep what the cloud has: not a change. */
const DEFAULTED: Record<string, ReadonlySet<string>> = {
  alicloud: new Set(["speedLevel"]),
  tencentcloud: new Set(["queueId", "category", "name", "state", "notifyConfig"]),
};

/** Outputs are the inputs plus what the cloud reports; computed fields the cloud left unset are dropped. */
function outputs(props: Props, computed: object): Props {
  const { notifyConfig: _n, role: _r, speedLevel: _s, ...rest } = props;
  return { ...rest, ...computed };
}

const isTencent = (props: Props) => props.cloud === "tencentcloud";
const originalOf = (props: Props) => props.original as QueueSettings;

export function createMediaPipelineProvider(log: (line: string) => void = (l) => console.log(l)):
  dynamic.ResourceProvider {
  async function createAlicloud(props: Props): Promise<dynamic.CreateResult> {
    const inputs = props as unknown as AlicloudPipelineInputs;
    const { created, apply } = await createAlicloudPipeline(inputs);
    log(`MediaPipeline ${created.pipelineId}: created (${inputs.name})`);
    if (!apply) return { id: created.pipelineId, outs: outputs(props, created) };
    try {
      return { id: created.pipelineId, outs: outputs(props, await apply()) };
    } catch (e) {
      // The pipeline exists: record it (init-error shape) so the next `up` applies the state instead of adding
      // a second pipeline.
      const message = `MediaPipeline ${created.pipelineId} was created but its state could not be set to ` +
        `${inputs.state}: ${(e as Error).message} The next \`pulumi up\` retries.`;
      throw Object.assign(new Error(message), { id: created.pipelineId, properties: outputs(props, created),
        reasons: [message] });
    }
  }

  return tracked({
    async configure(req: dynamic.ConfigureRequest): Promise<void> {
      useStackConfig(req.config as ConfigSource);
    },

    async check(_olds: Props, news: Props): Promise<dynamic.CheckResult> {
      const { inputs, failures } = checkMediaPipeline(news);
      return { inputs: failures.length ? inputs : withDefaults(inputs), failures };
    },

    async diff(_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
      const diff = diffInputs(olds, news, { inputNames: MEDIA_PIPELINE_SHAPE.inputs, updatable: UPDATABLE,
        defaultedByCloud: DEFAULTED[String(news.cloud)] });
      // An adopted CI queue is restored before another adoption, which may be of the same queue.
      return { ...diff, deleteBeforeReplace: isTencent(olds) && diff.replaces.length > 0 };
    },

    async create(props: Props): Promise<dynamic.CreateResult> {
      if (!isTencent(props)) return createAlicloud(props);
      const adopted = await adoptTencentQueue(props as unknown as TencentcloudPipelineInputs);
      log(`MediaPipeline ${adopted.queueId}: adopted CI queue "${adopted.original.name}" ` +
        `(${adopted.original.state}); its settings are restored on destroy`);
      return { id: adopted.queueId, outs: outputs(props, adopted) };
    },

    async update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult> {
      if (isTencent(news)) {
        return { outs: outputs(news, await updateTencentQueue(id, news as unknown as TencentcloudPipelineInputs,
          originalOf(olds))) };
      }
      const updated = await updateAlicloudPipeline(id, news as unknown as AlicloudPipelineInputs,
        olds as unknown as AlicloudPipelineComputed);
      return { outs: outputs(news, updated) };
    },

    async read(id: string, props: Props): Promise<dynamic.ReadResult> {
      const current = isTencent(props)
        ? await readTencentQueue(id, props as unknown as TencentcloudPipelineInputs, originalOf(props))
        : await readAlicloudPipeline(id, props as unknown as AlicloudPipelineInputs);
      if (!current) return { id: "", props: {} };
      return { id, props: outputs(props, current) };
    },

    async delete(id: string, props: Props): Promise<void> {
      if (isTencent(props)) {
        const restored = await restoreTencentQueue(id, props as unknown as TencentcloudPipelineInputs,
          originalOf(props));
        log(restored ? `MediaPipeline ${id}: CI queue restored to "${originalOf(props).name}" ` +
          `(${originalOf(props).state})` : `MediaPipeline ${id}: the CI queue no longer exists; nothing to restore`);
        return;
      }
      await deleteAlicloudPipeline(id, props as unknown as AlicloudPipelineInputs);
      log(`MediaPipeline ${id}: deleted`);
    },
  });
}

/** The provider that `pulumi-mediajobs`' MediaPipeline resources use. */
export const mediaPipelineProvider: dynamic.ResourceProvider = createMediaPipelineProvider();
