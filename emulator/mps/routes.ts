/** The emulated MPS endpoint `mts.<region>.aliyuncs.com`: RPC actions over POST forms (or GET queries). */
import { MPS_ACTIONS, MpsState } from "./actions";
import { ApiError } from "./pipelines";
import { parseRpcParams, RpcVerifier } from "./auth";
import { ACS3 } from "./acs3";
import { buildXml, XmlNode } from "../../provider/clients/xml";
import { toWire } from "../../provider/clients/case";
import { IncomingHttpHeaders } from "node:http";
import { entryOf } from "../table";

const MPS_HOST = /^mts\.([a-z0-9-]+)\.aliyuncs\.com$/;
/**
 * The one API version MPS (product Mts) answers, stated here rather than taken from the provider's client so that a
 * client sending another is refused: `api/alibaba-mps.md`, "Endpoint and request", common parameter
 * `Version=2014-06-18` (what `@alicloud/mts20140618` sends too).
 */
const MPS_API_VERSION = "2014-06-18";

export interface MpsRequest {
  method: string;
  /** The host name (without a port). */
  host: string;
  /** The path as sent. */
  path: string;
  /** The query string as sent, without `?`. */
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
  requestId: string;
}

export interface MpsReply {
  status: number;
  body: string;
  /** The content type (JSON unless the request asked for XML). */
  contentType: string;
  /** The action answered (a submission may have its answer dropped by a fault). */
  action?: string;
}

/** An MPS answer in the format asked for: JSON, or XML under `root`. */
function mpsDocument(status: number, doc: Record<string, unknown>, root: string, format = "JSON"): MpsReply {
  return format === "XML"
    ? { status, body: buildXml(root, toWire(doc) as XmlNode), contentType: "text/xml;charset=utf-8" }
    : { status, body: JSON.stringify(doc), contentType: "application/json;charset=utf-8" };
}

/** MPS's error document: Code, Message, RequestId, HostId and Recommend. */
export function mpsError(status: number, code: string, message: string, requestId: string, host: string,
  format = "JSON"): MpsReply {
  return rpcError("Mts", { status, code, message }, requestId, host, format);
}

/** An Alibaba RPC product's error document (MPS is product `Mts`, STS `Sts`): the Recommend link names the product. */
export function rpcError(product: string, failure: { status: number; code: string; message: string },
  requestId: string, host: string, format = "JSON"): MpsReply {
  const { status, code, message } = failure;
  return mpsDocument(status, { RequestId: requestId, HostId: host, Code: code, Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=${product}` }, "Error", format);
}

/** An Alibaba RPC product's answer in JSON. */
export function rpcJson(doc: Record<string, unknown>): MpsReply {
  return mpsDocument(200, doc, "Response");
}

export function matchesMpsHost(host: string): boolean {
  return MPS_HOST.test(host);
}

/** The parts the MPS routes answer from, and the signature check in front of them. */
export interface MpsServiceOptions extends MpsState {
  verifier: RpcVerifier;
}

export class MpsService {
  constructor(private readonly parts: MpsServiceOptions) {}

  handle(req: MpsRequest): MpsReply {
    const { host, requestId } = req;
    const region = MPS_HOST.exec(host)![1]!;
    const params = rpcParams(req);
    const asked = (params.Format ?? "JSON").toUpperCase();
    const format = asked === "XML" ? "XML" : "JSON";
    const fail = (status: number, code: string, message: string) =>
      mpsError(status, code, message, requestId, host, format);
    if (asked !== format) {
      return fail(400, "InvalidParameter.Format", `Format must be JSON or XML; got "${params.Format}".`);
    }
    const { verifier } = this.parts;
    const refused = isAcs3(req) ? verifier.verifyAcs3(req) : verifier.verify(req.method, params);
    if (refused) return fail(refused.status, refused.code, refused.message);
    const action = params.Action ?? "";
    if (params.Version !== MPS_API_VERSION) {
      return fail(400, "InvalidVersion", `Specified parameter Version "${params.Version ?? ""}" is not valid.`);
    }
    try {
      return { ...mpsDocument(200, { RequestId: requestId, ...this.answer(action, region, params) },
        `${action}Response`, format), action };
    } catch (e) {
      if (e instanceof ApiError) return fail(e.status, e.code, e.message);
      throw e;
    }
  }

  private answer(action: string, region: string, params: Record<string, string>): Record<string, unknown> {
    const handler = entryOf(MPS_ACTIONS, action);
    if (!handler) throw new ApiError(404, "InvalidAction.NotFound", `Specified api "${action}" is not found.`);
    return handler(this.parts, params, region);
  }
}

/**
 * The action's parameters wherever the client put them: the query string, a form body, or both (the V1 SDKs post
 * a form; the V3 Tea clients post an empty body with the parameters in the query and Action and Version in
 * `x-acs-action` / `x-acs-version`).
 */
export function rpcParams(req: MpsRequest): Record<string, string> {
  const form = String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded") ||
    (req.method === "POST" && !req.headers["content-type"]);
  const params = { ...parseRpcParams(req.query), ...(form ? parseRpcParams(req.body) : {}) };
  if (isAcs3(req)) {
    params.Action ??= String(req.headers["x-acs-action"] ?? "");
    params.Version ??= String(req.headers["x-acs-version"] ?? "");
  }
  return params;
}

export function isAcs3(req: MpsRequest): boolean {
  return String(req.headers.authorization ?? "").startsWith(ACS3);
}

