/**
 * The entry of the self-contained plugin (scripts/package.sh bundles it into a Node single-executable application):
 * there is no package.json beside the executable, so the bundler writes the version in.
 */
import { start } from "./main";

declare const MEDIAJOBS_VERSION: string;

start(MEDIAJOBS_VERSION);
