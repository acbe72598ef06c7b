/**
 * Endpoint overrides (design §2): the client connects to the override but sends, and signs, the canonical Host the
 * real cloud would receive. Plain http is refused for anything but loopback so credentials-bearing requests never
 * cross a network in clear text.
 */
import { isIP } from "node:net";
import { ConfigurationError } from "../errors";

export interface Endpoint {
  /** Base URL the connection goes to (`https://host` or the override). */
  origin: string;
  /** The Host header sent and signed. */
  host: string;
}

export function resolveEndpoint(canonicalHost: string, override: string | undefined, settingName: string): Endpoint {
  if (!override) return { origin: `https://${canonicalHost}`, host: canonicalHost };
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    throw new ConfigurationError(`${settingName} must be a base URL such as http://127.0.0.1:9700; got "${override}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(`${settingName} must use http:// or https://; got "${url.protocol}".`);
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    throw new ConfigurationError(
      `${settingName} uses plain http:// to ${url.hostname}, which is not a loopback address: use https://.`);
  }
  return { origin: url.origin, host: canonicalHost };
}

function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "");
  if (h === "localhost") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  return h === "::1";
}
