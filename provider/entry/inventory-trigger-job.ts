/**
 * `pulumi-mediajobs/provider/inventory-trigger-job`: the module *is* the provider, so Pulumi serializes a resource's
 * provider as `require("pulumi-mediajobs/provider/inventory-trigger-job")` (see sdk/provider-ref.ts). Existing stacks'
 * state names this path: it never moves.
 */
import { inventoryTriggerJobProvider } from "../providers";

export = inventoryTriggerJobProvider;
