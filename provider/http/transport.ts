/**
 * The HTTP transport: one keep-alive undici Agent per provider process (connection reuse is the cheapest request
 * there is), request timeouts, and nothing vendor-specific. Signing and parsing happen around it
 * (serialize → sign → send → parse).
 */
import { Agent, request } from "undici";
import { TransportError } from "../errors";

export interface HttpRequest {
  origin: string;
  method: string;
  /** Path plus query string, exactly as signed. */
  pathAndQuery: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
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

export class HttpTransport {
  private readonly agent = new Agent({ keepAliveTimeout: KEEP_ALIVE_MS, connections: CONNECTIONS_PER_ORIGIN,
    pipelining: PIPELINING });

  async send(req: HttpRequest): Promise<HttpResponse> {
    const timeout = req.timeoutMs ?? REQUEST_TIMEOUT_MS;
    try {
      const res = await request(req.origin + req.pathAndQuery, {
        method: req.method as "GET",
        headers: req.headers,
        body: req.body,
        dispatcher: this.agent,
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      return { status: res.statusCode, headers, body: await res.body.text() };
    } catch (e) {
      throw transportError(req.origin, timeout, e);
    }
  }

  /** Closes the pooled connections (tests; a provider process just exits). */
  close(): Promise<void> {
    return this.agent.close();
  }
}

function transportError(origin: string, timeout: number, e: unknown): TransportError {
  const err = e as { code?: string; cause?: { code?: string }; message?: string };
  const code = err.code ?? err.cause?.code ?? "UND_ERR";
  const reason = code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT"
    ? `no answer within ${timeout} ms` : (err.cause as Error | undefined)?.message ?? err.message ?? code;
  // Only the origin is named: the path and query may carry ids, never anything secret, but stay terse.
  return new TransportError(code, `Request to ${origin} failed: ${reason} (${code}).`, !NOT_SENT.has(code));
}
