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
import { AlibabaSts, matchesAlibabaStsHost } from "./sts/alibaba-sts";
import { matchesMetadataHost, MetadataService } from "./sts/metadata";
import { matchesTencentStsHost, TencentSts } from "./sts/tencent-sts";

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
  /** Both clouds' STS and instance metadata services (no injected faults: those model the job APIs). */
  credentials: { alibabaSts: AlibabaSts; tencentSts: TencentSts; metadata: MetadataService };
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

/** One request as the services see it: the raw bytes, and the text of a job API's body. */
interface Exchange {
  req: IncomingMessage;
  method: string;
  /** The Host header's name, without a port. */
  host: string;
  url: URL;
  /** The path, decoded. */
  path: string;
  raw: Buffer;
  body: string;
  requestId: string;
}

async function handle(services: Services, req: IncomingMessage, raw: Buffer, res: ServerResponse,
  recordRequest: (r: RequestRecord) => void): Promise<void> {
  const at = Date.now();
  // Routed by name: a client that reaches the emulator at `<vendor host>:<port>` sends the port in Host.
  const host = hostName(req.headers.host ?? "");
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const storageService = storageServiceOf(host);
  // URL decodes the path; CI signs it as sent, which for our ids and names is the same string.
  const x: Exchange = { req, method: req.method ?? "GET", host, url, path: decodeURIComponent(url.pathname), raw,
    // Object bodies are bytes; the job APIs' are text (and may carry the RPC AccessKeyId).
    body: storageService ? "" : raw.toString("utf8"), requestId: randomBytes(12).toString("hex") };
  const keyId = signingKeyOf(req, url, x.body);
  const status = storageService ? send(res, storage(services.storage, x))
    : matchesCiHost(host) || matchesMpsHost(host) ? await jobApi(services, x, res)
      : send(res, credentialsApi(services.credentials, x) ?? unknownHost(host, x.requestId));
  recordRequest({ method: x.method, host, path: x.path, status, at, ...(keyId ? { keyId } : {}) });
}

/** The object APIs: no injected faults (those model the job APIs' throttling and failures). */
function storage(api: StorageApi, x: Exchange): Reply {
  return api.handle({ method: x.method, host: x.host, path: x.path, query: queryOf(x.url), headers: x.req.headers,
    body: x.raw, requestId: x.requestId });
}

/** STS (either cloud) or a metadata service, if the Host names one. */
function credentialsApi(api: Services["credentials"], x: Exchange): Reply | undefined {
  if (matchesAlibabaStsHost(x.host)) {
    return fromMps(api.alibabaSts.handle({ method: x.method, host: x.host, path: x.url.pathname,
      query: x.url.search.slice(1), headers: x.req.headers, body: x.body, requestId: x.requestId }), x.requestId);
  }
  if (matchesTencentStsHost(x.host)) {
    const r = api.tencentSts.handle({ method: x.method, host: x.host, path: x.url.pathname,
      query: queryOf(x.url), headers: x.req.headers, body: x.body, requestId: x.requestId });
    return { status: r.status, body: r.body, headers: { "content-type": r.contentType, "x-tc-requestid": x.requestId } };
  }
  if (matchesMetadataHost(x.host)) {
    const r = api.metadata.handle({ method: x.method, host: x.host, path: x.url.pathname, headers: x.req.headers });
    return { status: r.status, body: r.body, headers: { "content-type": r.contentType } };
  }
  return undefined;
}

/** A CI or MPS request, with the faults injected around it; answers the status sent (0: connection dropped). */
async function jobApi({ ci, mps, faults }: Services, x: Exchange, res: ServerResponse): Promise<number> {
  const delay = faults.delay();
  if (delay) await new Promise((r) => setTimeout(r, delay));
  const fault = faults.before();
  if (fault === "reset") return drop(x.req);
  const isCi = matchesCiHost(x.host);
  if (fault) return send(res, isCi ? ciFault(fault, x.requestId) : mpsFault(fault, x.requestId, x.host));
  const { reply, submission } = isCi ? ciAnswer(ci, x) : mpsAnswer(mps, x);
  // Processed, but the answer never arrives: the client cannot tell whether the job exists.
  if (submission && reply.status === 200 && faults.loseAnswer()) return drop(x.req);
  return send(res, reply);
}

/** The requests that submit a job are the ones whose answer a fault may drop after processing them. */
interface JobApiAnswer {
  reply: Reply;
  submission: boolean;
}

function ciAnswer(ci: CiService, x: Exchange): JobApiAnswer {
  const r = ci.handle({ method: x.method, host: x.host, path: x.path, query: queryOf(x.url), headers: x.req.headers,
    body: x.body, requestId: x.requestId });
  return { reply: fromCi(r, x.requestId),
    submission: x.method === "POST" && (x.path === "/jobs" || x.path === "/inventorytriggerjob") };
}

function mpsAnswer(mps: MpsService, x: Exchange): JobApiAnswer {
  const r = mps.handle({ method: x.method, host: x.host, path: x.url.pathname, query: x.url.search.slice(1),
    headers: x.req.headers, body: x.body, requestId: x.requestId });
  return { reply: fromMps(r, x.requestId), submission: r.action === "SubmitIProductionJob" };
}

function send(res: ServerResponse, reply: Reply): number {
  res.writeHead(reply.status, reply.headers).end(reply.body);
  return reply.status;
}

/** Drops the connection without an answer (recorded as status 0). */
function drop(req: IncomingMessage): number {
  req.socket.destroy();
  return 0;
}

/**
 * The key id a request names: q-sign's `q-ak` (CI, COS), an ACS3 or TC3 `Credential`, OSS's `OSS <id>:…`, or the RPC
 * `AccessKeyId` (query or form body).
 */
function signingKeyOf(req: IncomingMessage, url: URL, body: string): string | undefined {
  const authorization = String(req.headers.authorization ?? "");
  const named = /(?:^|&)q-ak=([^&]+)/.exec(authorization) ?? /Credential=([^,\s/]+)/.exec(authorization) ??
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
    "mts.<region>.aliyuncs.com, <bucket>.oss-<region>.aliyuncs.com, sts.aliyuncs.com, sts.tencentcloudapi.com, " +
    "100.100.100.200 and metadata.tencentyun.com.";
  return host.endsWith(".myqcloud.com") ? fromCi(ciError(404, "NoSuchHost", message, requestId), requestId)
    : fromMps(mpsError(404, "NoSuchHost", message, requestId, host), requestId);
}

function fromCi(r: CiReply, requestId: string): Reply {
  return { status: r.status, body: r.body, headers: { "content-type": r.contentType ?? "application/xml",
    "x-ci-request-id": requestId } };
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
