/**
 * The HTTP transport: one keep-alive undici Agent per provider process (connection reuse is the cheapest request
 * there is), request timeouts, and nothing vendor-specific. Signing and parsing happen around it
 * (serialize → sign → send → parse). An https:// endpoint override gets an Agent of its own, which checks the
 * certificate against the override's host and the CA the user named.
 *
 * undici is loaded with the first request, not with the module: all of it takes about 120 ms to load, and a
 * provider that never sends (every `pulumi preview`; the plugin starts before the engine's first check) should not
 * wait for it.
 */
import { isIP } from "node:net";
import { checkServerIdentity, PeerCertificate } from "node:tls";
import type { Agent } from "undici";
import { ENDPOINT_CA_SETTING } from "../config/settings";
import { TransportError } from "../errors";
import type { EndpointTls } from "./endpoint";

export interface HttpRequest {
  origin: string;
  method: string;
  /** Path plus query string, exactly as signed. */
  pathAndQuery: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Keep the answer's body as bytes too (object downloads). */
  bytes?: boolean;
  timeoutMs?: number;
  /** How an endpoint override's certificate is checked (absent: the system roots and the origin's own name). */
  tls?: EndpointTls;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
  /** The body as received, when the request asked for bytes. */
  bytes?: Buffer;
}

/** What the request pipeline sends with: the HTTP transport below, or a test's stand-in for it. */
export interface Transport {
  send(req: HttpRequest): Promise<HttpResponse>;
}

/** An idle connection is kept this long for the next request (job polls come every 0.5–10 s). */
const KEEP_ALIVE_MS = 10_000;
/** Connections per origin: enough for a stack of hundreds of jobs under the default rate limit. */
const CONNECTIONS_PER_ORIGIN = 64;
/** One request at a time per connection: the clouds' front ends do not promise pipelining. */
const PIPELINING = 1;
/** The longest wait for an answer's headers, and between chunks of its body. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Errors that prove the request never reached the server. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

/**
 * The TLS handshake refused the server's certificate (OpenSSL's verify results as Node names them, and the name
 * check): nothing was sent, and trying again cannot help.
 */
const CERTIFICATE_REFUSED = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID",
  "CERT_SIGNATURE_FAILURE", "CERT_UNTRUSTED", "CERT_REJECTED", "INVALID_CA", "INVALID_PURPOSE",
  "CERT_CHAIN_TOO_LONG", "ERR_TLS_CERT_ALTNAME_INVALID",
]);
/** The server does not speak TLS (an https:// URL for an http:// server): nothing was sent; retrying cannot help. */
const NOT_TLS = new Set(["ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG"]);

const AGENT_OPTIONS = { keepAliveTimeout: KEEP_ALIVE_MS, connections: CONNECTIONS_PER_ORIGIN, pipelining: PIPELINING };

let loaded: typeof import("undici") | undefined;
/** undici, loaded when first needed. */
function undici(): typeof import("undici") {
  return loaded ??= require("undici") as typeof import("undici");
}

export class HttpTransport implements Transport {
  private agentOf: Agent | undefined;
  /** The Agents of https:// overrides, by origin, with the trust they were made for. */
  private readonly overrideAgents = new Map<string, { identity: string; pem: string | undefined; agent: Agent }>();

  async send(req: HttpRequest): Promise<HttpResponse> {
    const timeout = req.timeoutMs ?? REQUEST_TIMEOUT_MS;
    try {
      const res = await undici().request(req.origin + req.pathAndQuery, {
        method: req.method as "GET",
        headers: req.headers,
        body: req.body,
        dispatcher: req.tls ? this.overrideAgent(req.origin, req.tls) : this.agent(),
        // SNI names the server connected to; without this undici would send the canonical Host's name.
        ...(req.tls && isIP(req.tls.identity) === 0 ? { servername: req.tls.identity } : {}),
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      if (!req.bytes) return { status: res.statusCode, headers, body: await res.body.text() };
      const bytes = Buffer.from(await res.body.arrayBuffer());
      return { status: res.statusCode, headers, body: bytes.toString("utf8"), bytes };
    } catch (e) {
      throw transportError(req, timeout, e);
    }
  }

  /** The Agent of the clouds' own endpoints (and of http:// overrides). */
  private agent(): Agent {
    return this.agentOf ??= new (undici().Agent)(AGENT_OPTIONS);
  }

  /**
   * The Agent of an https:// override: the certificate must hold the override's host name (the server connected
   * to, not the canonical Host the request carries) and chain to the named CA, or to the system roots without one.
   * A changed CA file replaces the Agent (the emulator makes a new certificate each start).
   */
  private overrideAgent(origin: string, tls: EndpointTls): Agent {
    const known = this.overrideAgents.get(origin);
    if (known && known.identity === tls.identity && known.pem === tls.ca?.pem) return known.agent;
    void known?.agent.close();
    const agent = new (undici().Agent)({ ...AGENT_OPTIONS, connect: {
      ...(tls.ca ? { ca: tls.ca.pem } : {}),
      checkServerIdentity: (_servername: string, cert: PeerCertificate) => checkServerIdentity(tls.identity, cert),
    } });
    this.overrideAgents.set(origin, { identity: tls.identity, pem: tls.ca?.pem, agent });
    return agent;
  }

  /** Closes the pooled connections (tests; a provider process just exits). */
  async close(): Promise<void> {
    const agents = [...(this.agentOf ? [this.agentOf] : []), ...[...this.overrideAgents.values()].map((a) => a.agent)];
    this.agentOf = undefined;
    await Promise.all(agents.map((a) => a.close()));
    this.overrideAgents.clear();
  }
}

function transportError(req: HttpRequest, timeout: number, e: unknown): TransportError {
  const err = e as { code?: string; cause?: { code?: string }; message?: string };
  const code = err.code ?? err.cause?.code ?? "UND_ERR";
  const reason = code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT"
    ? `no answer within ${timeout} ms` : (err.cause as Error | undefined)?.message ?? err.message ?? code;
  // Only the origin is named: the path and query may carry ids, never anything secret, but stay terse.
  const failed = `Request to ${req.origin} failed: ${reason} (${code}).`;
  if (CERTIFICATE_REFUSED.has(code)) {
    const trust = req.tls?.ca
      ? ` The CA named in ${ENDPOINT_CA_SETTING} ("${req.tls.ca.file}") does not vouch for it for ` +
        `"${req.tls.identity}": is it the certificate the server serves now?`
      : req.tls ? ` To trust a private CA or the emulator's self-signed certificate, name its PEM file in ` +
        `${ENDPOINT_CA_SETTING}.` : "";
    return new TransportError(code, `${failed} The server's certificate was refused.${trust}`, false, false);
  }
  if (NOT_TLS.has(code)) {
    return new TransportError(code, `${failed} The server does not speak TLS: is it an http:// endpoint?`, false,
      false);
  }
  return new TransportError(code, failed, !NOT_SENT.has(code));
}
