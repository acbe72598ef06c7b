/**
 * The language a resource's shape is declared in, once (`provider/<resource>/shape.ts`): its inputs and outputs,
 * their types, descriptions and closed value sets, and which inputs change in place. Everything else is derived:
 * the TypeScript types of inputs and outputs (`InputsOf`, `OutputsOf`, `ValueOf` below), the Pulumi package schema
 * (`schema.json`, `npm run gen`), the dynamic SDK's classes, check()'s type rules and the provider's name lists.
 */

/**
 * A string, optionally from a closed set of values, or of a form (a pattern, and the rule it stands for in
 * messages: "must be a region id such as ap-guangzhou"), or at most so long.
 */
export interface StringType extends StringRules {
  kind: "string";
  values?: readonly string[];
}

/** What check() requires of a string besides its type. */
export interface StringRules {
  pattern?: RegExp;
  /** The rule the pattern stands for, as a message says it after the path: "must be …". */
  form?: string;
  /** At most this many characters. */
  maxLength?: number;
  /** At most this many bytes of UTF-8. */
  maxBytes?: number;
}

/** What check() requires of a number besides its type: its range, and its unit for messages. */
export interface NumberRules {
  min?: number;
  max?: number;
  unit?: string;
}

export interface ScalarType<K extends "integer" | "number" | "boolean" | "any" = "integer" | "number" | "boolean" | "any">
  extends NumberRules {
  kind: K;
}
export interface ArrayType<I extends PropertyType = PropertyType> {
  kind: "array";
  items: I;
}
export interface MapType<V extends PropertyType = PropertyType> {
  kind: "map";
  values: V;
}
export interface ObjectType<O extends ObjectSpec = ObjectSpec> {
  kind: "object";
  object: O;
}
export interface OneOfType<T extends readonly PropertyType[] = readonly PropertyType[]> {
  kind: "oneOf";
  types: T;
}

/** A property's type, as the Pulumi schema can say it. */
export type PropertyType = StringType | ScalarType | ArrayType | MapType | ObjectType | OneOfType;

export interface PropertySpec<T extends PropertyType = PropertyType, R extends boolean = boolean> {
  type: T;
  description: string;
  /** An input the resource needs; an output always present. */
  required?: R;
  /** Kept secret in state and outputs. */
  secret?: boolean;
}

export type Properties = Readonly<Record<string, PropertySpec>>;

/** A named object type (a schema type `mediajobs:index:<name>`). */
export interface ObjectSpec<P extends Properties = Properties, Open extends boolean = boolean> {
  name: string;
  description: string;
  properties: P;
  /**
   * The vendor's node has more fields than are typed here, and the provider passes the others through (camelCase →
   * PascalCase): the TypeScript type has an index signature. The Pulumi schema cannot type them; its description
   * says so.
   */
  open?: Open;
}

/**
 * One case of a resource whose inputs depend on one of them (MediaPipeline's `cloud`): which of the declared inputs
 * and outputs the case has, which of them it requires, and object properties whose fields it narrows. The schema
 * holds every case's properties together (it has no unions of resources); the TypeScript types are one per case,
 * and check() refuses an input that is not the case's.
 */
export interface VariantCase {
  inputs: readonly string[];
  /** Inputs the case needs. */
  required?: readonly string[];
  outputs: readonly string[];
  /** Outputs always present in the case. */
  requiredOutputs?: readonly string[];
  /** For an object-typed property: the only fields the case takes. */
  fields?: Readonly<Record<string, readonly string[]>>;
}

/** The input whose value picks the case, and the cases by that value. */
export interface Variants {
  key: string;
  cases: Readonly<Record<string, VariantCase>>;
}

export interface ResourceSpec<I extends Properties = Properties, O extends Properties = Properties,
  V extends Variants | undefined = Variants | undefined> {
  name: string;
  description: string;
  inputs: I;
  /** What the cloud reports; the outputs also hold every input. */
  outputs: O;
  /** The output that holds the resource's id. */
  idOutput: string;
  /** Inputs whose change is applied in place; every other input change replaces the resource. */
  updatable: readonly string[];
  /** Per-case inputs and outputs, when one input decides which others apply. */
  variants?: V;
}

/** Builders, so a declaration reads as a table. Each keeps its type exact, so the value types can be derived. */
export const t = {
  string: (values?: readonly string[] | StringRules): StringType =>
    (Array.isArray(values) ? { kind: "string", values } : { kind: "string", ...values as StringRules }),
  integer: (rules: NumberRules = {}): ScalarType<"integer"> => ({ kind: "integer", ...rules }),
  number: (rules: NumberRules = {}): ScalarType<"number"> => ({ kind: "number", ...rules }),
  boolean: (): ScalarType<"boolean"> => ({ kind: "boolean" }),
  any: (): ScalarType<"any"> => ({ kind: "any" }),
  array: <I extends PropertyType>(items: I): ArrayType<I> => ({ kind: "array", items }),
  map: <V extends PropertyType>(values: V): MapType<V> => ({ kind: "map", values }),
  object: <O extends ObjectSpec>(object: O): ObjectType<O> => ({ kind: "object", object }),
  oneOf: <const T extends readonly PropertyType[]>(...types: T): OneOfType<T> => ({ kind: "oneOf", types }),
};

/** An optional property. */
export function opt<T extends PropertyType>(type: T, description: string, more: { secret?: boolean } = {}):
  PropertySpec<T, false> {
  return { type, description, ...more };
}

/** A required input, or an output always present. */
export function req<T extends PropertyType>(type: T, description: string, more: { secret?: boolean } = {}):
  PropertySpec<T, true> & { required: true } {
  return { type, description, required: true, ...more };
}

/**
 * A named object type; its property names stay known, so rules can name a property's declared values. `open: true`
 * declares a node whose other fields are passed through.
 */
export function object<P extends Properties>(name: string, description: string, properties: P): ObjectSpec<P, false>;
export function object<P extends Properties>(name: string, description: string, properties: P, more: { open: true }):
  ObjectSpec<P, true>;
export function object<P extends Properties>(name: string, description: string, properties: P,
  more: { open?: boolean } = {}): ObjectSpec<P> {
  return { name, description, properties, ...more };
}

/** A resource's declaration, its property names (and its cases' name lists) kept in its type. */
export function resource<I extends Properties, O extends Properties, const V extends Variants | undefined = undefined>(
  spec: ResourceSpec<I, O, V>): ResourceSpec<I, O, V> {
  return spec;
}

/** The closed value set a string property declares: what check() accepts, and what the schema documents. */
export function valuesOf(spec: PropertySpec): readonly string[] {
  if (spec.type.kind !== "string" || !spec.type.values) throw new Error(`"${spec.description}" declares no values`);
  return spec.type.values;
}

/** The input and output names of a resource, for the provider (diff, outputs) and the checks of SDK and README. */
export function namesOf(spec: ResourceSpec): { inputs: string[]; outputs: string[] } {
  return { inputs: Object.keys(spec.inputs), outputs: Object.keys(spec.outputs) };
}

// ---- The TypeScript types a declaration stands for ----

/** Flattens an intersection into one object type, so hovers and errors show plain fields. */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

type RequiredNames<P extends Properties> = { [K in keyof P]: P[K] extends { required: true } ? K : never }[keyof P];

/** The value a declared type stands for. */
export type ValueOf<T extends PropertyType> =
  T extends StringType ? string :
  T extends ScalarType<"integer" | "number"> ? number :
  T extends ScalarType<"boolean"> ? boolean :
  T extends ScalarType<"any"> ? unknown :
  T extends ArrayType<infer I extends PropertyType> ? ValueOf<I>[] :
  T extends MapType<infer V extends PropertyType> ? Record<string, ValueOf<V>> :
  T extends ObjectType<infer O extends ObjectSpec> ? ObjectValue<O> :
  T extends OneOfType<infer U extends readonly PropertyType[]> ? ValueOf<U[number]> :
  never;

/** An object whose properties are declared: required ones present, the others optional. */
export type ValuesOf<P extends Properties> = Simplify<
  { [K in RequiredNames<P>]: ValueOf<P[K]["type"]> } &
  { [K in Exclude<keyof P, RequiredNames<P>>]?: ValueOf<P[K]["type"]> }>;

/** A declared object type's value; an open one takes other fields too. */
export type ObjectValue<O extends ObjectSpec> = O extends ObjectSpec<infer P extends Properties, infer Open>
  ? true extends Open ? Simplify<ValuesOf<P> & { [field: string]: unknown }> : ValuesOf<P>
  : never;

type Listed<L> = L extends readonly (infer N extends string)[] ? N : never;

/** A property's value in a case: narrowed to the case's fields where it says so. */
type CaseValue<S extends PropertySpec, C extends VariantCase, K> = ValueOf<S["type"]> extends infer X
  ? C["fields"] extends Readonly<Record<string, readonly string[]>>
    ? K extends keyof C["fields"] ? Simplify<Pick<X, Listed<C["fields"][K]> & keyof X>> : X
    : X
  : never;

/** The properties `names` of `P` as one case has them: `required` present, the others optional. */
type CaseValues<P extends Properties, C extends VariantCase, Names extends string, Required extends string> = Simplify<
  { [K in Names & Required & keyof P]: CaseValue<P[K], C, K> } &
  { [K in Exclude<Names & keyof P, Required>]?: CaseValue<P[K], C, K> }>;

type CaseInputs<R extends ResourceSpec, V extends Variants, C extends keyof V["cases"] & string> = Simplify<
  { [K in V["key"]]: C } &
  CaseValues<R["inputs"], V["cases"][C], Listed<V["cases"][C]["inputs"]>, Listed<V["cases"][C]["required"]>>>;

type CaseComputed<R extends ResourceSpec, V extends Variants, C extends keyof V["cases"] & string> =
  CaseValues<R["outputs"], V["cases"][C], Listed<V["cases"][C]["outputs"]>, Listed<V["cases"][C]["requiredOutputs"]>>;

type VariantsOf<R> = R extends ResourceSpec<Properties, Properties, infer V> ? V : undefined;

/** A resource's inputs as the provider takes them (resolved values); one type per case for a resource with cases. */
export type InputsOf<R extends ResourceSpec> = VariantsOf<R> extends infer V extends Variants
  ? { [C in keyof V["cases"] & string]: CaseInputs<R, V, C> }[keyof V["cases"] & string]
  : ValuesOf<R["inputs"]>;

/** What the cloud reports of a resource (its declared outputs); one type per case for a resource with cases. */
export type ComputedOf<R extends ResourceSpec> = VariantsOf<R> extends infer V extends Variants
  ? { [C in keyof V["cases"] & string]: CaseComputed<R, V, C> }[keyof V["cases"] & string]
  : ValuesOf<R["outputs"]>;

/** A resource's whole state: its inputs and what the cloud reports (per case, for a resource with cases). */
export type OutputsOf<R extends ResourceSpec> = VariantsOf<R> extends infer V extends Variants
  ? { [C in keyof V["cases"] & string]: Simplify<CaseInputs<R, V, C> & CaseComputed<R, V, C>> }[keyof V["cases"] & string]
  : Simplify<ValuesOf<R["inputs"]> & ValuesOf<R["outputs"]>>;

/** The declared outputs of a resource, each as a value that may be undefined unless the output is always present. */
export type DeclaredOutputs<R extends ResourceSpec> = {
  [K in keyof R["outputs"]]: ValueOf<R["outputs"][K]["type"]> |
    (R["outputs"][K] extends { required: true } ? never : undefined)
};
