/**
 * The emulator's HTTP server: one listener for every emulated host, routed by the Host header as the clouds'
 * front ends do (the client connects here and sends the canonical Host).
 */
import { randomBytes } from "node:crypto";
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { CiService, matchesCiHost } from "./ci/routes";
import { matchesMpsHost, MpsService } from "./mps/routes";

export interface RequestRecord {
  method: string;
  host: string;
  path: string;
  status: number;
}

export interface Services {
  ci: CiService;
  mps: MpsService;
}

export function createEmulatorServer(services: Services, record: (r: RequestRecord) => void): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        handle(services, req, Buffer.concat(chunks).toString("utf8"), res, record);
      } catch (e) {
        res.writeHead(500, { "content-type": "text/plain" }).end(`emulator error: ${(e as Error).message}`);
      }
    });
  });
}

function handle({ ci, mps }: Services, req: IncomingMessage, body: string, res: ServerResponse,
  record: (r: RequestRecord) => void): void {
  const host = (req.headers.host ?? "").toLowerCase();
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const requestId = randomBytes(12).toString("hex");
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  // URL decodes the path; CI signs it as sent, which for our ids and names is the same string.
  const path = decodeURIComponent(url.pathname);
  if (matchesCiHost(host)) {
    const reply = ci.handle({ method: req.method ?? "GET", host, path, query, headers: req.headers, body, requestId });
    res.writeHead(reply.status, { "content-type": "application/xml", "x-ci-request-id": requestId }).end(reply.body);
    record({ method: req.method ?? "", host, path, status: reply.status });
    return;
  }
  if (matchesMpsHost(host)) {
    const reply = mps.handle(req.method ?? "GET", host, url.search.slice(1), body, requestId);
    res.writeHead(reply.status, { "content-type": "application/json;charset=utf-8", ...reply.headers }).end(reply.body);
    record({ method: req.method ?? "", host, path: path, status: reply.status });
    return;
  }
  res.writeHead(404, { "content-type": "text/plain" }).end(`No emulated service answers for Host "${host}".\n`);
  record({ method: req.method ?? "", host, path, status: 404 });
}

export function serverUrl(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
}
