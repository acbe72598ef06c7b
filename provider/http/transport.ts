/**
 * The shared HTTP transport: one keep-alive undici Agent per provider process, request timeouts, and nothing
 * vendor-specific. Signing and parsing happen around it (serialize → sign → send → parse).
 */
import { Agent, request } from "undici";

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

/** A failure below HTTP: connection refused or reset, timeout, TLS. `sent` is false when nothing left the client. */
export class TransportError extends Error {
  readonly code: string;
  readonly sent: boolean;
  constructor(code: string, message: string, sent: boolean) {
    super(message);
    this.name = "TransportError";
    this.code = code;
    this.sent = sent;
  }
}

// Shared by every resource of the stack: connection reuse is the cheapest request there is.
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64, pipelining: 1 });

const DEFAULT_TIMEOUT_MS = 30_000;

// Errors that prove the request never reached the server.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

export async function send(req: HttpRequest): Promise<HttpResponse> {
  const timeout = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const res = await request(req.origin + req.pathAndQuery, {
      method: req.method as "GET",
      headers: req.headers,
      body: req.body,
      dispatcher: agent,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    return { status: res.statusCode, headers, body: await res.body.text() };
  } catch (e) {
    const err = e as { code?: string; cause?: { code?: string }; message?: string };
    const code = err.code ?? err.cause?.code ?? "UND_ERR";
    const reason = code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT"
      ? `no answer within ${timeout} ms` : (err.cause as Error | undefined)?.message ?? err.message ?? code;
    // Only the origin is named: the path and query may carry ids, never anything secret, but stay terse.
    throw new TransportError(code, `Request to ${req.origin} failed: ${reason} (${code}).`, !NOT_SENT.has(code));
  }
}
