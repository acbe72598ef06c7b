import * as pulumi from "@pulumi/pulumi";
import { isKnownFunction, unknownFunctionWarning } from "../provider/iproduction-job/functions";
import type { IProductionJobInputs, IProductionResult } from "../provider/iproduction-job/shape";
import { Inputs } from "./input";
import { identity } from "./identity";
import { providerFor } from "./provider-ref";
import { registeredOutputs } from "./outputs";
import { IPRODUCTION_JOB_SHAPE } from "../provider/iproduction-job/shape";
import { DYNAMIC_MODULE } from "../provider/schema/package-schema";

/**
 * Arguments of an {@link IProductionJob}: the parameters of MPS `SubmitIProductionJob` in camelCase (`jobParams`
 * is a plain object, sent as a JSON string), plus the knobs `triggers`, `timeoutSeconds`, `skipAwait` and
 * `deleteOutputsOnDestroy`.
 */
export type IProductionJobArgs = { [K in keyof IProductionJobInputs]: Inputs<IProductionJobInputs[K]> };

/**
 * An Alibaba Cloud MPS smart-production job (Cover, ImageCartoonize, CaptionExtraction, VideoH2V, …).
 * `pulumi up` submits the job and waits until MPS reports Success or Fail; a failed job fails the update with its
 * JobId, Code and Message. Any change of the job's inputs or `triggers` runs a new job. MPS has no API to cancel
 * these jobs: `pulumi destroy` forgets a job, it does not stop it.
 *
 * Credentials come from `alicloud:accessKey` / `alicloud:secretKey` (stack config) or `ALICLOUD_ACCESS_KEY` /
 * `ALICLOUD_SECRET_KEY`, never from resource inputs.
 */
export class IProductionJob extends pulumi.dynamic.Resource {
  /** The MPS job id (the resource's id). */
  readonly jobId: pulumi.Output<string>;
  /** MPS's spelling: Queuing, Analysing, Success, Fail. */
  declare readonly state: pulumi.Output<string>;
  /** The result's code (`0` on success) and message. */
  declare readonly code: pulumi.Output<string>;
  declare readonly message: pulumi.Output<string>;
  /** The job's Result with both JSON levels parsed; `data` is typed for the algorithms the README lists. */
  declare readonly result: pulumi.Output<IProductionResult | undefined>;
  /** The objects the job wrote, as full `oss://` URLs. */
  declare readonly outputFiles: pulumi.Output<string[]>;
  /** The pipeline the job ran in: the one given, or the region's default one MPS chose. */
  declare readonly pipelineId: pulumi.Output<string>;

  constructor(name: string, args: IProductionJobArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerFor("iproduction-job"), name, {
      ...registeredOutputs(IPRODUCTION_JOB_SHAPE.outputs, "jobId"), ...args,
      __identity: identity("IProductionJob", name),
    }, opts, DYNAMIC_MODULE, "IProductionJob");
    // The id stays known while an update (a waiting knob) is previewed, unlike other outputs of a dynamic resource.
    this.jobId = this.id;
    // Availability of algorithms varies by region: an unknown name is a warning, not an error.
    pulumi.output(args.functionName).apply((fn) => {
      if (typeof fn === "string" && !isKnownFunction(fn)) void pulumi.log.warn(unknownFunctionWarning(fn), this);
    });
  }
}
