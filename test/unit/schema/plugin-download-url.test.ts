/**
 * Where the engine downloads the plugin from: the schema's pluginDownloadURL reaches every generated SDK (Node's
 * package.json `pulumi.server`, Python's and Go's pulumi-plugin.json `server`), and the plugin's Node SDK
 * (`pulumi-mediajobs/plugin`, compiled into dist/sdk/nodejs and shipped in the npm package) sends it with every
 * resource it registers, so the engine can install the plugin a program needs by itself.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { PLUGIN_DOWNLOAD_URL } from "../../../provider/schema/package-schema";
import { useMockedRegistrations } from "../../helpers/mock-monitor";

const ROOT = join(__dirname, "..", "..", "..", "..");
const json = (...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), "utf8"));

describe("the plugin's download URL", () => {
  it("is in every generated SDK's plugin metadata", () => {
    assert.equal(json("schema.json").pluginDownloadURL, PLUGIN_DOWNLOAD_URL);
    assert.equal(json("sdk", "nodejs", "package.json").pulumi.server, PLUGIN_DOWNLOAD_URL);
    assert.equal(json("dist", "sdk", "nodejs", "package.json").pulumi.server, PLUGIN_DOWNLOAD_URL);
    assert.equal(json("sdk", "python", "pulumi_mediajobs", "pulumi-plugin.json").server, PLUGIN_DOWNLOAD_URL);
    assert.equal(json("sdk", "go", "mediajobs", "pulumi-plugin.json").server, PLUGIN_DOWNLOAD_URL);
    assert.ok(readFileSync(join(ROOT, "sdk", "go", "mediajobs", "internal", "pulumiUtilities.go"), "utf8")
      .includes(`pulumi.PluginDownloadURL("${PLUGIN_DOWNLOAD_URL}")`), "the Go SDK's default resource options");
  });

  describe("the plugin's Node SDK", () => {
    const sent: { type: string; url: string; version: string }[] = [];
    useMockedRegistrations((req) => {
      // The mocks see a registration's inputs only: read what the SDK put in the request itself.
      sent.push({ type: req.getType(), url: req.getPlugindownloadurl(), version: req.getVersion() });
    });

    it("registers each resource with the schema's pluginDownloadURL and the package's version", async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mediajobs = require(join(ROOT, "dist", "sdk", "nodejs")) as typeof import("pulumi-mediajobs/plugin");
      const job = new mediajobs.CiMediaJob("info", { bucket: "examplebucket-1250000000", tag: "MediaInfo",
        input: { object: "a.mp4" }, operation: {} });
      const queue = new mediajobs.MediaPipeline("queue", { cloud: "tencentcloud", bucket: "examplebucket-1250000000" });
      await new Promise<void>((resolve) => pulumi.all([job.urn, queue.urn]).apply(() => resolve()));
      const version = json("package.json").version;
      assert.deepEqual(sent.filter((s) => s.type.startsWith("mediajobs:"))
        .sort((a, b) => a.type.localeCompare(b.type)), [
        { type: "mediajobs:index:CiMediaJob", url: PLUGIN_DOWNLOAD_URL, version },
        { type: "mediajobs:index:MediaPipeline", url: PLUGIN_DOWNLOAD_URL, version },
      ]);
    });
  });
});
