/**
 * What `pulumi preview` can tell about the settings a resource will need, without a network call: whether its
 * cloud's credentials have a source (and which), and whether the configured region is a region id. The plugin's
 * CheckConfig reports a broken setting against the Provider input; each resource's check reports its own cloud's,
 * so that a missing secret key stops the preview instead of the `up` halfway through (after the other cloud's
 * resources were created).
 */
import { Checker } from "../check/checker";
import { checkProperties } from "../check/declared";
import type { CheckFailure } from "../check/checker";
import { SETTINGS, Setting, Settings } from "../config/settings";
import { opt } from "../schema/declare";
import type { ProviderContext } from "../lifecycle/provider-context";
import { Cloud, planCredentials } from "./plan";

/** The region setting of each cloud. */
const REGION: Record<Cloud, Setting> = { alibaba: SETTINGS.alicloudRegion, tencent: SETTINGS.tencentRegion };

/** A string setting's value against its declared form, the failure naming the key or variable it came from. */
export function settingFormProblems(settings: Settings, setting: Setting): string[] {
  const value = settings.value(setting);
  if (value === undefined || !setting.form) return [];
  const c = new Checker();
  const key = settings.inConfig(setting) ? settings.keyOf(setting)
    : `$${setting.env.find((e) => settings.environment[e]) ?? setting.env[0]}`;
  checkProperties(c, { [key]: opt(setting.form, setting.description) }, { [key]: value }, "");
  return c.failures.map((f) => f.reason);
}

/** CheckConfig: what a provider's own settings break for either cloud, by the setting to blame. */
export function configProblems(settings: Settings): { setting: Setting; message: string }[] {
  const out: { setting: Setting; message: string }[] = [];
  for (const cloud of ["alibaba", "tencent"] as const) {
    for (const message of settingFormProblems(settings, REGION[cloud])) out.push({ setting: REGION[cloud], message });
    // Absence is not the provider's fault: a stack may use one cloud only. Resources that need it say so.
    out.push(...planCredentials(cloud, settings).problems.filter((p) => p.kind === "broken"));
  }
  return out;
}

/** What a resource of `cloud` reports at check: every problem of its cloud's settings; a warning for a last resort. */
export function resourceReadiness(ctx: ProviderContext, cloud: Cloud): { failures: CheckFailure[]; warning?: string } {
  // The configured region is checked even where the resource names its own, as the plugin's CheckConfig does.
  const failures: CheckFailure[] = settingFormProblems(ctx.settings, REGION[cloud]).map((reason) => ({ property: "", reason }));
  const { plan, problems } = ctx.credentialPlan(cloud);
  for (const p of problems) failures.push({ property: "", reason: p.message });
  if (!plan?.lastResort) return { failures };
  const name = cloud === "alibaba" ? "Alibaba Cloud" : "Tencent Cloud";
  return { failures, warning: `No ${name} credentials are configured (looked at ${plan.tried.join("; ")}): ` +
    `\`pulumi up\` will ask ${plan.spec.where}, which answers only on a cloud instance with a role. Configure a ` +
    `credential source if this is not one.` };
}
