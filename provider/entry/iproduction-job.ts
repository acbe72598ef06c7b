/**
 * `pulumi-mediajobs/provider/iproduction-job`: the module *is* the provider, so Pulumi serializes a resource's
 * provider as `require("pulumi-mediajobs/provider/iproduction-job")` (see sdk/provider-ref.ts). Existing stacks'
 * state names this path: it never moves.
 */
import { iproductionJobProvider } from "../providers";

export = iproductionJobProvider;
