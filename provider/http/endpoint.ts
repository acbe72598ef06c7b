/**
 * Endpoint overrides (design §2): the client connects to the override but sends, and signs, the canonical Host the
 * real cloud would receive. Plain http is refused for anything but loopback so credentials-bearing requests never
 * cross a network in clear text. An `https://` override is verified as the server the client connects to: its
 * certificate must name the override's host, and chain to the CA the user named (`mediajobs:endpointCaFile`) or,
 * without one, to the system's roots.
 */
import { isIP } from "node:net";
import type { TrustedCa } from "../config/settings";
import { ConfigurationError } from "../errors";

export interface Endpoint {
  /** Base URL the connection goes to (`https://host` or the override). */
  origin: string;
  /** The Host header sent and signed. */
  host: string;
  /** How an https:// override's certificate is checked; absent for the real endpoints and plain http. */
  tls?: EndpointTls;
}

export interface EndpointTls {
  /** The name the certificate must hold: the override's host (a DNS name or an IP address), not the canonical one. */
  identity: string;
  /** The CA to trust instead of the system roots. */
  ca?: TrustedCa;
}

/** `ca` is asked for only when the override is https:// (a CA file named but unused is never read). */
export function resolveEndpoint(canonicalHost: string, override: string | undefined, settingName: string,
  ca?: () => TrustedCa | undefined): Endpoint {
  if (!override) return { origin: `https://${canonicalHost}`, host: canonicalHost };
  const url = parseOverride(override, settingName);
  if (url.protocol === "http:") return { origin: url.origin, host: canonicalHost };
  const trusted = ca?.();
  return { origin: url.origin, host: canonicalHost, tls: { identity: bare(url.hostname), ...(trusted ? { ca: trusted } : {}) } };
}

/** An override as a URL, or the error naming the setting: a base URL, http(s), plain http only to loopback. */
export function parseOverride(override: string, settingName: string): URL {
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
  return url;
}

/** A URL hostname without the brackets of an IPv6 literal. */
function bare(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, "");
}

function isLoopback(hostname: string): boolean {
  const h = bare(hostname);
  if (h === "localhost") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  return h === "::1";
}
