/** CI request and reply shapes of the emulator, and the two ways it answers. */
import { IncomingHttpHeaders } from "node:http";
import { buildXml, XmlNode } from "../../provider/clients/xml";

export interface CiRequest {
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  requestId: string;
}

export interface CiReply {
  status: number;
  body: string;
}

export function ciOk(body: XmlNode): CiReply {
  return { status: 200, body: buildXml("Response", body) };
}

export function ciError(status: number, code: string, message: string, requestId: string): CiReply {
  return { status, body: buildXml("Error", { Code: code, Message: message, RequestId: requestId, TraceId: requestId }) };
}
