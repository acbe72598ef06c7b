import * as pulumi from "@pulumi/pulumi";

/**
 * A job resource's stable identity (project/stack/type/name), passed to the provider as the hidden input
 * `__identity`. The provider derives the marker a submission carries from it, so a job submitted by an interrupted
 * `pulumi up` is recognised (and adopted) by the next one instead of being submitted again. diff ignores it.
 */
export function identity(type: string, name: string): string {
  return `${pulumi.getProject()}/${pulumi.getStack()}/${type}/${name}`;
}
