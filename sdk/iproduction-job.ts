import * as pulumi from "@pulumi/pulumi";
import { isKnownFunction, unknownFunctionWarning } from "../provider/iproduction-job/functions";
import { IPRODUCTION_JOB, IProductionJobInputs } from "../provider/iproduction-job/shape";
import { ArgsOf } from "./input";
import { dynamicInputs } from "./identity";
import { OutputProperties } from "./outputs";
import { providerFor } from "./provider-ref";
import { withoutPromiseTraces } from "./registration";
import { DYNAMIC_MODULE } from "../provider/schema/tokens";

/**
 * Arguments of an {@link IProductionJob}: the parameters of MPS `SubmitIProductionJob` in camelCase (`jobParams`
 * is a plain object, sent as a JSON string), plus the knobs `triggers`, `timeoutSeconds`, `skipAwait` and
 * `deleteOutputsOnDestroy`.
 */
export type IProductionJobArgs = ArgsOf<IProductionJobInputs>;

/** The outputs of an {@link IProductionJob}, as declared (provider/iproduction-job/shape.ts). */
export interface IProductionJob extends OutputProperties<typeof IPRODUCTION_JOB, "jobId"> {}

/**
 * An Alibaba Cloud MPS smart-production job (Cover, ImageCartoonize, CaptionExtraction, VideoH2V, …).
 * `pulumi up` submits the job and waits until MPS reports Success or Fail; a failed job fails the update with its
 * JobId, Code and Message. Any change of the job's inputs or `triggers` runs a new job. MPS has no API to cancel
 * these jobs: `pulumi destroy` forgets a job, it does not stop it.
 *
 * Outputs: `jobId`, `state`, `code`, `message`, `result` (both JSON levels parsed), `outputFiles`, `pipelineId`.
 *
 * Credentials come from `alicloud:accessKey` / `alicloud:secretKey` (stack config) or `ALICLOUD_ACCESS_KEY` /
 * `ALICLOUD_SECRET_KEY`, never from resource inputs.
 */
export class IProductionJob extends pulumi.dynamic.Resource {
  /** The MPS job id, the resource's id. */
  readonly jobId: pulumi.Output<string>;

  constructor(name: string, args: IProductionJobArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = withoutPromiseTraces();
    try {
      super(providerFor("iproduction-job"), name, dynamicInputs(IPRODUCTION_JOB, name, args, opts), opts,
        DYNAMIC_MODULE, IPRODUCTION_JOB.name);
    } finally {
      restore();
    }
    // The id stays known while an update (a waiting knob) is previewed, unlike other outputs of a dynamic resource.
    this.jobId = this.id;
    // Availability of algorithms varies by region: an unknown name is a warning, not an error.
    pulumi.output(args.functionName).apply((fn) => {
      if (typeof fn === "string" && !isKnownFunction(fn)) void pulumi.log.warn(unknownFunctionWarning(fn), this);
    });
  }
}
