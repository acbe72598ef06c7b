import * as pulumi from "@pulumi/pulumi";
import { MEDIA_PIPELINE, MediaPipelineInputs } from "../provider/media-pipeline/shape";
import { ArgsOf } from "./input";
import { dynamicInputs } from "./identity";
import { OutputProperties } from "./outputs";
import { providerFor } from "./provider-ref";
import { withoutPromiseTraces } from "./registration";
import { DYNAMIC_MODULE } from "../provider/schema/tokens";

/**
 * Arguments of a {@link MediaPipeline}. With `cloud: "alicloud"`: an MPS pipeline, as `AddPipeline` takes it
 * (`name`, `speed`, `speedLevel`, `notifyConfig`, `role`) plus its `state`. With `cloud: "tencentcloud"`: the CI
 * queue to adopt (`bucket` and `queueId`, or the bucket's only queue of `category`) and the `name`, `state` and
 * `notifyConfig` to give it.
 */
export type MediaPipelineArgs = ArgsOf<MediaPipelineInputs>;

/** The outputs of a {@link MediaPipeline}, as declared (provider/media-pipeline/shape.ts). */
export interface MediaPipeline extends OutputProperties<typeof MEDIA_PIPELINE, "pipelineId"> {}

/**
 * A media processing queue.
 *
 * With `cloud: "alicloud"`, an Alibaba Cloud MPS pipeline: `pulumi up` adds it (and pauses it when `state` is
 * Paused); `name`, `state`, `notifyConfig` and `role` change in place; `speed`, `speedLevel` and `region` replace
 * it; `pulumi destroy` deletes it.
 *
 * With `cloud: "tencentcloud"`, a Tencent CI queue. CI has no API to create or delete queues, so the resource
 * adopts one: it remembers the queue's name, state and notify settings, applies ours (`name`, `state`,
 * `notifyConfig` change in place; `bucket`, `queueId`, `category` and `region` replace), and `pulumi destroy`
 * restores what it found. Refresh shows drift.
 */
export class MediaPipeline extends pulumi.dynamic.Resource {
  /** The pipeline or queue id, the resource's id. */
  readonly pipelineId: pulumi.Output<string>;

  constructor(name: string, args: MediaPipelineArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = withoutPromiseTraces();
    try {
      super(providerFor("media-pipeline"), name, dynamicInputs(MEDIA_PIPELINE, name, args, opts), opts, DYNAMIC_MODULE,
        MEDIA_PIPELINE.name);
    } finally {
      restore();
    }
    // The id stays known while an update is previewed, unlike the other outputs of a dynamic resource: jobs that
    // name this pipeline then preview as unchanged when only its state or name changes, not as replaced.
    this.pipelineId = this.id;
  }
}
