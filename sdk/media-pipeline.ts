import * as pulumi from "@pulumi/pulumi";
import type { AlicloudNotifyConfig, MediaPipelineInputs } from "../provider/media-pipeline/types";
import { Inputs } from "./input";
import { lazyProvider } from "./lazy-provider";

/**
 * Arguments of a {@link MediaPipeline}. With `cloud: "alicloud"`: an MPS pipeline, as `AddPipeline` takes it
 * (`name`, `speed`, `speedLevel`, `notifyConfig`, `role`) plus its `state`.
 */
export type MediaPipelineArgs = { [K in keyof MediaPipelineInputs]: Inputs<MediaPipelineInputs[K]> };

const provider = lazyProvider("mediaPipelineProvider");

/**
 * A media processing queue. With `cloud: "alicloud"`, an Alibaba Cloud MPS pipeline: `pulumi up` adds it (and
 * pauses it when `state` is Paused); `name`, `state`, `notifyConfig` and `role` change in place; `speed`,
 * `speedLevel` and `region` cannot change and replace it; `pulumi destroy` deletes it. Refresh shows drift.
 */
export class MediaPipeline extends pulumi.dynamic.Resource {
  /** The pipeline id (the resource's id). */
  readonly pipelineId: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  /** Active or Paused. */
  declare readonly state: pulumi.Output<string>;
  declare readonly speed: pulumi.Output<string>;
  declare readonly speedLevel: pulumi.Output<number | undefined>;
  /** How many jobs the pipeline runs at once. */
  declare readonly quotaAllocate: pulumi.Output<number | undefined>;
  declare readonly notifyConfig: pulumi.Output<AlicloudNotifyConfig | undefined>;
  declare readonly role: pulumi.Output<string | undefined>;

  constructor(name: string, args: MediaPipelineArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, {
      state: undefined, speed: undefined, speedLevel: undefined,
      quotaAllocate: undefined, notifyConfig: undefined, role: undefined, ...args,
    }, opts, "mediajobs", "MediaPipeline");
    // The id stays known while an update is previewed, unlike the other outputs of a dynamic resource: jobs that
    // name this pipeline then preview as unchanged when only its state or name changes, not as replaced.
    this.pipelineId = this.id;
  }
}
