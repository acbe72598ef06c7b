/**
 * The engine installs the plugin by itself, as it installs every registry provider: a user who never ran
 * `pulumi plugin install` runs a Python program, the engine reads the SDK's `pluginDownloadURL` (the schema's,
 * carried by the generated SDK with each registration), downloads `pulumi-resource-mediajobs-v<version>-<os>-<arch>.tar.gz`
 * and runs it. The release directory is served by a local HTTP server, and the engine is pointed at it by its own
 * override mechanism for plugin download URLs (`PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES`), the schema's URL unchanged.
 */
import assert from "node:assert/strict";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Emulator, startEmulator } from "../../emulator";
import { REPO_ROOT, requireEngine } from "../helpers/engine";
import {
  assertNoSecretsInBackend, checkReports, installedPlugins, PACKAGE_VERSION, pluginRelease, pluginUserEnv, pythonEnv,
  QUICK_JOBS, runReporting,
} from "../helpers/release";

/** A static server of one directory that records every request path. */
async function serveDirectory(dir: string): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const file = join(dir, basename(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)));
    if (req.method !== "GET" || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": "application/gzip", "content-length": statSync(file).size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

describe("e2e: the engine downloads and installs the plugin itself (pluginDownloadURL)", function () {
  this.timeout(600_000);
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, "schema.json"), "utf8")) as { pluginDownloadURL?: string };
  const asset = `pulumi-resource-mediajobs-v${PACKAGE_VERSION}-linux-amd64.tar.gz`;
  let emulator: Emulator;
  let served: Awaited<ReturnType<typeof serveDirectory>>;
  let env: NodeJS.ProcessEnv;
  let python: string;
  const backend = mkdtempSync(join(tmpdir(), "mediajobs-download-state-"));

  before(async function () {
    const engine = requireEngine(this);
    python = pythonEnv();
    const archive = pluginRelease();
    assert.equal(basename(archive), asset);
    served = await serveDirectory(dirname(archive));
    env = pluginUserEnv(engine, [], true);
    emulator = await startEmulator({ ...QUICK_JOBS });
  });
  after(async () => {
    await emulator?.close();
    served?.server.close();
    rmSync(backend, { recursive: true, force: true });
    if (env?.PULUMI_HOME) rmSync(env.PULUMI_HOME, { recursive: true, force: true });
  });

  it("has a pluginDownloadURL in the schema, and the generated Python SDK carries it", () => {
    assert.match(schema.pluginDownloadURL ?? "", /^https:\/\/[^$]+\$\{VERSION\}/);
    const plugin = JSON.parse(readFileSync(join(REPO_ROOT, "sdk", "python", "pulumi_mediajobs", "pulumi-plugin.json"),
      "utf8")) as { server?: string };
    assert.equal(plugin.server, schema.pluginDownloadURL);
  });

  it("runs a Python program with no plugin installed: the engine fetches the archive once, then uses it", async () => {
    assert.deepEqual(installedPlugins(env).filter((p) => p.includes("mediajobs")), [], "nothing installed beforehand");
    // The engine's override: a regular expression on the schema's URL (as the engine prints it, `${VERSION}`
    // still in it) and the URL to use instead, interpolated and suffixed with the asset's name like the original.
    const url = schema.pluginDownloadURL!;
    const prefix = url.slice(0, url.indexOf("$")).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const overrides = `^${prefix}=${served.url}/releases/v\${VERSION}`;
    const reports = await runReporting(python, [join(REPO_ROOT, "test", "e2e", "programs", "python", "automation.py"),
      `download-${process.pid}`, backend], { env: { ...env, MEDIAJOBS_EMULATOR_URL: emulator.url,
      PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: overrides } });
    checkReports(reports, { queue: "py-queue", pipeline: "py-pipeline" });
    assert.deepEqual(served.requests, [`GET /releases/v${PACKAGE_VERSION}/${asset}`],
      "one download, of this platform's archive, at the versioned URL");
    assert.deepEqual(installedPlugins(env).filter((p) => p.includes("mediajobs")),
      [`resource mediajobs ${PACKAGE_VERSION}`]);
    assert.ok(existsSync(join(env.PULUMI_HOME!, "plugins", `resource-mediajobs-v${PACKAGE_VERSION}`,
      "pulumi-resource-mediajobs")), "installed where `pulumi plugin install` puts it");
    assertNoSecretsInBackend(backend);
  });
});
