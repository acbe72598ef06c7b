import * as pulumi from "@pulumi/pulumi";
import { CI_MEDIA_JOB, CiMediaJobInputs } from "../provider/ci-media-job/shape";
import { ArgsOf } from "./input";
import { dynamicInputs } from "./identity";
import { OutputProperties } from "./outputs";
import { providerFor } from "./provider-ref";
import { withoutPromiseTraces } from "./registration";
import { DYNAMIC_MODULE } from "../provider/schema/tokens";

/**
 * Arguments of a {@link CiMediaJob}: the `POST /jobs` request of Tencent Cloud Infinite, element for element, in
 * camelCase, plus the knobs `triggers`, `timeoutSeconds`, `skipAwait` and `deleteOutputsOnDestroy`.
 */
export type CiMediaJobArgs = ArgsOf<CiMediaJobInputs>;

/** The outputs of a {@link CiMediaJob}, as declared (provider/ci-media-job/shape.ts). */
export interface CiMediaJob extends OutputProperties<typeof CI_MEDIA_JOB, "jobId"> {}

/**
 * A Tencent Cloud Infinite media job (SmartCover, MediaInfo, Snapshot, Transcode, …). `pulumi up` submits the job
 * and waits until CI reports a terminal state; a failed job fails the update with its JobId, Code and Message.
 * Any change of the job's inputs or `triggers` runs a new job; `pulumi destroy` cancels a job that has not
 * started running and otherwise forgets it.
 *
 * Outputs: `jobId`, `state`, `code`, `message`, `creationTime`, `startTime`, `endTime`, `queueId`, `outputObjects`,
 * `spriteObjects`, `mediaInfo` (see the README or the declaration for each).
 *
 * Credentials come from `tencentcloud:secretId` / `tencentcloud:secretKey` (stack config) or
 * `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY`, never from resource inputs.
 */
export class CiMediaJob extends pulumi.dynamic.Resource {
  /** The CI job id (`j…`), the resource's id. */
  readonly jobId: pulumi.Output<string>;

  constructor(name: string, args: CiMediaJobArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = withoutPromiseTraces();
    try {
      super(providerFor("ci-media-job"), name, dynamicInputs(CI_MEDIA_JOB, name, args, opts), opts, DYNAMIC_MODULE,
        CI_MEDIA_JOB.name);
    } finally {
      restore();
    }
    // The id stays known while an update (a waiting knob) is previewed, unlike other outputs of a dynamic resource.
    this.jobId = this.id;
  }
}
