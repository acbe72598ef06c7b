import type * as pulumi from "@pulumi/pulumi";
import type { DeclaredOutputs, ResourceSpec } from "../provider/schema/declare";

/**
 * The outputs a resource class exposes, from its declaration (provider/<resource>/shape.ts): each declared output
 * as a `pulumi.Output`, undefined where the output may be absent. `Id` (jobId, pipelineId) is left to the class,
 * which holds it as the resource's id.
 */
export type OutputProperties<R extends ResourceSpec, Id extends string> = {
  readonly [K in Exclude<keyof R["outputs"] & string, Id>]: pulumi.Output<DeclaredOutputs<R>[K]>;
};

/**
 * The outputs a resource registers with the engine. A dynamic resource exposes only the properties it registers, so
 * every output the provider reports is registered, from the declaration, never from a second list kept here.
 * `idOutput` (jobId, pipelineId) is the resource's id instead: it stays known while an update is previewed.
 */
export function registeredOutputs(spec: ResourceSpec): Record<string, undefined> {
  return Object.fromEntries(Object.keys(spec.outputs).filter((name) => name !== spec.idOutput)
    .map((name) => [name, undefined]));
}
