/**
 * The one request pipeline of every client (CI, MPS, and the COS and OSS object APIs), as plain function
 * composition. Per attempt: read the credentials → wait for the account's rate limit → sign → send → parse; retries
 * wrap the whole attempt, so every retry reads the credentials again, waits its turn and is signed afresh.
 *
 * The order is the point: a request is signed for the instant it leaves, after its wait. Signed before a long wait
 * (a low `maxRequestsPerSecond`), it would go out with a signature already expired, and the cloud's answer would
 * send the user to fix a clock that is right. A client supplies only what is its own: the endpoint's canonical host,
 * how a request is signed, and how an answer becomes a body or an error.
 */
import type { Credentials, TrustedCa } from "../config/settings";
import { CloudApiError, TransportError } from "../errors";
import { resolveEndpoint } from "./endpoint";
import type { RateLimiter } from "./rate-limit";
import { mayRetry, RetryPolicy, withRetries } from "./retry";
import type { HttpRequest, HttpResponse, Transport } from "./transport";

/** What every client takes; the clients of one cloud account share all of it (see ProviderContext.account()). */
export interface ClientOptions {
  /**
   * Read on every attempt, after the rate-limit wait, so renewed credentials are picked up and nothing is held
   * longer than needed.
   */
  credentials: () => Credentials | Promise<Credentials>;
  /**
   * The account the rate limit is kept for (a credential source's identity, stable across renewals of temporary
   * keys); without it, the key id of each attempt's credentials.
   */
  account?: string;
  /** Where the credentials came from (settings, a role), named when the cloud refuses them. */
  credentialOrigin?: string;
  /** The endpoint override (the emulator, a proxy): connected to, while the canonical Host is sent and signed. */
  endpointOverride?: string;
  /** The CA an https:// override is verified against (read only for one). */
  endpointCa?: () => TrustedCa | undefined;
  transport: Transport;
  /** The rate limit shared by the whole stack for this account (by key id); none when absent. */
  limiter?: (keyId: string) => Pick<RateLimiter, "acquire">;
  /** Epoch-ms clock the signatures are made for (KeyTime, Timestamp, date); passed in so tests control it. */
  now?: () => number;
  /** How failed attempts are retried (default: DEFAULT_RETRY; tests that judge one answer take a single attempt). */
  retry?: RetryPolicy;
}

/** Where a client's requests go: the host the real cloud serves, and the setting that can override it. */
export interface EndpointSpec {
  canonicalHost: string;
  /** Names the override setting in configuration errors. */
  settingName: string;
}

/** What a request is signed with: whose credentials, at which instant (epoch ms), for which Host. */
export interface SigningContext {
  credentials: Credentials;
  now: number;
  host: string;
}

/** A signed request, as it goes on the wire (the pipeline adds the origin, the TLS check and the User-Agent). */
export type SignedRequest = Omit<HttpRequest, "origin" | "tls" | "timeoutMs">;

/** One call as its client knows it: whether it may be repeated, how it is signed, how its answer is read. */
export interface Exchange<T> {
  /**
   * Whether repeating the call after an ambiguous failure is harmless. A call that is not (job submission) is
   * retried only when the cloud refused it outright (throttled) or the connection was never made.
   */
  idempotent: boolean;
  /** Called once per attempt, after the wait: a pure function of the request and this context. */
  sign(context: SigningContext): SignedRequest;
  /** The single place the answer becomes a body or an error; `credentials` are what error messages must mask. */
  parse(res: HttpResponse, credentials: Credentials): T;
}

/** Sent unsigned with every request. */
const USER_AGENT = "pulumi-mediajobs";

/** A client's endpoint, resolved once, and the function that performs its calls. */
export interface RequestPipeline {
  /** The Host sent and signed. */
  readonly host: string;
  /** The base URL connected to. */
  readonly origin: string;
  send<T>(exchange: Exchange<T>): Promise<T>;
}

/**
 * A client's pipeline: the endpoint resolved (the override connected to, the canonical Host sent and signed), and
 * `send`, which runs one exchange as credentials → rate-limit wait → sign → send → parse, retried as a whole.
 */
export function requestPipeline(endpoint: EndpointSpec, options: ClientOptions): RequestPipeline {
  const { origin, host, tls } = resolveEndpoint(endpoint.canonicalHost, options.endpointOverride, endpoint.settingName,
    options.endpointCa);
  const now = options.now ?? Date.now;

  /** The account's turn, then its credentials: a renewal during a long wait is picked up. */
  async function credentialsAfterWait(): Promise<Credentials> {
    if (options.account === undefined) {
      const credentials = await options.credentials();
      await options.limiter?.(credentials.keyId).acquire();
      return credentials;
    }
    await options.limiter?.(options.account).acquire();
    return options.credentials();
  }

  async function attempt<T>(exchange: Exchange<T>): Promise<T> {
    const credentials = await credentialsAfterWait();
    const req = exchange.sign({ credentials, now: now(), host });
    const headers = { ...req.headers, "user-agent": USER_AGENT };
    let res;
    try {
      res = await options.transport.send({ ...req, origin, tls, headers });
    } catch (e) {
      throw e instanceof TransportError ? unresolved(e, host, origin, endpoint.settingName) : e;
    }
    try {
      return exchange.parse(res, credentials);
    } catch (e) {
      if (e instanceof CloudApiError && options.credentialOrigin) e.nameCredentialOrigin(options.credentialOrigin);
      throw e;
    }
  }

  return {
    host,
    origin,
    send: (exchange) => withRetries(() => attempt(exchange), (e) => mayRetry(e, exchange.idempotent), options.retry),
  };
}

/** A host name that does not resolve: which host, and the setting that sends requests elsewhere. */
function unresolved(e: TransportError, host: string, origin: string, settingName: string): TransportError {
  if (e.networkCode !== "ENOTFOUND" && e.networkCode !== "EAI_AGAIN") return e;
  const target = new URL(origin).hostname;
  return new TransportError(e.networkCode, `${e.message} The host ${target}${target === host ? "" : ` (for ${host})`} ` +
    `does not resolve: check the region, or this machine's DNS; to send the requests elsewhere (a proxy, the ` +
    `emulator), set ${settingName}.`, e.sent, e.retryable);
}
