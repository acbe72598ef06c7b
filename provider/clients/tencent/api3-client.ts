/**
 * A Tencent Cloud API 3.0 client (`*.tencentcloudapi.com`; here STS): POST JSON bodies signed with TC3-HMAC-SHA256
 * (tc3-sign.ts) afresh every attempt, or sent with `Authorization: SKIP` for the calls that the body authorizes
 * itself (AssumeRoleWithWebIdentity, per the vendor's API doc and tencentcloud-sdk-nodejs's `skipSign`). Answers are
 * `{"Response": {…}}`; an error is HTTP 200 with `Response.Error.{Code, Message}` and `Response.RequestId`.
 */
import type { Service } from "../../errors";
import { cloudApiError, notADocument } from "../../http/answer-errors";
import { ClientOptions, RequestPipeline, requestPipeline } from "../../http/pipeline";
import { signTc3 } from "./tc3-sign";

/** A product as its client needs it: where, which API version, how errors name it. */
export interface Api3Product {
  /** e.g. `sts.tencentcloudapi.com`. */
  canonicalHost: string;
  /** The service name signed in the credential scope, e.g. `sts`. */
  serviceName: string;
  version: string;
  service: Service;
  settingName: string;
}

export type Api3Body = Record<string, unknown>;

export class Api3Client {
  private readonly pipeline: RequestPipeline;

  constructor(private readonly product: Api3Product, options: ClientOptions) {
    this.pipeline = requestPipeline({ canonicalHost: product.canonicalHost, settingName: product.settingName }, options);
  }

  /** Calls an action in a region; the answer's `Response` without its RequestId's wrapper, or CloudApiError. */
  call(action: string, region: string, body: Api3Body, opts: { idempotent: boolean; unsigned?: boolean }):
    Promise<Api3Body> {
    const payload = JSON.stringify(body);
    const { product } = this;
    return this.pipeline.send({
      idempotent: opts.idempotent,
      sign: ({ credentials, now, host }) => {
        const timestampSeconds = Math.floor(now / 1000);
        const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
        const sent: Record<string, string> = { ...headers, host, "x-tc-action": action, "x-tc-version": product.version,
          "x-tc-region": region, "x-tc-timestamp": String(timestampSeconds) };
        if (opts.unsigned) return { method: "POST", pathAndQuery: "/", headers: { ...sent, authorization: "SKIP" }, body: payload };
        if (credentials.securityToken) sent["x-tc-token"] = credentials.securityToken;
        const { authorization } = signTc3({ method: "POST", host, path: "/", query: {}, headers, payload }, credentials,
          { service: product.serviceName, timestampSeconds });
        return { method: "POST", pathAndQuery: "/", headers: { ...sent, authorization }, body: payload };
      },
      parse: (res, credentials) => parseApi3Response(product.service, action, res,
        [credentials.keyId, credentials.secret, credentials.securityToken]),
    });
  }
}

/** The single place an API 3.0 answer becomes its `Response` or an error; `sensitive` values are masked. */
export function parseApi3Response(service: Service, action: string, res: HttpResponseLike,
  sensitive: (string | undefined)[]): Api3Body {
  let doc: unknown;
  try {
    doc = JSON.parse(res.body);
  } catch {
    doc = undefined;
  }
  const response = (doc as { Response?: unknown } | undefined)?.Response;
  if (response === null || typeof response !== "object" || Array.isArray(response)) {
    throw notADocument(service, action, res, "a Tencent Cloud API 3.0 document", undefined);
  }
  const body = response as Api3Body;
  const requestId = typeof body.RequestId === "string" ? body.RequestId : undefined;
  const error = body.Error as { Code?: unknown; Message?: unknown } | undefined;
  if (error && typeof error === "object") {
    let message = typeof error.Message === "string" ? error.Message : "";
    for (const s of sensitive) if (s) message = message.split(s).join("***");
    throw cloudApiError(service, action, res, { code: String(error.Code ?? ""), message, ...(requestId ? { requestId } : {}) });
  }
  if (res.status >= 400) throw notADocument(service, action, res, "a Tencent Cloud API 3.0 document", requestId);
  return body;
}

type HttpResponseLike = Parameters<typeof notADocument>[2];
