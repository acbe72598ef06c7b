/**
 * The outputs a resource registers with the engine. A dynamic resource exposes only the properties it registers, so
 * every output the provider reports is registered, from the provider's own list (provider/<resource>/shape.ts),
 * never from a second list kept here. `idOutput` (jobId, pipelineId) is the resource's id instead: it stays known
 * while an update is previewed.
 */
export function registeredOutputs(outputs: readonly string[], idOutput: string): Record<string, undefined> {
  return Object.fromEntries(outputs.filter((name) => name !== idOutput).map((name) => [name, undefined]));
}
