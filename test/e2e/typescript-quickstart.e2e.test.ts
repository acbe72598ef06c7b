/**
 * The README's TypeScript quickstart, as written: its blocks (test/helpers/quickstart.ts) run in order in one bash,
 * from the checkout, with a HOME and a PULUMI_HOME of the test's own, so the login and ~/mediajobs-quickstart-ts are
 * fresh and nothing is left in the machine's. What the test changes, and why:
 * - `npm ci` and `npm run build` are no-ops (checked in the text instead): they must not rewrite the checkout the
 *   suite runs from, and scripts/test.sh has done them; every other npm command (`npm pack`, the project's
 *   `npm install`) runs for real;
 * - the emulator's port 9700 becomes a free one, so a running emulator does not collide;
 * - the engine's cache stays the machine's (MEDIAJOBS_ENGINE_CACHE), and Pulumi's, the clouds' and this suite's
 *   settings are left out of the environment, as a newcomer has none.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMULATOR_ALIBABA_CREDENTIALS, EMULATOR_TENCENT_CREDENTIALS } from "../../emulator";
import { packageVersion } from "../../provider/plugin/version";
import { assertNoSecrets, REPO_ROOT, requireEngine, walk } from "../helpers/engine";
import { freePort, quickstartBlocks, quickstartEnv, quickstartScript, runScript } from "../helpers/quickstart";
import { assertNoSecretsInBackend } from "../helpers/release";

const PULUMI_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as
  { devDependencies: Record<string, string> }).devDependencies["@pulumi/pulumi"]!;

/** `npm ci` and `npm run build` said, not done; the rest of npm as it is. */
const NPM_CHECKOUT_STEPS_DONE = `npm() {
  case "$1" in ci | run) echo "(npm $*: done by the test run)" ;; *) command npm "$@" ;; esac
}
`;

/** Every key the emulator's banner prints for the dynamic resources, as `config set` takes it. */
function dynamicFormKeys(): [string, string, boolean][] {
  return [
    ["mediajobs:ciEndpoint", "http://127.0.0.1:9700", false], ["mediajobs:mpsEndpoint", "http://127.0.0.1:9700", false],
    ["tencentcloud:region", "ap-guangzhou", false], ["alicloud:region", "cn-shanghai", false],
    ["tencentcloud:secretId", EMULATOR_TENCENT_CREDENTIALS.secretId, true],
    ["tencentcloud:secretKey", EMULATOR_TENCENT_CREDENTIALS.secretKey, true],
    ["alicloud:accessKey", EMULATOR_ALIBABA_CREDENTIALS.accessKeyId, true],
    ["alicloud:secretKey", EMULATOR_ALIBABA_CREDENTIALS.accessKeySecret, true],
  ];
}

describe("e2e: the README's TypeScript quickstart, as written", function () {
  this.timeout(900_000);
  const home = mkdtempSync(join(tmpdir(), "mediajobs-ts-quickstart-home-"));
  after(() => rmSync(home, { recursive: true, force: true }));

  it("has its blocks: the checkout, the project, the emulator, the input, pulumi new, the config and up, destroy", () => {
    const blocks = quickstartBlocks("typescript");
    assert.deepEqual(blocks.map((b) => b.file ?? b.lang), ["sh", "sh", "sh", "sh", "sh", "sh", "sh"]);
    const [checkout] = blocks;
    assert.match(checkout!.text, /^npm ci && npm run build$/m, "the checkout is installed and built");
    assert.match(checkout!.text, new RegExp(`^npm pack --silent --pack-destination dist .*pulumi-mediajobs-${
      packageVersion().replace(/\./g, "\\.")}\\.tgz$`, "m"));
    const script = blocks.map((b) => b.text).join("\n");
    assert.match(script, new RegExp(`dist/pulumi-mediajobs-${packageVersion().replace(/\./g, "\\.")}\\.tgz" ` +
      `@pulumi/pulumi@${PULUMI_VERSION.replace(/\./g, "\\.")}$`, "m"), "the tarball and the tested @pulumi/pulumi");
    for (const [key, value, secret] of dynamicFormKeys()) {
      assert.ok(script.includes(`pulumi config set ${secret ? "--secret " : ""}${key} ${value}\n`),
        `the quickstart sets ${key} as the banner prints it`);
    }
    assert.ok(!/mediajobs:(tencentcloud|alicloud)/.test(script), "no plugin keys in the dynamic form's config");
    assert.match(script, /^export PATH="\$\(bash scripts\/setup-engine\.sh\):\$PATH"$/m);
    assert.match(script, /^pulumi login "file:\/\//m, "a file backend");
    assert.match(script, /mediajobs-emulator\.js" --port 9700 --data-dir emulator-data .*&$/m, "the emulator, in the background");
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Quickstarts: your own program against the emulator"));
    assert.equal(/^### .*$/m.exec(section)?.[0], "### TypeScript", "the section's first quickstart");
  });

  it("deploys the template's MediaInfo and SmartCover jobs from the npm pack tarball, prints them, destroys them",
    async function () {
      requireEngine(this);
      const port = await freePort();
      const script = NPM_CHECKOUT_STEPS_DONE +
        quickstartScript(quickstartBlocks("typescript")).replaceAll("9700", String(port));
      const { code, out } = await runScript(script, quickstartEnv(home));
      assert.equal(code, 0, out);
      // The banner printed every key the quickstart sets, for the port it listens on.
      assert.match(out, new RegExp(`mediajobs:ciEndpoint=http://127\\.0\\.0\\.1:${port}`));
      assert.match(out, new RegExp(`mediajobs:mpsEndpoint=http://127\\.0\\.0\\.1:${port}`));
      assert.match(out, /dynamic resources: tencentcloud:secretId=\S+ tencentcloud:secretKey=\S+/);
      assert.match(out, /dynamic resources: alicloud:accessKey=\S+ alicloud:secretKey=\S+/);
      assert.match(out, /dynamic resources: tencentcloud:region=ap-guangzhou alicloud:region=cn-shanghai/);
      // The project took the package from the tarball, as a file: dependency.
      const project = join(home, "mediajobs-quickstart-ts", "media-jobs");
      const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as
        { dependencies: Record<string, string> };
      assert.match(manifest.dependencies["pulumi-mediajobs"]!, /^file:.*pulumi-mediajobs-[\d.]+\.tgz$/);
      assert.equal((JSON.parse(readFileSync(join(project, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")) as
        { version: string }).version, PULUMI_VERSION);
      // `pulumi up` printed the outputs: MediaInfo of the real 4-second clip and the three covers.
      const duration = /^\s+duration\s*: "([\d.]+)"$/m.exec(out)?.[1];
      assert.ok(duration && Math.abs(Number(duration) - 4) < 0.2, `duration ${duration}\n${out}`);
      assert.match(out, /coverObjects: \[\s*\[0\]: "covers\/cover-0\.jpg"\s*\[1\]: "covers\/cover-1\.jpg"\s*\[2\]: "covers\/cover-2\.jpg"\s*\]/);
      const covers = join(home, "mediajobs-quickstart-ts", "emulator-data", "cos", "examplebucket-1250000000", "covers");
      assert.deepEqual(readdirSync(covers).sort(), ["cover-0.jpg", "cover-1.jpg", "cover-2.jpg"]);
      assert.match(out, /^cover-0\.jpg$/m, "ls shows the covers in the emulator's data directory");
      assert.match(out, /Resources:\s*\n\s*- 3 deleted/, "destroy removed the stack's resources");
      // The state is in the file backend the quickstart logged in to, with the keys only encrypted.
      const backend = join(home, "mediajobs-quickstart-ts", "state", ".pulumi");
      const state = walk(backend).map((f) => f.slice(backend.length));
      assert.ok(state.some((f) => /\/media-jobs\/dev\.json$/.test(f)), `the stack's state: ${state.join(", ")}`);
      assertNoSecretsInBackend(backend);
      assertNoSecrets(readFileSync(join(project, "Pulumi.dev.yaml"), "utf8"), "the stack's config");
      // The plugin form, as the paragraph after the quickstart says: the same program type-checks against
      // `pulumi-mediajobs/plugin` with the region from `mediajobs:tencentcloudRegion`.
      const program = readFileSync(join(project, "index.ts"), "utf8");
      const plugin = program.replace('from "pulumi-mediajobs"', 'from "pulumi-mediajobs/plugin"')
        .replace('new pulumi.Config("tencentcloud").require("region")',
          'new pulumi.Config("mediajobs").require("tencentcloudRegion")');
      assert.ok(plugin.includes('"pulumi-mediajobs/plugin"') && plugin.includes('"tencentcloudRegion"'),
        "the template has the two lines the paragraph changes");
      writeFileSync(join(project, "index.ts"), plugin);
      try {
        execFileSync("npx", ["--no-install", "tsc", "--noEmit", "-p", "."], { cwd: project, stdio: ["ignore", "pipe", "pipe"] });
      } catch (error) {
        assert.fail(`the plugin form does not type-check:\n${String((error as { stdout?: Buffer }).stdout)}`);
      }
    });
});
