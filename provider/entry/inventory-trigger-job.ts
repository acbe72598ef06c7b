/**
 * `pulumi-mediajobs/provider/inventory-trigger-job`: the module *is* the provider, so Pulumi serializes a resource's provider as
 * `require("pulumi-mediajobs/provider/inventory-trigger-job")` (see sdk/provider-ref.ts).
 */
import { inventoryTriggerJobProvider } from "../inventory-trigger-job/provider";

export = inventoryTriggerJobProvider;
