/**
 * The MediaPipeline dynamic provider (design §3): name, state, notify config and role update in place; cloud,
 * region, speed and speedLevel replace.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { diffInputs } from "../job-diff";
import { ConfigSource, useStackConfig } from "../settings";
import {
  createAlicloudPipeline, deleteAlicloudPipeline, readAlicloudPipeline, updateAlicloudPipeline,
} from "./alicloud";
import { checkMediaPipeline, withDefaults } from "./check";
import { AlicloudPipelineComputed, AlicloudPipelineInputs } from "./types";

type Props = Record<string, unknown>;

const INPUT_NAMES = ["cloud", "region", "name", "state", "speed", "speedLevel", "notifyConfig", "role"] as const;
const UPDATABLE: ReadonlySet<string> = new Set(["name", "state", "notifyConfig", "role"]);

/** Outputs are the inputs plus what MPS reports; computed fields that MPS left unset are dropped from the inputs. */
function outputs(props: Props, computed: AlicloudPipelineComputed): Props {
  const { notifyConfig: _n, role: _r, speedLevel: _s, ...rest } = props;
  return { ...rest, ...computed };
}

export function createMediaPipelineProvider(log: (line: string) => void = (l) => console.log(l)):
  dynamic.ResourceProvider {
  return {
    async configure(req: dynamic.ConfigureRequest): Promise<void> {
      useStackConfig(req.config as ConfigSource);
    },

    async check(_olds: Props, news: Props): Promise<dynamic.CheckResult> {
      const failures = checkMediaPipeline(news);
      return { inputs: failures.length ? news : withDefaults(news), failures };
    },

    async diff(_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
      // SpeedLevel omitted: MPS picks its default and reports it; that is not a change.
      return diffInputs(olds, news, { inputNames: INPUT_NAMES, updatable: UPDATABLE,
        defaultedByCloud: new Set(["speedLevel"]) });
    },

    async create(props: Props): Promise<dynamic.CreateResult> {
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
    },

    async update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult> {
      const updated = await updateAlicloudPipeline(id, news as unknown as AlicloudPipelineInputs,
        olds as unknown as AlicloudPipelineComputed);
      return { outs: outputs(news, updated) };
    },

    async read(id: string, props: Props): Promise<dynamic.ReadResult> {
      const current = await readAlicloudPipeline(id, props as unknown as AlicloudPipelineInputs);
      if (!current) return { id: "", props: {} };
      return { id, props: outputs(props, current) };
    },

    async delete(id: string, props: Props): Promise<void> {
      await deleteAlicloudPipeline(id, props as unknown as AlicloudPipelineInputs);
      log(`MediaPipeline ${id}: deleted`);
    },
  };
}

/** The provider that `pulumi-mediajobs`' MediaPipeline resources use. */
export const mediaPipelineProvider: dynamic.ResourceProvider = createMediaPipelineProvider();
