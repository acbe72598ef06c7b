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
  /** application/xml unless given. */
  contentType?: string;
}

export function ciOk(body: XmlNode): CiReply {
  return { status: 200, body: buildXml("Response", body) };
}

export function ciError(status: number, code: string, message: string, requestId: string): CiReply {
  return { status, body: buildXml("Error", { Code: code, Message: message, RequestId: requestId, TraceId: requestId }) };
}

/**
 * An error in the JSON form Tencent answers some errors with (`{"code":404,"message":"404 NotFound","request_id":…}`,
 * the body cos-go-sdk-v5's error test feeds its CheckResponse), so that clients are tested against it.
 */
export function ciJsonError(status: number, message: string, requestId: string): CiReply {
  return { status, body: JSON.stringify({ code: status, message, request_id: requestId }),
    contentType: "application/json" };
}
