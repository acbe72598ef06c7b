import * as pulumi from "@pulumi/pulumi";
import type { ChildJobSummary, InventoryTriggerJobInputs } from "../provider/inventory-trigger-job/shape";
import { Inputs } from "./input";
import { identity } from "./identity";
import { providerFor } from "./provider-ref";
import { registeredOutputs } from "./outputs";
import { INVENTORY_TRIGGER_JOB_SHAPE } from "../provider/inventory-trigger-job/shape";
import { DYNAMIC_MODULE } from "../provider/schema/package-schema";

/**
 * Arguments of an {@link InventoryTriggerJob}: CI's `POST /inventorytriggerjob` request in camelCase (`name`,
 * `type`, `input` of one kind, `operation` with `tag`, `jobParam`, `output`, `queueId`, … or `workflowIds`), plus
 * the knobs `triggers`, `timeoutSeconds`, `skipAwait` and `deleteOutputsOnDestroy`.
 */
export type InventoryTriggerJobArgs = { [K in keyof InventoryTriggerJobInputs]: Inputs<InventoryTriggerJobInputs[K]> };

/**
 * A Tencent CI batch job: one media job (or workflow) for every object under a prefix, in a manifest or URL list,
 * or for one object. `pulumi up` submits it and waits until the batch ends; for `type: "Job"` the outputs count
 * the child jobs by state and name the objects that failed. Any change of its inputs or `triggers` runs a new
 * batch. `pulumi destroy` cancels a batch that has not finished (and its child jobs that have not started); a
 * finished batch is forgotten.
 */
export class InventoryTriggerJob extends pulumi.dynamic.Resource {
  /** The batch job id (`b…`, the resource's id). */
  readonly jobId: pulumi.Output<string>;
  /** CI's spelling: Submitted, Running, Success, Failed, Cancel. */
  declare readonly state: pulumi.Output<string>;
  /** Percent of objects processed, e.g. `100%`. */
  declare readonly progress: pulumi.Output<string>;
  declare readonly code: pulumi.Output<string>;
  declare readonly message: pulumi.Output<string>;
  declare readonly times: pulumi.Output<{ creationTime: string; startTime: string; endTime: string }>;
  /** Type Job: child jobs by state and the objects that failed (at most 20 named). */
  declare readonly childJobs: pulumi.Output<ChildJobSummary | undefined>;

  constructor(name: string, args: InventoryTriggerJobArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerFor("inventory-trigger-job"), name, {
      ...registeredOutputs(INVENTORY_TRIGGER_JOB_SHAPE.outputs, "jobId"), ...args,
      __identity: identity("InventoryTriggerJob", name),
    }, opts, DYNAMIC_MODULE, "InventoryTriggerJob");
    // The id stays known while an update (a waiting knob) is previewed, unlike other outputs of a dynamic resource.
    this.jobId = this.id;
  }
}
