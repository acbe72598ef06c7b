/**
 * The language a resource's shape is declared in, once (`provider/<resource>/shape.ts`): its inputs and outputs,
 * their types, descriptions and closed value sets, and which inputs change in place. The Pulumi package schema
 * (`schema.json`, `npm run gen`), the provider's name lists and the checks of the SDK and README all come from
 * these declarations.
 */

/** A property's type, as the Pulumi schema can say it. */
export type PropertyType =
  | { kind: "string"; values?: readonly string[] }
  | { kind: "integer" | "number" | "boolean" | "any" }
  | { kind: "array"; items: PropertyType }
  | { kind: "map"; values: PropertyType }
  | { kind: "object"; object: ObjectSpec }
  | { kind: "oneOf"; types: readonly PropertyType[] };

export interface PropertySpec {
  type: PropertyType;
  description: string;
  /** An input the resource needs; an output always present. */
  required?: boolean;
  /** Kept secret in state and outputs. */
  secret?: boolean;
}

export type Properties = Readonly<Record<string, PropertySpec>>;

/** A named object type (a schema type `mediajobs:index:<name>`). */
export interface ObjectSpec<P extends Properties = Properties> {
  name: string;
  description: string;
  properties: P;
  /**
   * The vendor's node has more fields than are typed here, and the provider passes the others through (camelCase →
   * PascalCase): the TypeScript type has an index signature. The Pulumi schema cannot type them; its description
   * says so.
   */
  open?: boolean;
}

export interface ResourceSpec<I extends Properties = Properties, O extends Properties = Properties> {
  name: string;
  description: string;
  inputs: I;
  /** What the cloud reports; the outputs also hold every input. */
  outputs: O;
  /** The output that holds the resource's id. */
  idOutput: string;
  /** Inputs whose change is applied in place; every other input change replaces the resource. */
  updatable: readonly string[];
}

/** Builders, so a declaration reads as a table. */
export const t = {
  string: (values?: readonly string[]): PropertyType => (values ? { kind: "string", values } : { kind: "string" }),
  integer: (): PropertyType => ({ kind: "integer" }),
  number: (): PropertyType => ({ kind: "number" }),
  boolean: (): PropertyType => ({ kind: "boolean" }),
  any: (): PropertyType => ({ kind: "any" }),
  array: (items: PropertyType): PropertyType => ({ kind: "array", items }),
  map: (values: PropertyType): PropertyType => ({ kind: "map", values }),
  object: (object: ObjectSpec): PropertyType => ({ kind: "object", object }),
  oneOf: (...types: PropertyType[]): PropertyType => ({ kind: "oneOf", types }),
};

/** An optional property. */
export function opt(type: PropertyType, description: string, more: Partial<PropertySpec> = {}): PropertySpec {
  return { type, description, ...more };
}

/** A required input, or an output always present. */
export function req(type: PropertyType, description: string, more: Partial<PropertySpec> = {}): PropertySpec {
  return { type, description, required: true, ...more };
}

/** A named object type; its property names stay known, so rules can name a property's declared values. */
export function object<P extends Properties>(name: string, description: string, properties: P,
  more: { open?: boolean } = {}): ObjectSpec<P> {
  return { name, description, properties, ...more };
}

/** A resource's declaration, its property names kept (`CI_MEDIA_JOB.inputs.queueType`). */
export function resource<I extends Properties, O extends Properties>(spec: ResourceSpec<I, O>): ResourceSpec<I, O> {
  return spec;
}

/** The closed value set a string property declares: what check() accepts, and what the schema documents. */
export function valuesOf(spec: PropertySpec): readonly string[] {
  if (spec.type.kind !== "string" || !spec.type.values) throw new Error(`"${spec.description}" declares no values`);
  return spec.type.values;
}

/** The input and output names of a resource, for the provider (diff, outputs) and the checks of SDK and README. */
export function namesOf(spec: ResourceSpec<Properties, Properties>): { inputs: string[]; outputs: string[] } {
  return { inputs: Object.keys(spec.inputs), outputs: Object.keys(spec.outputs) };
}
