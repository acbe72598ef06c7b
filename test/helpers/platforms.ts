/**
 * The plugin's release targets and their archives (scripts/package.sh writes all five, with SHA256SUMS, into the
 * directory of the linux-amd64 archive that test/helpers/release.ts builds or MEDIAJOBS_RELEASE_TARBALL names).
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { PACKAGE_VERSION, pluginRelease } from "./release";

export const TARGETS = ["linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64", "windows-amd64"] as const;
export type Target = typeof TARGETS[number];

/** The executable's name in a target's archive. */
export const executableName = (target: Target): string =>
  target.startsWith("windows-") ? "pulumi-resource-mediajobs.exe" : "pulumi-resource-mediajobs";

/** The archive's file name, as the engine names the asset it downloads. */
export const archiveName = (target: Target): string =>
  `pulumi-resource-mediajobs-v${PACKAGE_VERSION}-${target}.tar.gz`;

/** The directory holding the five archives and SHA256SUMS. */
export function releaseDir(): string {
  return dirname(pluginRelease());
}

/** A target's archive, which must exist. */
export function releaseArchive(target: Target): string {
  const path = join(releaseDir(), archiveName(target));
  if (!existsSync(path)) throw new Error(`scripts/package.sh wrote no ${path}`);
  return path;
}
