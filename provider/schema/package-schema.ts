/**
 * The Pulumi package schema of `mediajobs`, built from the resources' declarations and the provider's settings:
 * what `GetSchema` answers and what the SDKs are generated from. `npm run gen` writes it to `schema.json`; a test
 * fails when the file is stale.
 */
import { Setting, SETTING_LIST } from "../config/settings";
import { RESOURCES } from "../resources";
import type { ObjectSpec, Properties, PropertySpec, PropertyType, ResourceSpec } from "./declare";
import { PROVIDER_EXAMPLES } from "./registry-example-files";
import { REGISTRY_EXAMPLES } from "./registry-examples";
import { dynamicTypeOf, PACKAGE, tokenOf } from "./tokens";

/** Where the source lives (package.json's `repository`, checked by a test); the Go SDK's module is under it. */
export const REPOSITORY = "github.com/pulumi-mediajobs/pulumi-mediajobs";
export const GO_MODULE = `${REPOSITORY}/sdk/go`;
export const GO_IMPORT_PATH = `${GO_MODULE}/${PACKAGE}`;
/**
 * Where the engine downloads the plugin from when a program needs it: the GitHub release of the version, to which the
 * engine appends `pulumi-resource-mediajobs-v<version>-<os>-<arch>.tar.gz` after replacing `${VERSION}`.
 */
export const PLUGIN_DOWNLOAD_URL = `https://${REPOSITORY}/releases/download/v\${VERSION}`;
/** The registry's logo: a 100x100 SVG in the repository (docs/logo.svg), text rather than a committed binary. */
export const LOGO_URL = `https://raw.githubusercontent.com/${REPOSITORY.replace("github.com/", "")}/main/docs/logo.svg`;

type Json = Record<string, unknown>;

/** What the schema says of an object whose other fields are passed through (the schema cannot type them). */
const OPEN = " Other fields of the cloud's node may be given too, in camelCase: they are passed through.";

/**
 * The schema of this version (none: the version-less schema of the code). `examples` are the resources' documentation
 * examples by resource name, appended to their descriptions (`npm run gen` passes them fresh from examples/registry).
 */
export function packageSchema(version?: string,
  examples: Readonly<Record<string, string>> = REGISTRY_EXAMPLES): Json {
  const types = new Map<string, ObjectSpec>();
  const config = Object.fromEntries(SETTING_LIST.map((s) => [s.providerKey, {
    ...(s.object ? typeOf({ kind: "object", object: s.object }, types) : { type: s.type ?? "string" }),
    description: `${s.description} ${fallbackOf(s)}`,
    ...(s.secret ? { secret: true } : {}),
  }]));
  const resources = Object.fromEntries(RESOURCES.map(({ spec }) => [tokenOf(spec.name),
    resourceSchema(spec, types, examples[spec.name])]));
  return {
    name: PACKAGE,
    displayName: "Media Jobs",
    ...(version ? { version } : {}),
    description: "Cloud media processing as infrastructure: Alibaba Cloud MPS smart-production jobs and pipelines, " +
      "Tencent Cloud Infinite media jobs, batch jobs and queues.",
    // The registry's conventions: `category/<one of its categories>` and `kind/native` (not bridged from Terraform,
    // not a component package).
    keywords: ["pulumi", "media", "alicloud", "tencentcloud", "category/cloud", "kind/native"],
    logoUrl: LOGO_URL,
    pluginDownloadURL: PLUGIN_DOWNLOAD_URL,
    license: "Apache-2.0",
    repository: `https://${REPOSITORY}`,
    homepage: `https://${REPOSITORY}`,
    publisher: "pulumi-mediajobs",
    meta: { moduleFormat: "(.*)" },
    language: {
      // The Node SDK of the plugin path is part of this npm package (`pulumi-mediajobs/plugin`), at its version.
      nodejs: { packageName: "pulumi-mediajobs", respectSchemaVersion: true,
        packageDescription: "Pulumi resources for cloud media processing jobs and queues, through the mediajobs " +
          "provider plugin." },
      // pip installs it next to `pulumi` from PyPI; names in Python's snake_case.
      python: { packageName: "pulumi_mediajobs", respectSchemaVersion: true, pyproject: { enabled: true },
        requires: { pulumi: ">=3.142.0,<4.0.0" } },
      // A Go module of its own at sdk/go (scripts/gen.sh writes its go.mod), package `mediajobs`.
      go: { importBasePath: GO_IMPORT_PATH, generateResourceContainerTypes: true, respectSchemaVersion: true },
    },
    config: { variables: config },
    provider: {
      description: withExamples("The mediajobs provider: credentials, regions and endpoints for both clouds. Each " +
        "setting falls back to its environment variable.", examples[PROVIDER_EXAMPLES]),
      inputProperties: config,
    },
    resources,
    types: Object.fromEntries([...types.values()].sort((a, b) => a.name.localeCompare(b.name))
      .map((o) => [tokenOf(o.name), { type: "object", description: o.description + (o.open ? OPEN : ""),
        properties: properties(o.properties, types), ...requiredAs("required", o.properties) }])),
  };
}

/** Which environment variables a setting (or each field of an object setting) falls back to. */
function fallbackOf(s: Setting): string {
  const names = (env: readonly string[]) => env.map((e) => `\`${e}\``).join(" or ");
  if (!s.fieldEnv) return `Falls back to ${names(s.env)}.`;
  return `Its fields fall back to ${Object.entries(s.fieldEnv).map(([f, env]) => `${names(env)} (${f})`).join(", ")}.`;
}

function resourceSchema(r: ResourceSpec, types: Map<string, ObjectSpec>, examples: string | undefined): Json {
  // The outputs hold every input too (a job's inputs are echoed in its state).
  const outputs: Properties = { ...r.inputs, ...r.outputs };
  const inputs = properties(r.inputs, types);
  // The provider's Diff decides what replaces; the schema says so, for every SDK's documentation.
  for (const name of Object.keys(r.inputs)) {
    if (!r.updatable.includes(name)) (inputs[name] as Json).willReplaceOnChanges = true;
  }
  return {
    description: withExamples(r.description, examples),
    aliases: [{ type: dynamicTypeOf(r.name) }],
    inputProperties: inputs,
    ...requiredAs("requiredInputs", r.inputs),
    properties: properties(outputs, types),
    ...requiredAs("required", r.outputs),
  };
}

function properties(props: Properties, types: Map<string, ObjectSpec>): Json {
  return Object.fromEntries(Object.entries(props).map(([name, p]) => [name, property(p, types)]));
}

function property(p: PropertySpec, types: Map<string, ObjectSpec>): Json {
  const values = p.type.kind === "string" && p.type.values ? ` One of: ${p.type.values.join(", ")}.` : "";
  return { ...typeOf(p.type, types), description: p.description + values, ...(p.secret ? { secret: true } : {}) };
}

function typeOf(type: PropertyType, types: Map<string, ObjectSpec>): Json {
  switch (type.kind) {
    case "string": case "integer": case "number": case "boolean":
      return { type: type.kind };
    case "any":
      return { $ref: "pulumi.json#/Any" };
    case "array":
      return { type: "array", items: typeOf(type.items, types) };
    case "map":
      return { type: "object", additionalProperties: typeOf(type.values, types) };
    case "object": {
      const known = types.get(type.object.name);
      if (known && known !== type.object) throw new Error(`two declared types are named ${type.object.name}`);
      if (!known) {
        // Registered where first reached, with the types it reaches in turn.
        types.set(type.object.name, type.object);
        for (const p of Object.values(type.object.properties)) typeOf(p.type, types);
      }
      return { $ref: `#/types/${tokenOf(type.object.name)}` };
    }
    case "oneOf":
      return { oneOf: type.types.map((t) => typeOf(t, types)) };
  }
}

function withExamples(description: string, examples: string | undefined): string {
  return examples ? `${description}\n\n${examples}` : description;
}

function requiredAs(key: string, props: Properties): Json {
  const names = Object.entries(props).filter(([, p]) => p.required).map(([n]) => n);
  return names.length ? { [key]: names } : {};
}
