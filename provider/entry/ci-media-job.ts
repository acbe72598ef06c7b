/**
 * `pulumi-mediajobs/provider/ci-media-job`: the module *is* the provider, so Pulumi serializes a resource's
 * provider as `require("pulumi-mediajobs/provider/ci-media-job")` (see sdk/provider-ref.ts). Existing stacks'
 * state names this path: it never moves.
 */
import { ciMediaJobProvider } from "../providers";

export = ciMediaJobProvider;
