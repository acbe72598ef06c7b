import * as pulumi from "@pulumi/pulumi";
import type {
  CiMediaInfo, CiMediaJobInputs, CiOutputObject,
} from "../provider/ci-media-job/shape";
import { Inputs } from "./input";
import { identity } from "./identity";
import { providerFor } from "./provider-ref";
import { registeredOutputs } from "./outputs";
import { CI_MEDIA_JOB_SHAPE } from "../provider/ci-media-job/shape";
import { DYNAMIC_MODULE } from "../provider/schema/package-schema";

/**
 * Arguments of a {@link CiMediaJob}: the `POST /jobs` request of Tencent Cloud Infinite, element for element, in
 * camelCase, plus the knobs `triggers`, `timeoutSeconds`, `skipAwait` and `deleteOutputsOnDestroy`.
 */
export type CiMediaJobArgs = { [K in keyof CiMediaJobInputs]: Inputs<CiMediaJobInputs[K]> };

/**
 * A Tencent Cloud Infinite media job (SmartCover, MediaInfo, Snapshot, Transcode, …). `pulumi up` submits the job
 * and waits until CI reports a terminal state; a failed job fails the update with its JobId, Code and Message.
 * Any change of the job's inputs or `triggers` runs a new job; `pulumi destroy` cancels a job that has not
 * started running and otherwise forgets it.
 *
 * Credentials come from `tencentcloud:secretId` / `tencentcloud:secretKey` (stack config) or
 * `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY`, never from resource inputs.
 */
export class CiMediaJob extends pulumi.dynamic.Resource {
  /** The CI job id (`j…`) (the resource's id). */
  readonly jobId: pulumi.Output<string>;
  /** The job's state in CI's spelling: Submitted, Running, Success, Failed, Pause, Cancel. */
  declare readonly state: pulumi.Output<string>;
  /** CI's result code (`Success`, or the failure code). */
  declare readonly code: pulumi.Output<string>;
  declare readonly message: pulumi.Output<string>;
  declare readonly creationTime: pulumi.Output<string>;
  declare readonly startTime: pulumi.Output<string>;
  declare readonly endTime: pulumi.Output<string>;
  /** The queue the job ran in. */
  declare readonly queueId: pulumi.Output<string>;
  /** The objects the job wrote (`${Number}` expanded). */
  declare readonly outputObjects: pulumi.Output<CiOutputObject[]>;
  /** For Snapshot jobs with sprites: the sprite sheets written. */
  declare readonly spriteObjects: pulumi.Output<CiOutputObject[]>;
  /** For MediaInfo jobs: the media's format and streams (camelCase keys, string values). */
  declare readonly mediaInfo: pulumi.Output<CiMediaInfo | undefined>;

  constructor(name: string, args: CiMediaJobArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerFor("ci-media-job"), name, {
      ...registeredOutputs(CI_MEDIA_JOB_SHAPE.outputs, "jobId"), ...args, __identity: identity("CiMediaJob", name),
    }, opts, DYNAMIC_MODULE, "CiMediaJob");
    // The id stays known while an update (a waiting knob) is previewed, unlike other outputs of a dynamic resource.
    this.jobId = this.id;
  }
}
