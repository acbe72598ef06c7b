/**
 * The package's resources, listed once: the schema (schema/package-schema.ts), the plugin (by token) and the dynamic
 * providers (by entry, `pulumi-mediajobs/provider/<entry>`) all take them from here.
 */
import { CI_MEDIA_JOB_RESOURCE } from "./ci-media-job/resource";
import { ConfigurationError } from "./errors";
import { INVENTORY_TRIGGER_JOB_RESOURCE } from "./inventory-trigger-job/resource";
import { IPRODUCTION_JOB_RESOURCE } from "./iproduction-job/resource";
import { MEDIA_PIPELINE_RESOURCE } from "./media-pipeline/resource";
import type { ResourceDefinition } from "./resource/definition";
import { tokenOf } from "./schema/tokens";

export const RESOURCES = [
  CI_MEDIA_JOB_RESOURCE, INVENTORY_TRIGGER_JOB_RESOURCE, IPRODUCTION_JOB_RESOURCE, MEDIA_PIPELINE_RESOURCE,
] as const;

/** The dynamic form's entries: `pulumi-mediajobs/provider/<entry>` (existing stacks' state requires them by name). */
export type ProviderEntry = (typeof RESOURCES)[number]["entry"];

const BY_TOKEN: ReadonlyMap<string, ResourceDefinition> = new Map(RESOURCES.map((r) => [tokenOf(r.spec.name), r]));

/** The resource of a schema token (`mediajobs:index:<Name>`). */
export function resourceOfToken(token: string): ResourceDefinition {
  const resource = BY_TOKEN.get(token);
  if (!resource) throw new ConfigurationError(`the mediajobs provider has no resource type ${token}.`);
  return resource;
}
