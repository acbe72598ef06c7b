/**
 * The errors an answer becomes, for every client's parse step: what the cloud said, classified by the one retry
 * table with the server's retry hint, or an answer that is no document of the API's at all. Either way the raw body
 * is kept only on the error's non-enumerable field, and messages name the body's type and size, never its content.
 */
import { CloudApiError, InvalidResponseError, Service } from "../errors";
import { classifyAnswer, isRetryableStatus, retryAfterMs } from "./retry";
import type { HttpResponse } from "./transport";

/** What an error document says, in the vendor's words. */
export interface VendorError {
  code: string;
  message: string;
  requestId?: string;
  /** MPS: the host that answered, and the vendor's advice. */
  hostId?: string;
  recommend?: string;
}

/**
 * What a JSON error body says, or undefined when the body is no such document. Tencent answers some errors as
 * `application/json` (`{"code":404,"message":"404 NotFound","request_id":"…"}`: cos-go-sdk-v5's CheckResponse reads
 * code, message and request_id from it, the code a number); MPS's error document is JSON too, keys capitalized
 * (`{"Code":"400","Message":"…","RequestId":"…"}`). Either spelling is read; a numeric code becomes its digits.
 */
export function jsonError(body: string): VendorError | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return undefined;
  const field = (...names: string[]) => {
    const v = names.map((n) => (doc as Record<string, unknown>)[n]).find((x) => x !== undefined && x !== null);
    return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
  };
  const code = field("Code", "code");
  const message = field("Message", "message");
  if (code === undefined && message === undefined) return undefined;
  const said: VendorError = { code: code ?? "", message: message ?? "" };
  const requestId = field("RequestId", "request_id", "requestId");
  if (requestId) said.requestId = requestId;
  return said;
}

/** The error of an answer that carries the cloud's error code (or, for a bodiless answer, its status). */
export function cloudApiError(service: Service, action: string, res: HttpResponse, said: VendorError): CloudApiError {
  return new CloudApiError({
    service, action, status: res.status, vendorCode: said.code, vendorMessage: said.message,
    requestId: said.requestId, hostId: said.hostId, recommend: said.recommend, ...classifyAnswer(res.status, said.code),
    retryAfterMs: retryAfterMs(res.headers), rawBody: res.body,
  });
}

/**
 * The error of an answer that is not the API's document (a proxy's HTML page, a truncated body, an empty error);
 * `document` names what was expected, e.g. "a CI document".
 */
export function notADocument(service: Service, action: string, res: HttpResponse, document: string,
  requestId: string | undefined): InvalidResponseError {
  return new InvalidResponseError({
    service, action, status: res.status, requestId, retryable: isRetryableStatus(res.status), rawBody: res.body,
    problem: `the answer is not ${document} (${res.headers["content-type"] ?? "no content type"}, ` +
      `${Buffer.byteLength(res.body)} bytes)`,
  });
}
