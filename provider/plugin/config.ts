/**
 * The provider's own config on the plugin path: `mediajobs:<key>` from the stack config (the default provider) or a
 * `Provider` resource's inputs, each falling back to its environment variables (provider/config/settings.ts).
 * CheckConfig refuses values the provider could not use, naming the key; DiffConfig never replaces the provider:
 * new credentials, endpoints or limits apply to the resources in place.
 */
import { ConfigSource, Setting, SETTING_LIST, Settings } from "../config/settings";
import type { CheckFailure } from "../check/checker";
import { isUnknown } from "../check/checker";
import { MediaJobsError } from "../errors";
import { parseOverride } from "../http/endpoint";
import { configProblems } from "../credentials/readiness";

type Props = Record<string, unknown>;

/** Config read by the provider's keys (`mediajobs:<providerKey>`) from a lookup by `<providerKey>`; empty is unset. */
function providerSource(lookup: (providerKey: string) => unknown): ConfigSource {
  return { get: (key) => {
    const value = lookup(key.replace(/^mediajobs:/, ""));
    if (value === undefined || value === null || value === "") return undefined;
    // An object setting (a role) as a Provider input is an object; as stack config the engine gives it as JSON.
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  } };
}

/** The config as the engine's Configure gives it: `mediajobs:config:<key>` → the value as a string. */
export function configSource(variables: ReadonlyMap<string, string>): ConfigSource {
  return providerSource((key) => variables.get(`mediajobs:config:${key}`));
}

/** The settings whose values are read and can be refused before any resource uses them. */
const CHECKS: { key: string; check(settings: Settings): unknown }[] = [
  { key: "ciEndpoint", check: (s) => parseOverride(s.ciEndpointOverride()!, "`mediajobs:ciEndpoint`") },
  { key: "mpsEndpoint", check: (s) => parseOverride(s.mpsEndpointOverride()!, "`mediajobs:mpsEndpoint`") },
  { key: "maxRequestsPerSecond", check: (s) => s.maxRequestsPerSecond() },
  { key: "endpointCaFile", check: (s) => s.endpointCa() },
];

/** CheckConfig: every setting given that the provider could not use, by its key. Unknown values wait for `up`. */
export function checkConfig(news: Props, env: NodeJS.ProcessEnv = process.env): CheckFailure[] {
  const known = Object.fromEntries(Object.entries(news).filter(([, v]) => !isUnknown(v)));
  const settings = new Settings(env);
  // Provider inputs (numbers and booleans among them) are read as the config strings they stand for.
  settings.useStackConfig(providerSource((key) => known[key]), "provider");
  const failures: CheckFailure[] = [];
  const names = new Set(SETTING_LIST.map((s) => s.providerKey));
  for (const key of Object.keys(news)) {
    if (key !== "version" && !names.has(key)) {
      failures.push({ property: key, reason: `mediajobs:${key} is not a setting of the mediajobs provider; it has ` +
        `${[...names].join(", ")}.` });
    }
  }
  for (const { key, check } of CHECKS) {
    if (known[key] === undefined || known[key] === null || known[key] === "") continue;
    try {
      check(settings);
    } catch (e) {
      if (!(e instanceof MediaJobsError)) throw e;
      failures.push({ property: key, reason: e.message });
    }
  }
  // The regions, and each cloud's credential source as far as it can be told offline. A value not known until `up`
  // (another resource's output) may complete a source: those wait.
  if (Object.values(news).some(isUnknown)) return failures;
  for (const problem of configProblems(settings)) {
    failures.push({ property: problem.setting.providerKey, reason: problem.message });
  }
  return failures;
}

/** DiffConfig: the settings whose value changed (an unknown value counts as changed). */
export function changedSettings(olds: Props, news: Props): Setting[] {
  return SETTING_LIST.filter((s) => {
    const [before, after] = [olds[s.providerKey], news[s.providerKey]];
    return isUnknown(after) || String(before ?? "") !== String(after ?? "");
  });
}
