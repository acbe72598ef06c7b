/**
 * A resource's identity: its URN, `urn:pulumi:<stack>::<project>::<parent types$><type>::<name>`. The plugin receives
 * it with every engine call; the dynamic SDK computes it and passes it as the hidden input `__identity` (the
 * dynamic provider protocol does not carry it). From it come the marker a job submission carries (so a job submitted
 * by an interrupted run is recognised by the next one) and the resource that progress lines are shown against.
 */

/** The hidden input that carries a dynamic resource's identity; diff and the schema never see it. */
export const IDENTITY_KEY = "__identity";

/** Where a dynamic resource keeps its provider's code in its state (the dynamic-provider host sets it). */
export const DYNAMIC_PROVIDER_KEY = "__provider";

/** The type of the stack's own root resource, which the URNs of its children do not name as a parent. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

export interface UrnParts {
  stack: string;
  project: string;
  /** The resource's type with its parents' types before it, `$`-separated. */
  qualifiedType: string;
  name: string;
}

/** The URN the engine gives a resource of `type` named `name`, under a parent of `parentType` ("" at the top). */
export function urnOf(stack: string, project: string, parentType: string, type: string, name: string): string {
  const qualified = parentType && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** A URN's parts, or undefined for anything else. The name is everything after the type (it may hold `::`). */
export function parseUrn(urn: string): UrnParts | undefined {
  const [head, project, qualifiedType, ...name] = urn.split("::");
  if (!head?.startsWith("urn:pulumi:") || project === undefined || !qualifiedType || name.length === 0) return undefined;
  return { stack: head.slice("urn:pulumi:".length), project, qualifiedType, name: name.join("::") };
}

/** The resource's own type: the last of the URN's `$`-separated types. */
export function typeOfUrn(urn: string): string {
  return parseUrn(urn)?.qualifiedType.split("$").pop() ?? "";
}

/**
 * What a job's submission marker is derived from: `<project>/<stack>/<parent types$><Name>/<name>`, where Name is the
 * package's resource name (CiMediaJob), the same in both forms, so the marker does not change when a stack moves
 * from the dynamic resources to the plugin's; the parents' types (the program's own components) keep two resources
 * of one name under different components apart. For a resource at the top this is exactly the string the 0.1 SDK
 * passed, which is taken as it is.
 */
export function markerIdentityOf(identity: string): string {
  const parts = parseUrn(identity);
  if (!parts) return identity;
  const types = parts.qualifiedType.split("$");
  const own = types.pop()!;
  // `mediajobs:index:CiMediaJob`, `pulumi-nodejs:dynamic/mediajobs:CiMediaJob`: the name after the last colon.
  const qualified = [...types, own.slice(own.lastIndexOf(":") + 1)].join("$");
  return `${parts.project}/${parts.stack}/${qualified}/${parts.name}`;
}
