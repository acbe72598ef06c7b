/**
 * The rules a declaration states (provider/schema/declare.ts), checked at every depth: required properties, each
 * value's type (array elements and map values included), closed value sets, string forms and lengths, number
 * ranges; strings that stand for numbers or booleans (stack config, YAML, other languages) are read as such and
 * returned typed. A resource's own rules (check.ts) then add only what relates several fields.
 */
import type {
  ObjectSpec, Properties, PropertySpec, PropertyType, ResourceSpec, StringType, VariantCase,
} from "../schema/declare";
import { Checker, shown } from "./checker";

/** A property's description as the end of a "… is required: …" sentence. */
function what(spec: PropertySpec): string {
  return spec.description.replace(/\.$/, "");
}

/** The declared rules of an object's properties, each reported under `prefix`. */
export function checkProperties(c: Checker, properties: Properties, value: Record<string, unknown>, prefix: string,
  required: (name: string, spec: PropertySpec) => boolean = (_n, spec) => spec.required === true): void {
  for (const [name, spec] of Object.entries(properties)) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (required(name, spec) && !c.required(path, value[name], what(spec))) continue;
    checkValue(c, spec.type, value[name], path);
  }
}

/** A value against its declared type; absent and unknown values pass (required-ness is the owner's to say). */
function checkValue(c: Checker, type: PropertyType, value: unknown, path: string): void {
  if (!c.present(value) || c.isExempt(path)) return;
  switch (type.kind) {
    case "string": return checkString(c, type, value, path);
    case "integer": return c.integer(path, value, type.min, type.max, type.unit);
    case "number": return c.number(path, value, type.min, type.unit, type.max);
    case "boolean": return c.boolean(path, value);
    case "any": return;
    case "array":
      if (c.list(path, value)) value.forEach((item, i) => checkValue(c, type.items, item, `${path}[${i}]`));
      return;
    case "map":
      if (c.object(path, value)) {
        for (const [key, item] of Object.entries(value)) checkValue(c, type.values, item, `${path}.${key}`);
      }
      return;
    case "object":
      if (c.object(path, value)) checkProperties(c, type.object.properties, value, path);
      return;
    case "oneOf":
      if (!type.types.some((alternative) => c.passes((trial) => checkValue(trial, alternative, value, path)))) {
        c.fail(path, `${path} must be ${type.types.map(kindName).join(" or ")}; got ${shown(value)}.`);
      }
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkString(c: Checker, type: StringType, value: string | unknown, path: string): void {
  if (!c.string(path, value)) return;
  // Half a surrogate pair is no text: neither UTF-8 nor a percent-encoded form can carry it.
  if (LONE_SURROGATE.test(value)) c.fail(path, `${path} must be text; it holds half a UTF-16 surrogate pair.`);
  if (type.values) c.oneOf(path, value, type.values);
  if (type.maxLength !== undefined && value.length > type.maxLength) {
    c.fail(path, `${path} must be at most ${type.maxLength} characters; got ${value.length}.`);
  }
  const bytes = type.maxBytes === undefined ? 0 : Buffer.byteLength(value);
  if (type.maxBytes !== undefined && bytes > type.maxBytes) {
    c.fail(path, `${path} must be at most ${type.maxBytes} bytes (UTF-8); got ${bytes}.`);
  }
  if (type.pattern) c.pattern(path, value, type.pattern, type.form ?? `must match ${type.pattern}`);
}

function kindName(type: PropertyType): string {
  switch (type.kind) {
    case "integer": return "an integer";
    case "array": return "a list";
    case "map": case "object": return "an object";
    case "any": return "any value";
    case "oneOf": return type.types.map(kindName).join(" or ");
    default: return `a ${type.kind}`;
  }
}

/**
 * Inputs as the declaration reads them: strings that stand for numbers or booleans become them, whatever else is
 * wrong. diff compares recorded and new inputs this way: an earlier version may have kept `"1"` where check() now
 * gives 1, and that is no change.
 */
export function readAsDeclared(spec: ResourceSpec, props: Record<string, unknown>): Record<string, unknown> {
  const c = new Checker();
  checkInputs(c, spec, props);
  return c.normalised(props);
}

/**
 * A resource's inputs against its declaration. For a resource with cases (MediaPipeline's `cloud`), the case's
 * inputs only: one of another case is refused, naming the case it belongs to; the case's required ones are
 * required; an object property narrowed by the case is checked as the case's fields (another case's fields in it
 * are not refused: 0.1 took them, and the cloud ignores them).
 */
export function checkInputs(c: Checker, spec: ResourceSpec, inputs: Record<string, unknown>): void {
  const variants = spec.variants;
  if (!variants) return checkProperties(c, spec.inputs, inputs, "");
  const key = variants.key;
  checkProperties(c, { [key]: spec.inputs[key]! }, inputs, "");
  const chosen = inputs[key];
  const cases: Readonly<Record<string, VariantCase>> = variants.cases;
  // Own cases only: `cloud: "constructor"` names no case (and no Object method).
  const own = typeof chosen === "string" && Object.hasOwn(cases, chosen) ? cases[chosen] : undefined;
  if (!own) return;
  const ownInputs = Object.fromEntries(own.inputs.map((name) => [name, narrowed(spec.inputs[name]!, own.fields?.[name])]));
  checkProperties(c, ownInputs, inputs, "", (name, s) => s.required === true || (own.required ?? []).includes(name));
  for (const name of Object.keys(spec.inputs)) {
    if (name === key || own.inputs.includes(name) || !c.present(inputs[name])) continue;
    const owners = Object.entries(cases).filter(([, other]) => other.inputs.includes(name)).map(([v]) => `"${v}"`);
    c.fail(name, `${name} is for ${key} ${owners.join(" or ")}, not ${key} "${String(chosen)}".`);
  }
}

/** A property whose object type a case narrows to some of its fields. */
function narrowed(spec: PropertySpec, fields: readonly string[] | undefined): PropertySpec {
  if (!fields || spec.type.kind !== "object") return spec;
  const object: ObjectSpec = { ...spec.type.object, properties: Object.fromEntries(fields.map((f) =>
    [f, (spec.type as { object: ObjectSpec }).object.properties[f]!])) };
  return { ...spec, type: { kind: "object", object } };
}
