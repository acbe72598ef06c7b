/**
 * The dynamic providers of `pulumi-mediajobs/provider` (design §2): each resource's lifecycle through the dynamic
 * adapter. Without options they share this process's context (what every dynamic resource of a stack runs on);
 * tests and users' own tests make their own with `create…Provider`.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { CI_MEDIA_JOB_RESOURCE } from "./ci-media-job/resource";
import { INVENTORY_TRIGGER_JOB_RESOURCE } from "./inventory-trigger-job/resource";
import { IPRODUCTION_JOB_RESOURCE } from "./iproduction-job/resource";
import { MEDIA_PIPELINE_RESOURCE } from "./media-pipeline/resource";
import { dynamicProvider, DynamicProviderOptions } from "./resource/dynamic";

export type { DynamicProviderOptions } from "./resource/dynamic";
/** The options of every `create…Provider` (0.1 names). */
export type JobProviderOptions = DynamicProviderOptions;
export type CiMediaJobProviderOptions = DynamicProviderOptions;
export type MediaPipelineProviderOptions = DynamicProviderOptions;

export function createCiMediaJobProvider(options: DynamicProviderOptions = {}): dynamic.ResourceProvider {
  return dynamicProvider(CI_MEDIA_JOB_RESOURCE, options);
}

export function createInventoryTriggerJobProvider(options: DynamicProviderOptions = {}): dynamic.ResourceProvider {
  return dynamicProvider(INVENTORY_TRIGGER_JOB_RESOURCE, options);
}

export function createIProductionJobProvider(options: DynamicProviderOptions = {}): dynamic.ResourceProvider {
  return dynamicProvider(IPRODUCTION_JOB_RESOURCE, options);
}

/** `options` may also be the log function alone (as in 0.1). */
export function createMediaPipelineProvider(options: DynamicProviderOptions | ((line: string) => void) = {}):
  dynamic.ResourceProvider {
  return dynamicProvider(MEDIA_PIPELINE_RESOURCE, typeof options === "function" ? { log: options } : options);
}

/** The providers that `pulumi-mediajobs`' resources use (`pulumi-mediajobs/provider/<entry>` exports each). */
export const ciMediaJobProvider = createCiMediaJobProvider();
export const inventoryTriggerJobProvider = createInventoryTriggerJobProvider();
export const iproductionJobProvider = createIProductionJobProvider();
export const mediaPipelineProvider = createMediaPipelineProvider();
