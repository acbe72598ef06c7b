/**
 * The one mapping between what users write (camelCase) and what the vendors' wire uses (PascalCase). Values become
 * strings on the way out, as both vendors' wire formats carry them.
 */

type Plain = string | number | boolean | null | undefined | Plain[] | { [k: string]: Plain };
export type Wire = string | Wire[] | { [k: string]: Wire };

/** Wire names that the case rule does not give: the camelCase name users write → the vendor's element. */
const IRREGULAR_WIRE_NAMES: ReadonlyMap<string, string> = new Map([["sdrToHdr", "SDRtoHDR"]]);
const IRREGULAR_CAMEL_NAMES: ReadonlyMap<string, string> =
  new Map([...IRREGULAR_WIRE_NAMES].map(([camel, wire]) => [wire, camel]));

export function pascalKey(key: string): string {
  return IRREGULAR_WIRE_NAMES.get(key) ?? key.charAt(0).toUpperCase() + key.slice(1);
}

export function camelKey(key: string): string {
  const irregular = IRREGULAR_CAMEL_NAMES.get(key);
  if (irregular) return irregular;
  // `MD5` → `md5`, `FormatName` → `formatName`: lower the leading run of capitals but keep the next word's capital.
  const lead = /^[A-Z]+(?=[A-Z][a-z]|$)|^[A-Z]/.exec(key);
  return lead ? lead[0].toLowerCase() + key.slice(lead[0].length) : key;
}

/** camelCase tree → PascalCase wire tree; undefined and null are dropped, scalars become strings. */
export function toWire(value: unknown): Wire | undefined {
  const v = value as Plain;
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map(toWire).filter((x): x is Wire => x !== undefined);
  if (typeof v === "object") {
    const out: { [k: string]: Wire } = {};
    for (const [k, child] of Object.entries(v)) {
      const w = toWire(child);
      if (w !== undefined) out[pascalKey(k)] = w;
    }
    return out;
  }
  return String(v);
}

/** PascalCase wire tree → camelCase tree (values unchanged). */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(value)) out[camelKey(k)] = fromWire(child);
    return out;
  }
  return value;
}

/** A flat PascalCase settings node (a notify configuration) in camelCase, keeping only the fields that are set. */
export function camelSettings(value: unknown): Record<string, string> {
  const tree = fromWire(value ?? {});
  if (tree === null || typeof tree !== "object" || Array.isArray(tree)) return {};
  return Object.fromEntries(Object.entries(tree).filter((e): e is [string, string] => typeof e[1] === "string" &&
    e[1] !== ""));
}
