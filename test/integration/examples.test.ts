import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/engine";

describe("examples composed with other Pulumi providers", () => {
  it("alicloud-oss-cartoonize type-checks against the SDK with @pulumi/alicloud and @pulumi/random", function () {
    this.timeout(180_000);
    const dir = join(REPO_ROOT, "examples", "alicloud-oss-cartoonize");
    const tsc = join(dir, "node_modules", ".bin", "tsc");
    if (!existsSync(join(dir, "node_modules", "@pulumi", "alicloud")) || !existsSync(tsc)) {
      // scripts/test.sh installs them; a missing install must not pass silently in CI.
      if (process.env.CI === "true") throw new Error(`run \`npm ci\` in ${dir} first (scripts/test.sh does)`);
      this.skip();
    }
    // Throws with tsc's diagnostics when the example does not type-check.
    execFileSync(tsc, ["--noEmit", "-p", dir], { encoding: "utf8", stdio: "pipe" });
  });
});
