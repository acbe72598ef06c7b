/**
 * `pulumi-mediajobs/provider/media-pipeline`: the module *is* the provider, so Pulumi serializes a resource's
 * provider as `require("pulumi-mediajobs/provider/media-pipeline")` (see sdk/provider-ref.ts). Existing stacks'
 * state names this path: it never moves.
 */
import { mediaPipelineProvider } from "../providers";

export = mediaPipelineProvider;
