/**
 * The emulator's HTTP server: one listener for every emulated host, routed by the Host header as the clouds'
 * front ends do (the client connects here and sends the canonical Host). Faults are injected here, around the
 * services.
 */
import { randomBytes } from "node:crypto";
import { createServer, IncomingMessage, RequestListener, Server, ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { AddressInfo } from "node:net";
import { CiService, matchesCiHost } from "./ci/routes";
import { FaultInjector } from "./faults";
import { matchesMpsHost, mpsError, MpsReply, MpsService } from "./mps/routes";
import { ciError, CiReply } from "./ci/reply";
import { StorageApi, storageServiceOf } from "./storage/routes";

export interface RequestRecord {
  method: string;
  host: string;
  path: string;
  status: number;
  /** Epoch ms when the request arrived. */
  at: number;
  /** The access key id the request says it is signed with (CI's q-ak, MPS's AccessKeyId or ACS3 Credential). */
  keyId?: string;
}

export interface Services {
  ci: CiService;
  mps: MpsService;
  storage: StorageApi;
  faults: FaultInjector;
}

interface Reply {
  status: number;
  body: string | Buffer;
  headers: Record<string, string>;
}


/** HTTP, or HTTPS when given a key and certificate (PEM); the same services either way. */
export function createEmulatorServer(services: Services, record: (r: RequestRecord) => void,
  tls?: { key: string; cert: string }): Server {
  const listener: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void handle(services, req, Buffer.concat(chunks), res, record).catch((e: Error) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end(`emulator error: ${e.message}`);
      });
    });
  };
  return tls ? createHttpsServer(tls, listener) : createServer(listener);
}

async function handle({ ci, mps, storage, faults }: Services, req: IncomingMessage, raw: Buffer, res: ServerResponse,
  recordRequest: (r: RequestRecord) => void): Promise<void> {
  const at = Date.now();
  // Routed by name: a client that reaches the emulator at `<vendor host>:<port>` sends the port in Host.
  const host = hostName(req.headers.host ?? "");
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const requestId = randomBytes(12).toString("hex");
  // URL decodes the path; CI signs it as sent, which for our ids and names is the same string.
  const path = decodeURIComponent(url.pathname);
  const storageService = storageServiceOf(host);
  // Object bodies are bytes; the job APIs' are text (and may carry the RPC AccessKeyId).
  const body = storageService ? "" : raw.toString("utf8");
  const keyId = signingKeyOf(req, url, body);
  const record = (r: Omit<RequestRecord, "keyId">) => recordRequest(keyId ? { ...r, keyId } : r);
  if (storageService) {
    // The object APIs: no injected faults (those model the job APIs' throttling and failures).
    const reply = storage.handle({ method, host, path, query: queryOf(url), headers: req.headers, body: raw, requestId });
    res.writeHead(reply.status, reply.headers).end(reply.body);
    record({ method, host, path, status: reply.status, at });
    return;
  }
  const isCi = matchesCiHost(host);
  const isMps = !isCi && matchesMpsHost(host);
  if (!isCi && !isMps) {
    const reply = unknownHost(host, requestId);
    res.writeHead(reply.status, reply.headers).end(reply.body);
    record({ method, host, path, status: reply.status, at });
    return;
  }

  const delay = faults.delay();
  if (delay) await new Promise((r) => setTimeout(r, delay));
  const fault = faults.before();
  if (fault === "reset") {
    req.socket.destroy();
    record({ method, host, path, status: 0, at });
    return;
  }
  let reply: Reply;
  // The requests that submit a job: a fault may process them and then drop the answer.
  let submission = false;
  if (fault) {
    reply = isCi ? ciFault(fault, requestId) : mpsFault(fault, requestId, host);
  } else if (isCi) {
    reply = fromCi(ci.handle({ method, host, path, query: queryOf(url), headers: req.headers, body, requestId }),
      requestId);
    submission = method === "POST" && (path === "/jobs" || path === "/inventorytriggerjob");
  } else {
    const r = mps.handle({ method, host, path: url.pathname, query: url.search.slice(1), headers: req.headers, body,
      requestId });
    reply = fromMps(r, requestId);
    submission = r.action === "SubmitIProductionJob";
  }
  if (submission && reply.status === 200 && faults.loseAnswer()) {
    // Processed, but the answer never arrives: the client cannot tell whether the job exists.
    req.socket.destroy();
    record({ method, host, path, status: 0, at });
    return;
  }
  res.writeHead(reply.status, reply.headers).end(reply.body);
  record({ method, host, path, status: reply.status, at });
}

/**
 * The key id a request names: q-sign's `q-ak` (CI, COS), an ACS3 `Credential`, OSS's `OSS <id>:…`, or the RPC
 * `AccessKeyId` (query or form body).
 */
function signingKeyOf(req: IncomingMessage, url: URL, body: string): string | undefined {
  const authorization = String(req.headers.authorization ?? "");
  const named = /(?:^|&)q-ak=([^&]+)/.exec(authorization) ?? /Credential=([^,\s]+)/.exec(authorization) ??
    /^OSS ([^:\s]+):/.exec(authorization);
  if (named) return named[1];
  return url.searchParams.get("AccessKeyId") ?? new URLSearchParams(body).get("AccessKeyId") ?? undefined;
}

/** The query parameters, decoded (a repeated one keeps its last value). */
function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
}

/** The Host header's name, lower case, without a port (`[::1]:9700` → `[::1]`). */
function hostName(header: string): string {
  return header.toLowerCase().replace(/:\d+$/, "");
}

/**
 * A host no emulated service answers: an error document in the form the vendor's SDKs parse (XML for Tencent
 * hosts, JSON otherwise), so a client reports an API error instead of failing to parse plain text.
 */
function unknownHost(host: string, requestId: string): Reply {
  const message = `No emulated service answers for Host "${host}": the emulator serves ` +
    "<BucketName-APPID>.ci.<region>.myqcloud.com, <BucketName-APPID>.cos.<region>.myqcloud.com, " +
    "mts.<region>.aliyuncs.com and <bucket>.oss-<region>.aliyuncs.com.";
  return host.endsWith(".myqcloud.com") ? fromCi(ciError(404, "NoSuchHost", message, requestId), requestId)
    : fromMps(mpsError(404, "NoSuchHost", message, requestId, host), requestId);
}

function fromCi(r: CiReply, requestId: string): Reply {
  return { status: r.status, body: r.body, headers: { "content-type": "application/xml", "x-ci-request-id": requestId } };
}

function fromMps(r: MpsReply, requestId: string, extra: Record<string, string> = {}): Reply {
  return { status: r.status, body: r.body, headers: { "content-type": r.contentType, "x-acs-request-id": requestId,
    ...extra } };
}

function ciFault(fault: "throttle" | "serverError", requestId: string): Reply {
  const [status, code, message] = fault === "throttle"
    ? [503, "SlowDown", "Please reduce your request rate."] : [500, "InternalError", "We encountered an internal error."];
  return fromCi(ciError(status, code, message, requestId), requestId);
}

function mpsFault(fault: "throttle" | "serverError", requestId: string, host: string): Reply {
  // Throttling answers 400 with a Code (clients must branch on Code, not status) and a retry hint in ms.
  const [status, code, message, retry] = fault === "throttle"
    ? [400, "Throttling.User", "Request was denied due to user flow control.", { "x-acs-retry-after": "20" }]
    : [500, "InternalError", "The request processing has failed due to some unknown error.", {}];
  return fromMps(mpsError(status, code, message, requestId, host), requestId, retry);
}

export function serverUrl(server: Server, protocol: "http" | "https"): string {
  const { address, port } = server.address() as AddressInfo;
  return `${protocol}://${address.includes(":") ? `[${address}]` : address}:${port}`;
}
