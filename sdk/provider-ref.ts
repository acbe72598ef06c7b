import type * as dynamic from "@pulumi/pulumi/dynamic";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
// The provider entries (`pulumi-mediajobs/provider/<entry>` exports the provider itself): a type only, so the
// program's process does not load the provider.
import type { ProviderEntry } from "../provider/resources";

const resolved = new Map<ProviderEntry, dynamic.ResourceProvider>();

/**
 * The provider object given to the engine, which serializes it into every resource's state (`__provider`). Nothing
 * of it may be captured by value (no client, module or credential: design §4), and it is stored once per resource,
 * so it must be small:
 *
 * - When the package is installed (under node_modules), the provider is the entry module's export itself, and
 *   Pulumi's closure serializer writes a module it finds in node_modules as a reference: the whole `__provider` is
 *   a few hundred bytes around `require("pulumi-mediajobs/provider/<entry>")`.
 * - Otherwise (a linked checkout outside node_modules, where the serializer would copy the implementation by value,
 *   or pnpm's store, where it cannot name the module) it falls back to seven one-line methods that require the
 *   implementation by package name at call time (~2 KB).
 */
export function providerFor(entry: ProviderEntry): dynamic.ResourceProvider {
  let provider = resolved.get(entry);
  if (!provider) {
    provider = byReference(entry) ?? lazyProvider(entry);
    resolved.set(entry, provider);
  }
  return provider;
}

/**
 * The entry's export when the serializer will write it as `require(…)`: it finds it under node_modules. It is
 * loaded the way the provider process will load it, from the program directory's node_modules (a plain `require`
 * here could resolve by package self-reference to a checkout outside node_modules).
 */
function byReference(entry: ProviderEntry): dynamic.ResourceProvider | undefined {
  let exported: unknown;
  try {
    exported = (installedPackageRequire() ?? require)(`pulumi-mediajobs/provider/${entry}`);
  } catch {
    return undefined;
  }
  // The serializer names a module by the first cache entry holding the same exports object.
  const first = Object.entries(require.cache).find(([, m]) => m?.exports === exported)?.[0];
  return first && serializableByReference(first) ? exported as dynamic.ResourceProvider : undefined;
}

/**
 * Whether Pulumi's closure serializer can write the module at `path` as a `require(…)`: it takes the part after the
 * FIRST `node_modules` segment as the module's name, so the package must come right after it. pnpm's store
 * (`node_modules/.pnpm/<id>/node_modules/pulumi-mediajobs/…`, the real path Node loads) breaks that rule and the
 * serializer fails on it; the lazy provider, which requires by name at call time, works there.
 */
export function serializableByReference(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const first = parts.indexOf("node_modules");
  return first >= 0 && parts[first + 1] === "pulumi-mediajobs";
}

/** `require` as seen from the nearest node_modules/pulumi-mediajobs above the program directory. */
function installedPackageRequire(): NodeRequire | undefined {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const manifest = join(dir, "node_modules", "pulumi-mediajobs", "package.json");
    if (existsSync(manifest)) return createRequire(manifest);
    if (dirname(dir) === dir) return undefined;
  }
}

export function lazyProvider(entry: ProviderEntry): dynamic.ResourceProvider {
  return {
    configure: (...a) => require(`pulumi-mediajobs/provider/${entry}`).configure(...a),
    check: (...a) => require(`pulumi-mediajobs/provider/${entry}`).check(...a),
    diff: (...a) => require(`pulumi-mediajobs/provider/${entry}`).diff(...a),
    create: (...a) => require(`pulumi-mediajobs/provider/${entry}`).create(...a),
    read: (...a) => require(`pulumi-mediajobs/provider/${entry}`).read(...a),
    update: (...a) => require(`pulumi-mediajobs/provider/${entry}`).update(...a),
    delete: (...a) => require(`pulumi-mediajobs/provider/${entry}`).delete(...a),
  };
}
