/**
 * What a resource costs in the state file: the file backend rewrites the whole state after every step, so the bytes
 * per resource set the checkpoint tail of a large `up`. Measured on `pulumi stack export`, per top-level field, so
 * that our share (inputs, outputs) is told apart from the engine's and the SDK's (urn, stackTrace, provider, …).
 */

/** Average bytes per resource: the whole resource, and each top-level field (`"key":value`) of it. */
export interface StateSize {
  bytesPerResource: number;
  fields: Record<string, number>;
}

/** The size of `resources` (already filtered to one kind); a dynamic provider's serialized code is its own field. */
export function stateSize(resources: readonly Record<string, unknown>[]): StateSize {
  const n = Math.max(1, resources.length);
  const totals: Record<string, number> = {};
  const add = (key: string, bytes: number) => { totals[key] = (totals[key] ?? 0) + bytes; };
  let whole = 0;
  for (const r of resources) {
    whole += Buffer.byteLength(JSON.stringify(r));
    for (const [key, value] of Object.entries(r)) {
      add(key, Buffer.byteLength(`${JSON.stringify(key)}:${JSON.stringify(value)}`));
    }
    const code = (r.outputs as { __provider?: unknown } | undefined)?.__provider;
    if (typeof code === "string") add("outputs.__provider", Buffer.byteLength(JSON.stringify(code)));
  }
  const fields = Object.fromEntries(Object.entries(totals).sort((a, b) => b[1] - a[1])
    .map(([k, v]) => [k, Math.round(v / n)]));
  return { bytesPerResource: Math.round(whole / n), fields };
}
