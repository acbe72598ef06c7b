import * as pulumi from "@pulumi/pulumi";
import { INVENTORY_TRIGGER_JOB, InventoryTriggerJobInputs } from "../provider/inventory-trigger-job/shape";
import { ArgsOf } from "./input";
import { dynamicInputs } from "./identity";
import { OutputProperties } from "./outputs";
import { providerFor } from "./provider-ref";
import { withoutPromiseTraces } from "./registration";
import { DYNAMIC_MODULE } from "../provider/schema/tokens";

/**
 * Arguments of an {@link InventoryTriggerJob}: CI's `POST /inventorytriggerjob` request in camelCase (`name`,
 * `type`, `input` of one kind, `operation` with `tag`, `jobParam`, `output`, `queueId`, … or `workflowIds`), plus
 * the knobs `triggers`, `timeoutSeconds`, `skipAwait` and `deleteOutputsOnDestroy`.
 */
export type InventoryTriggerJobArgs = ArgsOf<InventoryTriggerJobInputs>;

/** The outputs of an {@link InventoryTriggerJob}, as declared (provider/inventory-trigger-job/shape.ts). */
export interface InventoryTriggerJob extends OutputProperties<typeof INVENTORY_TRIGGER_JOB, "jobId"> {}

/**
 * A Tencent CI batch job: one media job (or workflow) for every object under a prefix, in a manifest or URL list,
 * or for one object. `pulumi up` submits it and waits until the batch ends; for `type: "Job"` the outputs count
 * the child jobs by state and name the objects that failed. Any change of its inputs or `triggers` runs a new
 * batch. `pulumi destroy` cancels a batch that has not finished (and its child jobs that have not started); a
 * finished batch is forgotten.
 *
 * Outputs: `jobId`, `state`, `progress`, `code`, `message`, `times`, `childJobs`.
 */
export class InventoryTriggerJob extends pulumi.dynamic.Resource {
  /** The batch job id (`b…`), the resource's id. */
  readonly jobId: pulumi.Output<string>;

  constructor(name: string, args: InventoryTriggerJobArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = withoutPromiseTraces();
    try {
      super(providerFor("inventory-trigger-job"), name, dynamicInputs(INVENTORY_TRIGGER_JOB, name, args, opts), opts,
        DYNAMIC_MODULE, INVENTORY_TRIGGER_JOB.name);
    } finally {
      restore();
    }
    // The id stays known while an update (a waiting knob) is previewed, unlike other outputs of a dynamic resource.
    this.jobId = this.id;
  }
}
