import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ProviderEntry, RESOURCES } from "../../provider/resources";
import { lazyProvider, providerFor, serializableByReference } from "../../sdk/provider-ref";

const ENTRIES: ProviderEntry[] = RESOURCES.map((r) => r.entry);

/** What the engine stores as `__provider` (dynamic.Resource serializes `() => provider` the same way). */
async function serialized(entry: ProviderEntry): Promise<string> {
  const provider = providerFor(entry);
  return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: false })).text;
}

describe("the dynamic entries", () => {
  it("are one module per resource of the registry", () => {
    const files = readdirSync(join(__dirname, "..", "..", "provider", "entry")).filter((f) => f.endsWith(".js"))
      .map((f) => f.replace(/\.js$/, "")).sort();
    assert.deepEqual(files, [...ENTRIES].sort());
    // (Each module's export is checked below, loaded as the provider process loads it: requiring it here by
    // package self-reference would put the checkout's copy first in the module cache.)
  });
});

describe("the serialized provider", () => {
  for (const entry of ENTRIES) {
    it(`is a reference to pulumi-mediajobs/provider/${entry}, a few hundred bytes`, async () => {
      const text = await serialized(entry);
      assert.ok(text.includes(`require("pulumi-mediajobs/provider/${entry}")`), text);
      assert.ok(Buffer.byteLength(text) < 512, `${Buffer.byteLength(text)} bytes`);
    });
  }

  it("loads in a fresh process and is the provider", async () => {
    const text = await serialized("ci-media-job");
    const m = { exports: {} as { handler?: () => Record<string, unknown> } };
    new Function("exports", "require", "module", text)(m.exports, require, m);
    const provider = m.exports.handler!();
    for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"]) {
      assert.equal(typeof provider[method], "function", method);
    }
    assert.equal(provider, require("pulumi-mediajobs/provider").ciMediaJobProvider);
  });

  it("falls back (outside node_modules) to methods that require the same entry by name at call time", async () => {
    const lazy = lazyProvider("ci-media-job");
    const real = require("pulumi-mediajobs/provider/ci-media-job");
    const inputs = { bucket: "nope", region: "ap-guangzhou", tag: "MediaInfo", input: { object: "a.mp4" } };
    assert.deepEqual(await lazy.check!({}, inputs), await real.check({}, inputs));
    const text = (await pulumi.runtime.serializeFunction(() => lazy, { allowSecrets: false })).text;
    assert.ok(text.includes("require(`pulumi-mediajobs/provider/${entry}`)"), text);
  });
});

describe("which installed paths the closure serializer can name", () => {
  it("takes the package right after the first node_modules (npm, yarn), not pnpm's store", () => {
    assert.equal(serializableByReference("/p/node_modules/pulumi-mediajobs/dist/provider/entry/ci-media-job.js"), true);
    assert.equal(serializableByReference("/a/node_modules/x/node_modules/pulumi-mediajobs/dist/a.js"), false);
    assert.equal(serializableByReference(
      "/p/node_modules/.pnpm/pulumi-mediajobs@0.1.0/node_modules/pulumi-mediajobs/dist/provider/entry/ci-media-job.js"),
    false);
    assert.equal(serializableByReference("/work/main/dist/provider/entry/ci-media-job.js"), false);
  });
});
