import * as pulumi from "@pulumi/pulumi";
import { IDENTITY_KEY, parseUrn, urnOf } from "../provider/resource/identity";
import type { ResourceSpec } from "../provider/schema/declare";
import { dynamicTypeOf } from "../provider/schema/tokens";
import { registeredOutputs } from "./outputs";

/**
 * What a dynamic resource registers: every declared output (so the class exposes it), the user's args, and the
 * hidden input `__identity`, the resource's URN (provider/resource/identity.ts). The provider derives a job's
 * submission marker from it, so a job submitted by an interrupted `pulumi up` is recognised (and adopted) by the
 * next one instead of being submitted again, and shows progress against the resource. diff ignores it.
 */
export function dynamicInputs(spec: ResourceSpec, name: string, args: object, opts?: pulumi.CustomResourceOptions):
  pulumi.Inputs {
  return { ...registeredOutputs(spec), ...args, [IDENTITY_KEY]: urn(spec.name, name, opts?.parent) };
}

/**
 * The URN the engine will give the resource: under its parent's types when it has a parent. The parent's URN is read
 * through a plain promise, not as an Output of the parent: an input that is an Output of a component makes the SDK
 * wait for every child of that component first, and two children waiting on each other never register.
 */
function urn(typeName: string, name: string, parent: pulumi.Resource | undefined): pulumi.Input<string> {
  const of = (parentType: string) => urnOf(pulumi.getStack(), pulumi.getProject(), parentType,
    dynamicTypeOf(typeName), name);
  if (!parent) return of("");
  const parentUrn = new Promise<string>((resolve) => parent.urn.apply((u) => { resolve(u); return u; }));
  return parentUrn.then((u) => of(parseUrn(u)?.qualifiedType ?? ""));
}
